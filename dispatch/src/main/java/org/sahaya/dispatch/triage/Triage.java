package org.sahaya.dispatch.triage;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;

/**
 * Decides priority and action for an alert type. Pure: data in, data out.
 *
 * <p>The verification window per type comes from configuration: zero means dispatch at once, more
 * means wait that long for the device's "I'm OK" first.
 */
public final class Triage {

    /** The clinical default per alert type; the action follows from the verification window. */
    private record Rule(Priority priority, UnitLevel needs, BedKind bed, String why) {
    }

    private static final Map<AlertType, Rule> RULES = new EnumMap<>(Map.of(
            AlertType.SOS, new Rule(Priority.P1, UnitLevel.ALS, BedKind.ER,
                    "SOS pressed: the person asked for help; advanced life support"),
            AlertType.MEDICAL, new Rule(Priority.P1, UnitLevel.ALS, BedKind.ER,
                    "medical alert from the device: advanced life support"),
            AlertType.FALL, new Rule(Priority.P2, UnitLevel.BLS, BedKind.ER,
                    "fall detected: basic life support to the emergency room"),
            AlertType.SMOKE, new Rule(Priority.P2, UnitLevel.BLS, BedKind.ER,
                    "smoke alarm at home: basic life support stands by for smoke inhalation"),
            AlertType.CO, new Rule(Priority.P1, UnitLevel.ALS, BedKind.ER,
                    "carbon monoxide alarm: poisoning risk, advanced life support"),
            AlertType.GAS, new Rule(Priority.P2, UnitLevel.BLS, BedKind.ER,
                    "gas alarm at home: basic life support stands by"),
            AlertType.INACTIVITY, new Rule(Priority.P3, UnitLevel.BLS, BedKind.ER,
                    "no movement for an unusual time: check on the person")));

    private final Function<AlertType, Duration> verificationWindow;

    /** @param verificationWindow per-type window from configuration */
    public Triage(Function<AlertType, Duration> verificationWindow) {
        this.verificationWindow = verificationWindow;
    }

    public TriageDecision decide(AlertType type) {
        return decide(type, Signals.NONE);
    }

    /**
     * The type's rule, adjusted by what the device measured: advanced life support for cardiac or
     * stroke signs, an unresponsive person, or an SOS without movement; a cardiac or stroke bed
     * when those are suspected. An SOS whose wearer is moving gets basic life support.
     */
    public TriageDecision decide(AlertType type, Signals signals) {
        Rule base = RULES.get(type);
        Rule rule = base == null ? null : adjusted(type, base, signals);
        if (rule == null) {
            return new TriageDecision(Priority.P4, TriageAction.RECORD_ONLY, null, null, Duration.ZERO,
                    recordOnlyReason(type));
        }
        Duration window = verificationWindow.apply(type);
        if (window.isZero()) {
            return new TriageDecision(rule.priority(), TriageAction.DISPATCH_NOW, rule.needs(), rule.bed(),
                    Duration.ZERO, rule.priority() + ", dispatch now: " + rule.why());
        }
        return new TriageDecision(rule.priority(), TriageAction.VERIFY_FIRST, rule.needs(), rule.bed(), window,
                rule.priority() + ", verify first (" + window.toSeconds() + " s for an \"I'm OK\"): " + rule.why());
    }

    private static Rule adjusted(AlertType type, Rule rule, Signals signals) {
        if ("CARDIAC".equals(signals.condition())) {
            return new Rule(Priority.P1, UnitLevel.ALS, BedKind.CARDIAC,
                    "cardiac signs reported by the device: advanced life support to a cardiac cath lab");
        }
        if ("STROKE".equals(signals.condition())) {
            return new Rule(Priority.P1, UnitLevel.ALS, BedKind.STROKE,
                    "stroke signs reported by the device: advanced life support to a stroke unit");
        }
        if (Boolean.FALSE.equals(signals.responsive())) {
            return new Rule(Priority.P1, UnitLevel.ALS, rule.bed(), "the person does not respond: advanced life support");
        }
        if (type == AlertType.SOS && Boolean.TRUE.equals(signals.movement())) {
            return new Rule(Priority.P1, UnitLevel.BLS, rule.bed(),
                    "SOS pressed and the wearer is moving: basic life support");
        }
        if (type == AlertType.SOS && Boolean.FALSE.equals(signals.movement())) {
            return new Rule(Priority.P1, UnitLevel.ALS, rule.bed(),
                    "SOS pressed and no movement since: advanced life support");
        }
        return rule;
    }

    private static String recordOnlyReason(AlertType type) {
        return switch (type) {
            case TEST -> "P4, record only: device test";
            case LOW_BATTERY -> "P4, record only: low battery";
            case WATER -> "P4, record only: water leak, no one is in danger";
            case CANCEL -> "P4, record only: \"I'm OK\" from the device";
            case DEVICE_OFFLINE -> "P4, record only: the device stopped reporting (no heartbeat within its interval)";
            default -> "P4, record only";
        };
    }
}
