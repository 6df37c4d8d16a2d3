package org.sahaya.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A partner's machine key given in the environment instead of (or beside) the keys an admin issues
 * through the API: {@code SAHAYA_API_KEYS=fleet:<partnerId>:<key>,hospital:<hospitalId>:<key>}. The
 * partner id binds the key to that fleet's units or that hospital. Coordinators are people with
 * sessions now: a {@code coordinator} entry is refused. The key itself never appears in logs or
 * {@link #toString()}.
 *
 * @param role    what the key may do
 * @param partner the partner id it is bound to, named in the audit log instead of the key
 * @param key     the secret
 */
public record ApiKey(Role role, String partner, String key) {

    /** What a key opens: fleet partners report their units, hospitals their beds. */
    public enum Role {
        FLEET, HOSPITAL
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
            Role role = switch (parts[0].trim().toLowerCase(Locale.ROOT)) {
                case "fleet" -> Role.FLEET;
                case "hospital" -> Role.HOSPITAL;
                case "coordinator" -> throw new ConfigException("SAHAYA_API_KEYS",
                        "coordinators log in as people now (./sahaya user add); only fleet and hospital keys go here");
                default -> throw new ConfigException("SAHAYA_API_KEYS", "role must be fleet or hospital");
            };
            keys.add(new ApiKey(role, parts[1].trim(), parts[2].trim()));
        }
        return keys;
    }

    @Override
    public String toString() {
        return "ApiKey[" + role + ", " + partner + "]";
    }
}
