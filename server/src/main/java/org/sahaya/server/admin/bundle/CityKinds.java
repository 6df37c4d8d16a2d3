package org.sahaya.server.admin.bundle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.admin.city.Dc09AccountKind;
import org.sahaya.server.admin.city.FleetKind;
import org.sahaya.server.admin.city.HospitalKind;
import org.sahaya.server.admin.city.ServiceAreaKind;
import org.sahaya.server.admin.city.UnitKind;
import org.sahaya.server.admin.people.ContactKind;
import org.sahaya.server.admin.people.DeviceKind;
import org.sahaya.server.admin.people.SubscriberKind;

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
     * The kinds, one per section in {@link #SECTIONS}' order: the same classes the administration API uses.
     *
     * @param secrets   seals device secrets, DC-09 keys and medical profiles as they are stored
     * @param grid      the running node's grid, to make changes live; null for the command line, which writes
     *                  into a database no member is running on (members read it when they start) and never
     *                  calls {@code published}
     * @param clock     stamps consents, changes and units
     * @param available told of each unit an import left AVAILABLE (dispatch offers it a waiting incident)
     */
    public static List<RecordKind<?>> of(SecretBox secrets, Grid grid, Clock clock, Consumer<String> available) {
        return of(secrets, grid, clock, available, false);
    }

    /**
     * As {@link #of(SecretBox, Grid, Clock, Consumer)}; {@code allowDemo} true only for a demo node loading its
     * own demo city ({@code DemoImport}): its devices and DC-09 accounts are marked {@code "demo": true}
     * (published secrets and key), which every other import and the API refuse.
     */
    public static List<RecordKind<?>> of(SecretBox secrets, Grid grid, Clock clock, Consumer<String> available,
                                         boolean allowDemo) {
        List<RecordKind<?>> kinds = new ArrayList<>();
        kinds.add(new FleetKind());
        kinds.add(new HospitalKind(grid));
        kinds.add(new ServiceAreaKind(grid));
        kinds.add(new UnitKind(grid, clock, available));
        kinds.add(new SubscriberKind(secrets, clock));
        kinds.add(new DeviceKind(secrets, allowDemo));
        kinds.add(new ContactKind());
        kinds.add(new Dc09AccountKind(secrets, allowDemo));
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
