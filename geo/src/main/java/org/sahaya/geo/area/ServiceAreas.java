package org.sahaya.geo.area;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.index.IndexedUnit;

/**
 * The set of areas we serve, e.g. one per fleet partner or ward: "is this alert's location served,
 * and by which areas?", and, for dispatch, "keep only candidates inside the areas that serve it".
 *
 * <p>The outlines' bounding boxes go into an STR tree built once (a set of areas changes with a
 * contract, not per alert; build a new set then), so a lookup tests only the few areas whose box
 * holds the point, however many there are. Immutable and thread-safe.
 */
public final class ServiceAreas {

    private final Map<String, ServiceArea> byName;
    private final STRtree boxes = new STRtree();

    private ServiceAreas(Collection<ServiceArea> areas) {
        Map<String, ServiceArea> named = new LinkedHashMap<>();
        for (ServiceArea area : areas) {
            Objects.requireNonNull(area, "area");
            if (named.putIfAbsent(area.name(), area) != null) {
                throw new IllegalArgumentException("two service areas are named " + area.name());
            }
            boxes.insert(area.envelope(), area);
        }
        this.byName = Map.copyOf(named);
        boxes.build(); // the tree is read-only from here on, which makes concurrent queries safe
    }

    /**
     * @throws IllegalArgumentException if two areas share a name
     */
    public static ServiceAreas of(Collection<ServiceArea> areas) {
        return new ServiceAreas(List.copyOf(areas));
    }

    public static ServiceAreas of(ServiceArea... areas) {
        return of(List.of(areas));
    }

    /** Whether any area covers the point (its inside or outline). */
    public boolean contains(GeoPoint point) {
        return !containing(point).isEmpty();
    }

    /** The areas that cover the point, in no particular order; empty if it is not served. */
    public List<ServiceArea> containing(GeoPoint point) {
        Objects.requireNonNull(point, "point");
        List<ServiceArea> found = new ArrayList<>(2);
        for (Object candidate : boxes.query(new Envelope(point.lon(), point.lon(), point.lat(), point.lat()))) {
            ServiceArea area = (ServiceArea) candidate;
            if (area.contains(point)) {
                found.add(area);
            }
        }
        return found;
    }

    public Optional<ServiceArea> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public int size() {
        return byName.size();
    }

    /**
     * A unit filter for the index that keeps units inside at least one of the areas covering
     * {@code scene}: a partner's ambulance is sent only within the areas its contract covers.
     * A scene outside every area gets a filter that keeps nothing.
     */
    public Predicate<IndexedUnit> servingUnitsFor(GeoPoint scene) {
        List<ServiceArea> serving = containing(scene);
        if (serving.isEmpty()) {
            return unit -> false;
        }
        if (serving.size() == 1) {
            ServiceArea only = serving.getFirst();
            return only::containsUnit;
        }
        return unit -> serving.stream().anyMatch(area -> area.containsUnit(unit));
    }
}
