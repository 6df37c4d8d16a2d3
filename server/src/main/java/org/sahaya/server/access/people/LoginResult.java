package org.sahaya.server.access.people;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How a login ended. One refusal for every reason, so the answer never tells which part was wrong. */
public sealed interface LoginResult {

    /**
     * A session was opened: its token (given out once), when it expires if idle, the roles (lowercase),
     * and the unit of a crew (null for anyone else).
     */
    record LoggedIn(String token, Instant expiresAt, List<String> roles, String unit) implements LoginResult {

        public LoggedIn(String token, Instant expiresAt, List<String> roles) {
            this(token, expiresAt, roles, null);
        }

        @Override
        public String toString() {
            return "LoggedIn[expiresAt=" + expiresAt + ", roles=" + roles + (unit == null ? "" : ", unit=" + unit) + "]";
        }
    }

    /** Unknown user, wrong password, wrong, missing or reused code, disabled account: all the same. */
    record Refused() implements LoginResult {
    }

    /** Too many failures for this account or from this address: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements LoginResult {
    }
}
