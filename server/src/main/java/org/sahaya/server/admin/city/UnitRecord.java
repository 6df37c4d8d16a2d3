package org.sahaya.server.admin.city;

import java.util.List;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.UnitLevel;

/**
 * An ambulance as an operator records it.
 *
 * @param id           the unit's id, e.g. {@code AMB-031}
 * @param fleet        the fleet partner that owns it ({@code FLEET-2})
 * @param position     where it starts; used only when the unit is created (afterwards its crew reports it)
 * @param capabilities what it carries beyond its level: OXYGEN, VENTILATOR, BARIATRIC, WHEELCHAIR, ...
 * @param serviceArea  the service area it is bound to, or null to go anywhere
 * @param inService    false takes it out of service (after its job, if it is on one)
 */
public record UnitRecord(String id, String fleet, String callSign, UnitLevel level, String station, Coordinates position,
                         List<String> capabilities, String serviceArea, boolean inService) {
}
