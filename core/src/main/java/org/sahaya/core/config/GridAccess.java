package org.sahaya.core.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may reach this grid member and join its cluster. The member port answers on one address only,
 * and the cluster name a peer must present is derived from a shared secret: open-source Hazelcast
 * checks the name on every member join and refuses a member without it. A lone node makes up a
 * random secret of its own, so nothing can join it at all.
 *
 * <p>The derived name travels in clear on the member wire: the secret keeps out anyone who can
 * reach the port but not watch the members talk, which is why members of a cluster belong on a
 * private network (or a VPN such as WireGuard) as well.
 *
 * @param memberAddress {@code SAHAYA_MEMBER_ADDRESS}, default 127.0.0.1: the only address the member
 *                      port listens on and the one peers are told; a member of a cluster on several
 *                      machines sets its private address
 * @param secret        {@code SAHAYA_CLUSTER_SECRET} or the first line of {@code SAHAYA_CLUSTER_SECRET_FILE};
 *                      required when {@code SAHAYA_CLUSTER_MEMBERS} lists peers; random for a lone node
 */
public record GridAccess(String memberAddress, String secret) {

    /** The shortest secret accepted: anything shorter can be guessed from the name it produces. */
    public static final int MIN_SECRET_LENGTH = 16;
    private static final String DERIVATION_LABEL = "sahaya-grid";

    public static GridAccess from(Settings s, List<String> members) {
        String address = s.get("SAHAYA_MEMBER_ADDRESS").orElse(null);
        boolean peersElsewhere = members.stream().anyMatch(m -> !isLoopback(m));
        if (address == null && peersElsewhere) {
            throw new ConfigException("SAHAYA_MEMBER_ADDRESS", "must be set to this member's private address when "
                    + "SAHAYA_CLUSTER_MEMBERS lists members on other machines (the member port listens on that address only)");
        }
        return new GridAccess(resolve(address == null ? "127.0.0.1" : address), secret(s, !members.isEmpty()));
    }

    /** A lone member on loopback with a secret nobody else knows: an embedded grid (tests, tools). */
    public static GridAccess lone() {
        return new GridAccess("127.0.0.1", randomSecret());
    }

    /**
     * The cluster name members present to each other:
     * {@code <clusterName>-<first 32 hex digits of HMAC-SHA256(secret, "sahaya-grid")>}.
     */
    public String clusterName(String clusterName) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] tag = mac.doFinal(DERIVATION_LABEL.getBytes(StandardCharsets.UTF_8));
            return clusterName + "-" + HexFormat.of().formatHex(tag).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String secret(Settings s, boolean peers) {
        String given = s.get("SAHAYA_CLUSTER_SECRET").orElse(null);
        String file = s.get("SAHAYA_CLUSTER_SECRET_FILE").orElse(null);
        if (given != null && file != null) {
            throw new ConfigException("SAHAYA_CLUSTER_SECRET", "and SAHAYA_CLUSTER_SECRET_FILE are both set: set one");
        }
        String setting = file != null ? "SAHAYA_CLUSTER_SECRET_FILE" : "SAHAYA_CLUSTER_SECRET";
        if (file != null) {
            given = readFirstLine(file);
        }
        if (given == null) {
            if (peers) {
                throw new ConfigException("SAHAYA_CLUSTER_SECRET", "is required when SAHAYA_CLUSTER_MEMBERS lists "
                        + "peers: every member must hold the same secret (or name a file holding it in "
                        + "SAHAYA_CLUSTER_SECRET_FILE); generate one with: openssl rand -hex 32");
            }
            return randomSecret();
        }
        if (given.length() < MIN_SECRET_LENGTH) {
            throw new ConfigException(setting, "must be at least " + MIN_SECRET_LENGTH
                    + " characters (generate one with: openssl rand -hex 32)");
        }
        return given;
    }

    private static String readFirstLine(String file) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            String first = lines.isEmpty() ? "" : lines.get(0).strip();
            if (first.isEmpty()) {
                throw new ConfigException("SAHAYA_CLUSTER_SECRET_FILE", "names an empty file: " + file);
            }
            return first;
        } catch (IOException e) {
            throw new ConfigException("SAHAYA_CLUSTER_SECRET_FILE", "cannot be read: " + file + " (" + e.getMessage() + ")");
        }
    }

    private static String resolve(String address) {
        InetAddress resolved;
        try {
            resolved = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new ConfigException("SAHAYA_MEMBER_ADDRESS", "cannot be resolved: '" + address + "'");
        }
        if (resolved.isAnyLocalAddress()) {
            throw new ConfigException("SAHAYA_MEMBER_ADDRESS", "must be one address of this machine, not the wildcard "
                    + address + " (the member port would listen on every interface)");
        }
        return resolved.getHostAddress();
    }

    private static boolean isLoopback(String member) {
        return member.startsWith("127.") || member.startsWith("localhost");
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "GridAccess[memberAddress=" + memberAddress + ", secret=***]";
    }
}
