package org.sahaya.server.gateway.dc09.intake;

import java.time.Duration;
import java.time.Instant;
import org.sahaya.server.gateway.dc09.account.Dc09Account;

/**
 * How far a message's timestamp may be from our clock: a replayed or badly delayed message is
 * refused with NAK, whose timestamp lets the panel set its clock.
 *
 * @param past   how far it may lag our clock
 * @param future how far it may lead it
 */
public record TimestampWindow(Duration past, Duration future) {

    /** The account's own window if it has one, else this one. */
    TimestampWindow forAccount(Dc09Account account) {
        return account.timestampWindow() == null ? this : new TimestampWindow(account.timestampWindow(), account.timestampWindow());
    }

    boolean contains(Instant timestamp, Instant now) {
        return !timestamp.isBefore(now.minus(past)) && !timestamp.isAfter(now.plus(future));
    }
}
