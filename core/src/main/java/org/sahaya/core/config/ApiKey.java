package org.sahaya.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A key a partner sends in {@code X-Api-Key} to use the partner and coordinator APIs, configured as
 * {@code SAHAYA_API_KEYS=role:partner:key,...}. The key itself never appears in logs or
 * {@link #toString()}.
 *
 * @param role    what the key may do
 * @param partner who holds it, named on the timeline and in logs instead of the key
 * @param key     the secret
 */
public record ApiKey(Role role, String partner, String key) {

    /** What a key opens: fleet partners report units, hospitals their beds, coordinators override and close. */
    public enum Role {
        FLEET, HOSPITAL, COORDINATOR
    }

    /** Reads {@code role:partner:key} entries separated by commas; an empty value means no keys. */
    public static List<ApiKey> parse(String value) {
        List<ApiKey> keys = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return keys;
        }
        for (String entry : value.split("\\s*,\\s*")) {
            String[] parts = entry.trim().split(":", 3);
            if (parts.length != 3 || parts[1].isBlank() || parts[2].length() < 16) {
                throw new ConfigException("SAHAYA_API_KEYS",
                        "each entry must be role:partner:key with a key of at least 16 characters");
            }
            Role role;
            try {
                role = Role.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("SAHAYA_API_KEYS", "role must be fleet, hospital or coordinator");
            }
            keys.add(new ApiKey(role, parts[1].trim(), parts[2].trim()));
        }
        return keys;
    }

    @Override
    public String toString() {
        return "ApiKey[" + role + ", " + partner + "]";
    }
}
