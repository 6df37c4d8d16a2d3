package org.sahaya.server.admin.bundle;

import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.admin.RecordKind;

/**
 * The record kinds a city bundle holds, in the order they are loaded: what others refer to first
 * (a unit names its fleet and service area, a device and a contact their subscriber, a DC-09 account
 * its device). The one list both the command line and {@code POST /api/v1/imports} load through.
 */
public final class CityKinds {

    /** The bundle's format, its {@code "format"} member. */
    public static final String FORMAT = "sahaya-city/1";

    /** The sections of a bundle in load order. */
    public static final List<String> SECTIONS = List.of("fleets", "hospitals", "serviceAreas", "units",
            "subscribers", "devices", "contacts", "dc09Accounts");

    private CityKinds() {
    }

    /**
     * The kinds, one per section in {@link #SECTIONS}' order.
     *
     * @param secrets seals device secrets and DC-09 keys as they are stored
     * @param grid    the running node's grid, to make changes live; null for the command line, which writes
     *                into a database no member is running on (members read it when they start)
     */
    public static List<RecordKind<?>> of(SecretBox secrets, Grid grid) {
        List<RecordKind<?>> kinds = new ArrayList<>();
        // MERGE: one line per kind, in this order, as the people and place helpers built them, e.g.
        // kinds.add(new org.sahaya.server.admin.city.FleetKind(...));        // fleets
        // kinds.add(new org.sahaya.server.admin.city.HospitalKind(...));     // hospitals
        // kinds.add(new org.sahaya.server.admin.city.ServiceAreaKind(...));  // serviceAreas
        // kinds.add(new org.sahaya.server.admin.city.UnitKind(...));         // units
        // kinds.add(new org.sahaya.server.admin.people.SubscriberKind(...)); // subscribers
        // kinds.add(new org.sahaya.server.admin.people.DeviceKind(...));     // devices
        // kinds.add(new org.sahaya.server.admin.people.ContactKind(...));    // contacts
        // kinds.add(new org.sahaya.server.admin.city.Dc09AccountKind(...));  // dc09Accounts
        return inLoadOrder(kinds);
    }

    /**
     * {@code kinds} sorted into load order.
     *
     * @throws IllegalArgumentException if a kind's section is not one of {@link #SECTIONS} or appears twice
     */
    public static List<RecordKind<?>> inLoadOrder(List<RecordKind<?>> kinds) {
        List<RecordKind<?>> sorted = new ArrayList<>(kinds);
        for (RecordKind<?> kind : kinds) {
            if (!SECTIONS.contains(kind.section())) {
                throw new IllegalArgumentException("no bundle section " + kind.section() + "; one of " + SECTIONS);
            }
            if (kinds.stream().filter(k -> k.section().equals(kind.section())).count() > 1) {
                throw new IllegalArgumentException("two kinds for the section " + kind.section());
            }
        }
        sorted.sort(java.util.Comparator.comparingInt(k -> SECTIONS.indexOf(k.section())));
        return List.copyOf(sorted);
    }
}
