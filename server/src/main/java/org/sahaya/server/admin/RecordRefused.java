package org.sahaya.server.admin;

import java.util.List;

/**
 * A record refused, with every field at fault and why, as RFC 9457 problems name them ({@code field}
 * is a JSON pointer-like path such as {@code home.lat} or {@code contacts[1].phone}). Nothing was changed.
 */
public final class RecordRefused extends Exception {

    /**
     * One field at fault. {@code status} is the HTTP status the API answers: 422, 404 or 409; {@code type}
     * the problem type's slug when the refusal has its own ({@code subscriber-erased}), else null.
     */
    public record Fault(String field, String reason, int status, String type) {
        public Fault(String field, String reason, int status) {
            this(field, reason, status, null);
        }

        public static Fault invalid(String field, String reason) {
            return new Fault(field, reason, 422);
        }
    }

    private final transient List<Fault> faults;

    public RecordRefused(List<Fault> faults) {
        super(faults.isEmpty() ? "refused" : faults.get(0).field() + ": " + faults.get(0).reason(), null, false, false);
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one field");
        }
        this.faults = List.copyOf(faults);
    }

    public static RecordRefused of(String field, String reason) {
        return new RecordRefused(List.of(Fault.invalid(field, reason)));
    }

    public List<Fault> faults() {
        return faults;
    }
}
