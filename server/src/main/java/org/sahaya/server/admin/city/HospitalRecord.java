package org.sahaya.server.admin.city;

import java.util.List;
import java.util.Map;
import org.sahaya.core.Coordinates;
import org.sahaya.core.hospital.BedKind;

/**
 * A receiving hospital as an operator records it.
 *
 * @param capacity     beds of each kind in all
 * @param free         free beds of the kinds given (the rest keep their count); on a new hospital, kinds not
 *                     given start with all their beds free
 * @param capabilities what it treats: CARDIAC, STROKE, TRAUMA, ICU, BURNS, PAEDIATRIC, ...
 * @param preferred    a partner hospital, preferred at equal ETA (the bed board's {@code partner})
 * @param fhirBaseUrl  its FHIR R4 endpoint: pre-arrival Bundles go there (issue 17); null if it has none
 */
public record HospitalRecord(String id, String name, Coordinates position, String address, String phone,
                             Map<BedKind, Integer> capacity, Map<BedKind, Integer> free, List<String> capabilities,
                             boolean preferred, String fhirBaseUrl) {
}
