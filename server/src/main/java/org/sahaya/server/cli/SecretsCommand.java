package org.sahaya.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.sahaya.core.config.ConfigException;
import org.sahaya.core.config.MasterKeySettings;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.core.secret.MasterKey;
import org.sahaya.core.secret.SecretSealing;

/**
 * {@code sahaya secrets rotate-master-key}: re-seals every device secret and DC-09 key under a new
 * master key, in one transaction. Run it with every member stopped, in the members' own configuration
 * (the database, the current key in {@code SAHAYA_MASTER_KEY} or {@code _FILE}) plus the new key in
 * {@code SAHAYA_NEW_MASTER_KEY} or {@code SAHAYA_NEW_MASTER_KEY_FILE}; then start the members with the
 * new key. A command-line tool: it blocks.
 */
public final class SecretsCommand {

    public static final String NEW_KEY = "SAHAYA_NEW_MASTER_KEY";
    public static final String NEW_FILE = "SAHAYA_NEW_MASTER_KEY_FILE";
    static final String USAGE = "usage: sahaya secrets rotate-master-key   (every member stopped; the current key in "
            + MasterKeySettings.KEY + " or " + MasterKeySettings.FILE + ", the new one in " + NEW_KEY + " or " + NEW_FILE + ")";

    private SecretsCommand() {
    }

    /** @return the process exit code: 0 re-sealed, 1 the database failed, 2 usage or configuration */
    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        if (args.length != 1 || !"rotate-master-key".equals(args[0])) {
            out.println(USAGE);
            return 2;
        }
        try {
            Settings settings = Settings.load(env, Map.of());
            SahayaConfig config = SahayaConfig.from(settings, false);
            MasterKey from = MasterKey.load(config.masterKey(), config.dataDir(), false);
            MasterKey to = MasterKey.given(settings.get(NEW_KEY).filter(v -> !v.isBlank()).orElse(null),
                            settings.get(NEW_FILE).filter(v -> !v.isBlank()).map(Path::of).orElse(null), NEW_KEY, NEW_FILE)
                    .orElseThrow(() -> new ConfigException(NEW_KEY, "is not set (nor " + NEW_FILE + "): the new master key"
                            + " (openssl rand -base64 32)"));
            try (Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword())) {
                int resealed = SecretSealing.reseal(database, from, to);
                out.println("sahaya secrets: re-sealed " + resealed + " device secrets and DC-09 keys under the new master"
                        + " key; start every member with it (as " + MasterKeySettings.KEY + " or " + MasterKeySettings.FILE + ")");
            }
            return 0;
        } catch (ConfigException e) {
            out.println("sahaya secrets: " + e.getMessage());
            return 2;
        } catch (PersistenceException e) {
            out.println("sahaya secrets: the database failed (" + Redacted.describe(e) + "); nothing was re-sealed."
                    + " Is a member still running?");
            return 1;
        }
    }
}
