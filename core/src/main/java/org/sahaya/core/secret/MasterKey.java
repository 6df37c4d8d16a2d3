package org.sahaya.core.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.config.ConfigException;
import org.sahaya.core.config.MasterKeySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's master key, which seals device secrets and DC-09 keys ({@link SecretBox}). A production
 * node must be given it ({@code SAHAYA_MASTER_KEY} or {@code SAHAYA_MASTER_KEY_FILE}) and refuses to
 * start without: a key made up on the spot would be lost with the data directory's disk, and every
 * device secret with it. A demo node without one makes one at {@code <SAHAYA_DATA_DIR>/master.key},
 * readable by its owner only, and says so in one log line (never the key).
 *
 * @param box    the key, ready to seal and open
 * @param source the setting (or the demo key's file) it came from, for error messages
 */
public record MasterKey(SecretBox box, String source) {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);
    /** The demo node's own key, in its data directory. */
    public static final String DEMO_FILE = "master.key";

    /**
     * Reads the configured key, or on a demo node the data directory's own (made if absent). Blocking file IO.
     *
     * @throws ConfigException naming the setting when the key is missing on a production node or unusable
     */
    public static MasterKey load(MasterKeySettings settings, Path dataDir, boolean demo) {
        return load(settings, dataDir, demo, false);
    }

    /**
     * @param clustered the node is a member of a cluster ({@code SAHAYA_CLUSTER_MEMBERS}): its members share one
     *                  database, so a demo member cannot make a key of its own either
     * @throws ConfigException naming the setting when the key is missing (on a production node or a cluster
     *                         member) or unusable
     */
    public static MasterKey load(MasterKeySettings settings, Path dataDir, boolean demo, boolean clustered) {
        Optional<MasterKey> given = given(settings.key(), settings.file(), MasterKeySettings.KEY,
                MasterKeySettings.FILE);
        if (given.isPresent()) {
            return given.get();
        }
        if (!demo) {
            throw new ConfigException(MasterKeySettings.KEY, "is not set (nor " + MasterKeySettings.FILE + "): a production"
                    + " node needs the master key that seals device secrets and DC-09 keys. Generate one with"
                    + " `openssl rand -base64 32`, keep it outside the data directory and its backups, and set it"
                    + " (docs/deployment.md, \"The master key\")");
        }
        if (clustered) {
            throw new ConfigException(MasterKeySettings.KEY, "is not set (nor " + MasterKeySettings.FILE + "): the members"
                    + " of a cluster share one database, so they must share one master key, in demo mode too. Set the"
                    + " same key on every member (generate it with `openssl rand -base64 32`)");
        }
                Path file = dataDir.resolve(DEMO_FILE);
        String source = "the demo master key " + file.toAbsolutePath().normalize() + " (" + MasterKeySettings.KEY + " unset)";
        if (!Files.exists(file)) {
            generate(file);
        }
        OwnerOnly.tighten(file);
        return new MasterKey(new SecretBox(decode(read(file, source), source)), source);
    }

    /**
     * The key a pair of settings gives, the text itself or a file holding it, if either is set (the
     * rotation command reads the new key from {@code SAHAYA_NEW_MASTER_KEY} or {@code _FILE} this way).
     *
     * @throws ConfigException naming the setting when the key is unusable
     */
    public static Optional<MasterKey> given(String key, Path file, String keySetting, String fileSetting) {
        if (key != null) {
            return Optional.of(new MasterKey(new SecretBox(decode(key, keySetting)), keySetting));
        }
        if (file == null) {
            return Optional.empty();
        }
        String text = read(file, fileSetting);
        if (OwnerOnly.othersMayRead(file)) {
            LOG.warn("{} {} can be read by others than its owner: make it owner-only (chmod 600)", fileSetting, file);
        }
        return Optional.of(new MasterKey(new SecretBox(decode(text, fileSetting)), fileSetting));
    }

    private static void generate(Path file) {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(file.getParent());
            OwnerOnly.createFile(file);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            LOG.info("No {} set: generated a master key for this demo node at {} (owner-only); a production node"
                    + " must be given one", MasterKeySettings.KEY, file.toAbsolutePath().normalize());
        } catch (FileAlreadyExistsException raced) {
            // another start made it first: use that one
        } catch (IOException e) {
            throw new ConfigException(MasterKeySettings.KEY, "is not set and the demo master key " + file
                    + " cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String read(Path file, String setting) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(setting, "names " + file + ", which cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] decode(String base64, String setting) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting, "is not base64: it must be 32 random bytes in base64 (openssl rand -base64 32)");
        }
        if (key.length != SecretBox.KEY_BYTES) {
            throw new ConfigException(setting, "decodes to " + key.length + " bytes, not " + SecretBox.KEY_BYTES
                    + ": it must be 32 random bytes in base64 (openssl rand -base64 32)");
        }
        return key;
    }

    /** Hides the key. */
    @Override
    public String toString() {
        return "MasterKey[" + source + "]";
    }

    /** Owner-only permissions where the file system has POSIX permissions; elsewhere nothing to do. */
    static final class OwnerOnly {
        static final Set<PosixFilePermission> FILE = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        private OwnerOnly() {
        }

        static void createFile(Path file) throws IOException {
            if (DataDirectory.posix(file.getParent())) {
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
            }
        }

        static void tighten(Path file) {
            DataDirectory.ownerOnly(file);
        }

        static boolean othersMayRead(Path file) {
            try {
                return DataDirectory.posix(file) && Files.getPosixFilePermissions(file).stream()
                        .anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
            } catch (IOException e) {
                return false;
            }
        }
    }
}
