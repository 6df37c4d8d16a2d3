package org.sahaya.server;

import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.DataDirectory;
import org.sahaya.core.secret.MasterKey;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretSealing;
import org.sahaya.server.demo.DemoCity;
import org.sahaya.server.demo.DemoHubAccounts;
import org.sahaya.server.demo.DemoSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node opens before anything else: its data directory made owner-only, the master key, the
 * database with every secret sealed under that key, and on a demo node the demo city, loaded through
 * the import like any operator's city. A failure leaves nothing open.
 *
 * @param database the system of record
 * @param secrets  seals and opens device secrets, DC-09 keys and medical profiles with the master key
 */
record NodeStore(Database database, SecretBox secrets) {

    private static final Logger LOG = LoggerFactory.getLogger(NodeStore.class);

    /** Blocking: call from the thread that starts the node. */
    static NodeStore open(SahayaConfig config) {
        DataDirectory.secure(config.dataDir()); // owner-only, the embedded database's files included
        MasterKey masterKey = MasterKey.load(config.masterKey(), config.dataDir(), config.demo(),
                !config.clusterMembers().isEmpty());
        Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPools());
        try {
            SecretSealing.run(database, masterKey); // a wrong key stops the start here, naming its setting
            DataDirectory.secure(config.dataDir()); // the files the database just made
            SecretBox secrets = masterKey.box();
            if (config.demo()) {
                seedDemo(config, database, secrets);
            }
            return new NodeStore(database, secrets);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static void seedDemo(SahayaConfig config, Database database, SecretBox secrets) {
        if (new DemoSeeder(config.demoCity(), secrets).seedIfEmpty(database, DemoCity.generate(DemoCity.DEFAULT_SEED))) {
            LOG.info("Seeded the demo city (Bengaluru, seed {})", DemoCity.DEFAULT_SEED);
        }
        if (new DemoHubAccounts(secrets).seedIfMissing(database)) {
            LOG.info("Seeded the demo DC-09 accounts");
        }
    }
}
