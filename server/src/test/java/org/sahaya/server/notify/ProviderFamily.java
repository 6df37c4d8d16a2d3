package org.sahaya.server.notify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.sahaya.core.Coordinates;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.notify.fake.FakeFcm;
import org.sahaya.notify.fake.FakeTwilio;
import org.sahaya.server.demo.DemoCity;
import org.sahaya.core.secret.MasterKey;
import org.sahaya.server.demo.DemoSeeder;

/** A production-configured node's view of the fake providers, and a family for it to tell. */
final class ProviderFamily {

    private ProviderFamily() {
    }

    /** Settings that point the node's real Twilio and Firebase SDKs at the fakes. */
    static Map<String, String> settings(FakeTwilio twilio, FakeFcm fcm, Path dir, String publicBaseUrl)
            throws IOException {
        Map<String, String> settings = new HashMap<>(Map.of(
                "SAHAYA_TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT_SID,
                "SAHAYA_TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN,
                "SAHAYA_TWILIO_FROM", FakeTwilio.FROM,
                "SAHAYA_TWILIO_BASE_URL", twilio.baseUrl().toString(),
                "SAHAYA_FCM_PROJECT_ID", FakeFcm.PROJECT,
                "SAHAYA_FCM_CREDENTIALS", fcm.writeServiceAccount(dir).toString(),
                "SAHAYA_FCM_BASE_URL", fcm.baseUrl().toString(),
                "SAHAYA_PUBLIC_BASE_URL", publicBaseUrl));
        return settings;
    }

    /** The demo city (fleet and hospitals), plus one subscriber in Bengaluru with a device and these contacts. */
    static void seed(SahayaConfig config, String subscriberId, Device device, Contact... contacts) {
        try (Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            new DemoSeeder(MasterKey.load(config.masterKey(), config.dataDir(), config.demo()).box()).seedIfEmpty(database, DemoCity.generate(DemoCity.DEFAULT_SEED));
            DirectoryRepository directory = new DirectoryRepository();
            database.inTransaction(c -> {
                directory.insert(c, new Subscriber(subscriberId, "Kamala", new Coordinates(12.9716, 77.5946), "kn", null));
                directory.insert(c, device);
                for (Contact contact : contacts) {
                    directory.insert(c, contact);
                }
                return null;
            });
        }
    }
}
