package org.sahaya.server.gateway.dc09.intake;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Optional;
import org.sahaya.core.alert.AlertType;
import org.sahaya.server.gateway.dc09.message.Dc09Event;

/**
 * Which alert a panel's event is, for the events a senior-care hub sends. Everything else (burglary,
 * arming, restores, trouble we do not act on) maps to nothing: the gateway records it as a
 * {@code TEST} alert with the code in its id, so it shows on the timeline and dispatches nothing.
 * Sources: Ademco Contact ID (SIA DC-05) and the SIA DC-03 event code list.
 */
final class EventMapping {

    static final Map<String, AlertType> CONTACT_ID = Map.ofEntries(
            entry("100", AlertType.MEDICAL),      // medical
            entry("101", AlertType.SOS),          // personal emergency (pendant)
            entry("102", AlertType.INACTIVITY),   // fail to report in
            entry("110", AlertType.SMOKE),        // fire
            entry("111", AlertType.SMOKE),        // smoke
            entry("112", AlertType.SMOKE),        // combustion
            entry("113", AlertType.SMOKE),        // water flow (sprinkler running)
            entry("114", AlertType.SMOKE),        // heat
            entry("115", AlertType.SMOKE),        // pull station
            entry("117", AlertType.SMOKE),        // flame
            entry("120", AlertType.SOS),          // panic
            entry("121", AlertType.SOS),          // duress
            entry("122", AlertType.SOS),          // silent panic
            entry("123", AlertType.SOS),          // audible panic
            entry("151", AlertType.GAS),          // gas detected
            entry("154", AlertType.WATER),        // water leakage
            entry("162", AlertType.CO),           // carbon monoxide detected
            entry("302", AlertType.LOW_BATTERY),  // low system battery
            entry("309", AlertType.LOW_BATTERY),  // battery test failure
            entry("311", AlertType.LOW_BATTERY),  // battery missing or dead
            entry("338", AlertType.LOW_BATTERY),  // expansion module battery low
            entry("384", AlertType.LOW_BATTERY),  // RF transmitter low battery
            entry("406", AlertType.CANCEL),       // cancel (user aborted the alarm)
            entry("601", AlertType.TEST),         // manual test report
            entry("602", AlertType.TEST),         // periodic test report
            entry("641", AlertType.INACTIVITY));  // senior watch trouble

    static final Map<String, AlertType> SIA = Map.ofEntries(
            entry("MA", AlertType.MEDICAL),       // medical alarm
            entry("PA", AlertType.SOS),           // panic alarm
            entry("HA", AlertType.SOS),           // hold-up (duress) alarm
            entry("QA", AlertType.SOS),           // emergency alarm
            entry("FA", AlertType.SMOKE),         // fire alarm
            entry("KA", AlertType.SMOKE),         // heat alarm
            entry("GA", AlertType.GAS),           // gas alarm
            entry("WA", AlertType.WATER),         // water alarm
            entry("YT", AlertType.LOW_BATTERY),   // system battery trouble
            entry("XT", AlertType.LOW_BATTERY),   // transmitter battery trouble
            entry("BC", AlertType.CANCEL),        // burglary cancel
            entry("OC", AlertType.CANCEL),        // cancel report
            entry("RP", AlertType.TEST),          // automatic test
            entry("RX", AlertType.TEST));         // manual test

    private EventMapping() {
    }

    /** @return the alert this event raises; empty for restores, status reports and codes we do not act on */
    static Optional<AlertType> alertType(Dc09Event event) {
        return switch (event.kind()) {
            case CONTACT_ID -> event.qualifier() == '1' ? Optional.ofNullable(CONTACT_ID.get(event.code())) : Optional.empty();
            case SIA -> Optional.ofNullable(SIA.get(event.code()));
        };
    }
}
