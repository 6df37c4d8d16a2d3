package org.sahaya.notify.ack;

/** Where a reply to our SMS reaches us. Pure. */
public final class TwoWaySms {

    private TwoWaySms() {
    }

    /** Twilio cannot receive SMS replies from Indian numbers: acknowledgement there is by call, push or link. */
    public static boolean reaches(String e164) {
        return e164 != null && e164.startsWith("+") && !e164.startsWith("+91");
    }
}
