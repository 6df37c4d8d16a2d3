package org.sahaya.core.hospital;

import java.util.Optional;

/**
 * The hospitals and their bed boards as the grid holds them now: a read view for those who only
 * name a hospital or show its beds. Reservations go through dispatch's bed claims, never here. The
 * grid (core.grid) implements it.
 */
@FunctionalInterface
public interface Hospitals {

    /** The hospital as its owner holds it now, or empty for an unknown hospital. */
    Optional<Hospital> hospital(String hospitalId);
}
