package org.sahaya.server.delivery;

/**
 * Where one delivery goes, looked up at each attempt so that a corrected URL serves the retries.
 *
 * @param partnerKind {@code fleet} or {@code hospital} (metrics' tag), {@code unknown} for a partner not found
 * @param url         the webhook, or the hospital's FHIR base URL; null when missing
 * @param secret      the webhook's signing secret (opened); null for FHIR
 * @param missing     why it cannot be sent now ("no webhook URL set"), null when it can
 */
record PartnerAddress(String partnerKind, String url, String secret, String missing) {

    static PartnerAddress missing(String partnerKind, String why) {
        return new PartnerAddress(partnerKind, null, null, why);
    }

    @Override
    public String toString() {
        return "PartnerAddress[" + partnerKind + (missing == null ? "" : ", " + missing) + "]";
    }
}
