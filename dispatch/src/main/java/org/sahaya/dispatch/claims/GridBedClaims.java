package org.sahaya.dispatch.claims;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;

/** Bed reservations as entry processors on the partition owning the hospital's bed board. */
public final class GridBedClaims implements BedClaims {

    private final IMap<String, Hospital> hospitals;

    public GridBedClaims(Grid grid) {
        this.hospitals = grid.hospitals();
    }

    @Override
    public boolean reserve(String hospitalId, String incidentId, BedKind kind) {
        return Boolean.TRUE.equals(hospitals.executeOnKey(hospitalId, new Reserve(incidentId, kind)));
    }

    @Override
    public void release(String hospitalId, String incidentId) {
        hospitals.executeOnKey(hospitalId, new Release(incidentId));
    }

    @Override
    public void handOver(String hospitalId, String incidentId) {
        hospitals.executeOnKey(hospitalId, new HandOver(incidentId));
    }

    /**
     * A hospital's own report of its free beds per kind, applied on the owner like a claim so that a
     * reservation racing the report is neither lost nor counted twice. The beds held for incidents stay
     * held: the report is set against them ({@link Hospital#withReport}), it never frees one.
     *
     * @return the bed board after the report, or empty for an unknown hospital (nothing changed)
     */
    public Optional<Hospital> report(String hospitalId, Map<BedKind, Integer> freeBeds) {
        return Optional.ofNullable(hospitals.executeOnKey(hospitalId, new Report(new EnumMap<>(freeBeds))));
    }

    record Report(EnumMap<BedKind, Integer> freeBeds) implements EntryProcessor<String, Hospital, Hospital> {
        @Override
        public Hospital process(Map.Entry<String, Hospital> entry) {
            Hospital hospital = entry.getValue();
            if (hospital == null) {
                return null;
            }
            Hospital reported = hospital.withReport(freeBeds);
            entry.setValue(reported);
            return reported;
        }
    }

    record HandOver(String incidentId) implements EntryProcessor<String, Hospital, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Hospital> entry) {
            Hospital hospital = entry.getValue();
            if (hospital == null || !hospital.reservations().containsKey(incidentId)) {
                return false;
            }
            entry.setValue(hospital.handOver(incidentId));
            return true;
        }
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
