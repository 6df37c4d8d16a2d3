package org.sahaya.dispatch.policy;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.sahaya.core.fleet.UnitLevel;

/**
 * Ranks units and hospitals for an incident. Pure: data in, data out; the dispatcher tries the
 * ranked options in order until a claim succeeds.
 *
 * <p>Units: by ETA. An ALS unit may take a BLS call, but ranks as if {@code alsPenalty} further
 * away, so advanced crews stay free for cardiac and stroke calls unless they are much closer.
 * Hospitals: by transport time; the family's preferred hospital wins if it is within
 * {@code preferenceTolerance} of the fastest; a partner hospital wins a tie within {@code partnerTolerance}.
 *
 * <p>BLS first: a call that needs ALS when no free ALS unit can arrive within {@code alsWait} gets the
 * nearest BLS unit now (if it is nearer than the nearest ALS unit) and an ALS unit as soon as one is free.
 */
public final class DispatchPolicy {

    private final Duration alsPenalty;
    private final Duration preferenceTolerance;
    private final Duration partnerTolerance;
    private final Duration alsWait;

    /** With the default wait for an ALS unit ({@link #DEFAULT_ALS_WAIT}). */
    public DispatchPolicy(Duration alsPenalty, Duration preferenceTolerance, Duration partnerTolerance) {
        this(alsPenalty, preferenceTolerance, partnerTolerance, DEFAULT_ALS_WAIT);
    }

    /** @param alsWait how long a call that needs ALS may wait for an ALS unit before a BLS unit goes first */
    public DispatchPolicy(Duration alsPenalty, Duration preferenceTolerance, Duration partnerTolerance, Duration alsWait) {
        this.alsPenalty = alsPenalty;
        this.preferenceTolerance = preferenceTolerance;
        this.partnerTolerance = partnerTolerance;
        this.alsWait = alsWait;
    }

    /** {@code SAHAYA_ALS_WAIT_SECONDS}' default: 10 minutes. */
    public static final Duration DEFAULT_ALS_WAIT = Duration.ofMinutes(10);

    /** This policy with another wait for an ALS unit ({@code SAHAYA_ALS_WAIT_SECONDS}). */
    public DispatchPolicy withAlsWait(Duration wait) {
        return new DispatchPolicy(alsPenalty, preferenceTolerance, partnerTolerance, wait);
    }

    public static DispatchPolicy defaults() {
        return new DispatchPolicy(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(2));
    }

    /** Units that can serve {@code needs}, best first. */
    public List<UnitOption> rankUnits(UnitLevel needs, List<UnitOption> options) {
        return options.stream()
                .filter(o -> canServe(o.level(), needs))
                .sorted(Comparator.comparing((UnitOption o) -> rankingEta(o, needs))
                        .thenComparing(UnitOption::distanceMetres)
                        .thenComparing(UnitOption::unitId))
                .toList();
    }

    /**
     * Whether a BLS unit goes first to a call that needs {@code needs}: it needs ALS, and the best ALS
     * option ({@code bestAls}, null when none is free) cannot arrive within the wait, or not at all.
     */
    public boolean blsFirst(UnitLevel needs, UnitOption bestAls) {
        return needs == UnitLevel.ALS && (bestAls == null || bestAls.eta().compareTo(alsWait) > 0);
    }

    /**
     * The BLS units that may go first, best first: BLS only, and nearer in time than the ALS unit
     * ({@code bestAls}, null when none is free) that would otherwise go.
     */
    public List<UnitOption> rankFirstResponders(List<UnitOption> options, UnitOption bestAls) {
        return rankUnits(UnitLevel.BLS, options).stream()
                .filter(o -> o.level() == UnitLevel.BLS)
                .filter(o -> bestAls == null || o.eta().compareTo(bestAls.eta()) < 0)
                .toList();
    }

    /** One sentence for the timeline: why a BLS unit went first and an ALS unit is still sought. */
    public String explainBlsFirst(UnitOption bls, UnitOption bestAls) {
        return "No ALS unit can arrive within " + UnitOption.minutes(alsWait) + " min (nearest: "
                + (bestAls == null ? "none free" : bestAls.callSign() + " at " + UnitOption.minutes(bestAls.eta()) + " min")
                + "): BLS unit " + bls.callSign() + " sent first, ETA " + UnitOption.minutes(bls.eta())
                + " min; an ALS unit is still sought";
    }

    public static boolean canServe(UnitLevel unit, UnitLevel needs) {
        return unit == needs || (unit == UnitLevel.ALS && needs == UnitLevel.BLS);
    }

    private Duration rankingEta(UnitOption o, UnitLevel needs) {
        return o.level() != needs ? o.eta().plus(alsPenalty) : o.eta();
    }

    /** Hospitals with a free bed, best first. */
    public List<HospitalOption> rankHospitals(List<HospitalOption> options) {
        List<HospitalOption> withBeds = options.stream().filter(o -> o.freeBeds() > 0).toList();
        Duration fastest = withBeds.stream().map(HospitalOption::transport).min(Comparator.naturalOrder()).orElse(Duration.ZERO);
        return withBeds.stream()
                .sorted(Comparator.comparing((HospitalOption o) -> effective(o, fastest))
                        .thenComparing(o -> !o.partner())
                        .thenComparing(HospitalOption::hospitalId))
                .toList();
    }

    /** The preferred hospital within tolerance counts as fastest; a partner within its tolerance likewise. */
    private Duration effective(HospitalOption o, Duration fastest) {
        Duration behind = o.transport().minus(fastest);
        if (o.preferred() && behind.compareTo(preferenceTolerance) <= 0) {
            return Duration.ofSeconds(-1);
        }
        if (o.partner() && behind.compareTo(partnerTolerance) <= 0) {
            return fastest;
        }
        return o.transport();
    }

    /** One sentence for the timeline: why the chosen unit. */
    public String explainUnit(UnitOption chosen, UnitLevel needs, List<UnitOption> ranked) {
        String why = chosen.level() == needs
                ? "nearest available " + needs + " unit by ETA"
                : "ALS unit takes a BLS call: no BLS unit was within " + alsPenalty.toMinutes() + " min of it";
        return "Unit " + chosen.describe() + ": " + why + " (" + ranked.size() + " candidates)";
    }

    /** One sentence for the timeline: why the chosen hospital. */
    public String explainHospital(HospitalOption chosen, List<HospitalOption> ranked) {
        Duration fastest = ranked.stream().map(HospitalOption::transport).min(Comparator.naturalOrder()).orElse(chosen.transport());
        String why;
        if (chosen.transport().compareTo(fastest) <= 0) {
            why = "fastest transport with a free bed";
        } else if (chosen.preferred()) {
            why = "the family's preferred hospital, within " + preferenceTolerance.toMinutes() + " min of the fastest";
        } else {
            why = "partner hospital, within " + partnerTolerance.toMinutes() + " min of the fastest";
        }
        return "Hospital " + chosen.describe() + ": " + why + " (" + ranked.size() + " with free beds)";
    }
}
