package org.sahaya.dispatch.fleet;

import java.io.Serializable;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitStatus;

/** What a reported unit status did. Crosses members as an entry processor's answer. */
public sealed interface StatusChange extends Serializable {

    /** The unit moved from {@code before} to {@code after}. */
    record Changed(Unit before, Unit after) implements StatusChange {
    }

    /** {@link UnitStatus} does not allow this move; nothing changed. */
    record Illegal(Unit unit, UnitStatus requested) implements StatusChange {
    }

    /** No unit has this id; nothing changed. */
    record Unknown(String unitId) implements StatusChange {
    }
}
