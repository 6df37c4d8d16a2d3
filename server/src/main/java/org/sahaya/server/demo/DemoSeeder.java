package org.sahaya.server.demo;

import java.sql.Connection;
import java.sql.SQLException;
import org.sahaya.core.config.DemoSettings;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.core.persistence.UnitRepository;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.server.access.partners.Partner;
import org.sahaya.server.access.partners.PartnerRepository;

/**
 * Writes a demo city into an empty database, all of it or nothing, in one transaction. A database
 * that already has subscribers is left alone: a restarted demo node keeps its incidents, and a
 * production database is never touched. The extra wearables of a load-sized city
 * ({@link DemoSettings#devices()} over the city's own) follow in batched chunks ({@link ExtraDevices}),
 * also completed on a later start of a demo database. Blocking: call from a worker or virtual thread.
 */
public final class DemoSeeder {

    private final DirectoryRepository directory = new DirectoryRepository();
    private final UnitRepository units = new UnitRepository();
    private final HospitalRepository hospitals = new HospitalRepository();
    private final PartnerRepository partners = new PartnerRepository();
    private final DemoSettings settings;
    private final SecretBox secrets;

    /** The city's own devices only. */
    public DemoSeeder(SecretBox secrets) {
        this(new DemoSettings(DemoSettings.CITY_DEVICES), secrets);
    }

    /**
     * @param settings the city's size, from the node's configuration ({@code SahayaConfig.demoCity()})
     * @param secrets  seals the devices' (published) secrets as every device secret is stored
     */
    public DemoSeeder(DemoSettings settings, SecretBox secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    /** @return true if this call wrote the city, false if the database already had subscribers */
    public boolean seedIfEmpty(Database db, DemoCityData data) {
        boolean written = seedCityIfEmpty(db, data);
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

    private boolean seedCityIfEmpty(Database db, DemoCityData data) {
        try {
            return db.inTransaction(c -> {
                if (directory.countSubscribers(c) > 0) {
                    return false;
                }
                write(c, data);
                return true;
            });
        } catch (PersistenceException e) {
            // Two nodes starting on one empty database both see zero subscribers; the second
            // insert then fails on a primary key. The city is there all the same.
            if (e.isDuplicateKey() && seededMeanwhile(db, e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean seededMeanwhile(Database db, PersistenceException failure) {
        try {
            return db.withConnection(directory::countSubscribers) > 0;
        } catch (PersistenceException unreachable) {
            failure.addSuppressed(unreachable);
            return false;
        }
    }

    /**
     * The fleets, then hospitals (each its own partner) and units, then subscribers before the devices
     * and contacts that refer to them.
     */
    private void write(Connection c, DemoCityData data) throws SQLException {
        for (Partner fleet : DemoPartners.FLEETS) {
            if (partners.find(c, fleet.id()).isEmpty()) {
                partners.insert(c, fleet, null);
            }
        }
        for (Hospital hospital : data.hospitals()) {
            hospitals.save(c, hospital);
        }
        for (Unit unit : data.units()) {
            units.save(c, unit);
        }
        for (Subscriber subscriber : data.subscribers()) {
            directory.insert(c, subscriber);
        }
        for (Device device : data.devices()) {
            directory.insert(c, secrets.seal(device));
        }
        for (Contact contact : data.contacts()) {
            directory.insert(c, contact);
        }
    }
}
