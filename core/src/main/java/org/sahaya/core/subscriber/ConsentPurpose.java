package org.sahaya.core.subscriber;

/**
 * What a subscriber's personal data may be used for (DPDP Act 2023, GDPR). Each purpose is granted or
 * withdrawn on its own; a withdrawal takes effect on the next incident.
 */
public enum ConsentPurpose {
    /** Sending an ambulance and a hospital bed: required to be served at all. */
    EMERGENCY_DISPATCH,
    /** Telling the family by SMS, push and call. */
    FAMILY_NOTIFICATION,
    /** Giving the medical profile to the crew and the receiving hospital. */
    SHARE_MEDICAL_PROFILE,
    /** Counting the person's incidents in anonymous statistics and reports. */
    ANONYMOUS_STATISTICS
}
