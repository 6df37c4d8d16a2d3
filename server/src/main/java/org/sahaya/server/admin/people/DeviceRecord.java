package org.sahaya.server.admin.people;

/**
 * A device as an operator puts it in. {@code secret} is in clear here (never logged): the one given
 * (migrating hardware that already has one) or, when {@code generated}, one made for it, which a new
 * device gets and an existing one does not (its secret stays; rotate it to change it). {@code demo}: one
 * of the demo city's wearables (published secret), which only a demo node's own import writes.
 */
public record DeviceRecord(String id, String subscriberId, String secret, boolean generated, boolean demo) {

    public DeviceRecord(String id, String subscriberId, String secret, boolean generated) {
        this(id, subscriberId, secret, generated, false);
    }

    @Override
    public String toString() {
        return "DeviceRecord[" + id + "]";
    }
}
