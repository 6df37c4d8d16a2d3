package org.sahaya.notify.ack;

import org.sahaya.notify.template.SmsSegments;

/**
 * Whether an SMS carries its acknowledgement link. Pure.
 *
 * <p>Two-way SMS does not reach Indian numbers (+91), so for them the link is the only way to
 * acknowledge from the SMS itself and is always added. Elsewhere the contact can reply "1" (or
 * acknowledge by push or on the call), so the link is added only when it costs no extra SMS part:
 * every part is paid for and may arrive out of order.
 */
public final class SmsAckHint {

    private SmsAckHint() {
    }

    public static String withLink(String text, String link, String e164) {
        String linked = text + "\n" + link;
        if (!TwoWaySms.reaches(e164)) {
            return linked;
        }
        return SmsSegments.of(linked).segments() <= SmsSegments.of(text).segments() ? linked : text;
    }
}
