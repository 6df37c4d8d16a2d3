package org.sahaya.dispatch.claims;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.util.Map;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;

/** Bed reservations as entry processors on the partition owning the hospital's bed board. */
public final class GridBedClaims implements BedClaims {

    private final IMap<String, Hospital> hospitals;

    public GridBedClaims(IMap<String, Hospital> hospitals) {
        this.hospitals = hospitals;
    }

    @Override
    public boolean reserve(String hospitalId, String incidentId, BedKind kind) {
        return Boolean.TRUE.equals(hospitals.executeOnKey(hospitalId, new Reserve(incidentId, kind)));
    }

    @Override
    public void release(String hospitalId, String incidentId) {
        hospitals.executeOnKey(hospitalId, new Release(incidentId));
    }

    record Reserve(String incidentId, BedKind kind) implements EntryProcessor<String, Hospital, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Hospital> entry) {
            Hospital hospital = entry.getValue();
            if (hospital == null) {
                return false;
            }
            if (kind.equals(hospital.reservations().get(incidentId))) {
                return true;
            }
            Hospital reserved = hospital.reserve(incidentId, kind);
            if (reserved == hospital) {
                return false;
            }
            entry.setValue(reserved);
            return true;
        }
    }

    record Release(String incidentId) implements EntryProcessor<String, Hospital, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Hospital> entry) {
            Hospital hospital = entry.getValue();
            if (hospital == null || !hospital.reservations().containsKey(incidentId)) {
                return false;
            }
            entry.setValue(hospital.release(incidentId));
            return true;
        }
    }
}
