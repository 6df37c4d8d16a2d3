package org.sahaya.dispatch.area;

import com.hazelcast.topic.ITopic;
import java.util.UUID;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every member that the service areas or a unit's binding changed, so that each reloads its
 * {@link ServiceAreas} from the database: areas change with a contract (a handful a year), and the
 * tables are small, so a reload beats keeping a second copy of them in the grid. The announcement goes
 * on a grid topic after the change is committed; each member reloads on a virtual thread, never on
 * Hazelcast's event thread.
 */
public final class AreaChanges implements AutoCloseable {

    static final String TOPIC = "service-areas.changed";
    private static final Logger LOG = LoggerFactory.getLogger(AreaChanges.class);

    private final ITopic<String> topic;
    private final UUID listener;

    private AreaChanges(ITopic<String> topic, UUID listener) {
        this.topic = topic;
        this.listener = listener;
    }

    /** Keeps {@code areas} in step with every change any member announces, this one's included. */
    public static AreaChanges follow(Grid grid, ServiceAreas areas, Database database) {
        ITopic<String> topic = grid.hazelcast().getTopic(TOPIC);
        UUID id = topic.addMessageListener(message -> Thread.ofVirtual().name("service-areas-reload").start(() -> {
            try {
                areas.reload(database);
            } catch (RuntimeException e) {
                LOG.error("service areas not reloaded after a change: {}", e.getClass().getSimpleName(), e);
            }
        }));
        return new AreaChanges(topic, id);
    }

    /** After a committed change to an area or a binding: every member reloads. */
    public static void announce(Grid grid, String what) {
        grid.hazelcast().<String>getTopic(TOPIC).publish(what);
    }

    @Override
    public void close() {
        topic.removeMessageListener(listener);
    }
}
