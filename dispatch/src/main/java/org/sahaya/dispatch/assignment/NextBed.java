package org.sahaya.dispatch.assignment;

import org.sahaya.dispatch.policy.HospitalOption;

/**
 * The bed reserved for an incident after its receiving hospital declined it.
 *
 * @param hospital where the bed is now held
 * @param why      the policy's sentence for the timeline: why this hospital, among how many with free beds
 */
public record NextBed(HospitalOption hospital, String why) {
}
