package org.sahaya.server.gateway;

/**
 * An alert payload we refuse, with what is wrong in words a device developer can act on. Each
 * gateway answers it in its own protocol: HTTP as a problem naming {@link #field()}, MQTT 5 as
 * reason code 0x99 with the detail as reason string. Never carries a payload value.
 */
public final class InvalidAlert extends RuntimeException {

    /** What kind of wrong. */
    public enum Kind {
        /** Not JSON, or not a JSON object. */
        MALFORMED_JSON,
        /** A field breaks the contract's schema or cannot be read. */
        INVALID_FIELD,
        /** {@code deviceId} in the payload is not the authenticated device. */
        DEVICE_MISMATCH,
        /** A key written twice in one object ({@link DuplicateKeys}); the field is that key. */
        DUPLICATE_KEY
    }

    private final Kind kind;
    private final String field;

    public InvalidAlert(Kind kind, String field, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The offending field as a JSON pointer without the leading slash ({@code location/lat}), or null. */
    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }
}
