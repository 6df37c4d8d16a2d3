package org.sahaya.core.config;

/**
 * How many database connections the node holds, in two pools: the main one for everything, and a
 * small alert lane that only alert receipts may take, so that routine work holding every main
 * connection never keeps a device waiting for its acknowledgement.
 *
 * @param main      {@code SAHAYA_DB_POOL}, default 16: routine writes, dispatch, the outbox, queries
 * @param alertLane {@code SAHAYA_DB_ALERT_POOL}, default 4: storing an alert and finding its device; a few are
 *                  enough, since each holds its connection for milliseconds
 */
public record DatabasePools(int main, int alertLane) {

    /** What a node uses unless told otherwise. */
    public static final DatabasePools DEFAULT = new DatabasePools(16, 4);

    public DatabasePools {
        if (main < 1 || alertLane < 1) {
            throw new IllegalArgumentException("each pool needs a connection at least, was main " + main
                    + ", alert lane " + alertLane);
        }
    }

    public static DatabasePools from(Settings s) {
        return new DatabasePools(s.getPositiveInt("SAHAYA_DB_POOL", DEFAULT.main()),
                s.getPositiveInt("SAHAYA_DB_ALERT_POOL", DEFAULT.alertLane()));
    }
}
