package org.sahaya.server.demo;

import java.time.Clock;
import java.time.ZoneOffset;
import org.sahaya.core.config.DemoSettings;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.subscriber.Device;
import org.sahaya.server.admin.bundle.CityKinds;

/**
 * Seeds a demo node's database: the demo city through the import ({@link DemoImport}, the record kinds an
 * operator's city goes through, all of it or nothing), only into a database without subscribers, so a
 * restarted demo node keeps its incidents and a production database is never touched. The extra wearables
 * of a load-sized city ({@link DemoSettings#devices()} over the city's own) follow in batched chunks
 * ({@link ExtraDevices}), also completed on a later start of a demo database. Blocking: call from a
 * worker or virtual thread, before the grid starts (it loads what was written; nothing is published).
 */
public final class DemoSeeder {

    private final DirectoryRepository directory = new DirectoryRepository();
    private final DemoSettings settings;
    private final SecretBox secrets;
    /** Stamps the units, subscribers and consents as generated ({@link DemoCity#AS_OF}): the seed alone decides. */
    private final Clock clock = Clock.fixed(DemoCity.AS_OF, ZoneOffset.UTC);

    /** The city's own devices only. */
    public DemoSeeder(SecretBox secrets) {
        this(new DemoSettings(DemoSettings.CITY_DEVICES), secrets);
    }

    /**
     * @param settings the city's size, from the node's configuration ({@code SahayaConfig.demoCity()})
     * @param secrets  seals the devices' (published) secrets and the DC-09 key as every such secret is stored
     */
    public DemoSeeder(DemoSettings settings, SecretBox secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /**
     * @return true if this call wrote the city, false if the database already had subscribers
     * @throws IllegalStateException if a record kind refused the city (nothing was written)
     */
    public boolean seedIfEmpty(Database db, DemoCityData data) {
        // no grid yet, nothing published: the members load the city from the database when they start
        boolean written = DemoImport.seedIfEmpty(db, data, CityKinds.of(secrets, null, clock, unit -> { }, true));
        int cityDevices = data.devices().size();
        if (settings.devices() > cityDevices && isDemoCity(db, cityDevices)) {
            new ExtraDevices(secrets).write(db, data.subscribers(), cityDevices + 1, settings.devices());
        }
        return written;
    }

    /** Extra wearables go only where the demo city's own last device is (never into another database). */
    private boolean isDemoCity(Database db, int cityDevices) {
        return db.withConnection(c -> directory.device(c, Device.demoId(cityDevices)).isPresent());
    }
}
