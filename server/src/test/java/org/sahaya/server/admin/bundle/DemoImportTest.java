package org.sahaya.server.admin.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.TestNode;
import org.sahaya.server.demo.DemoBundle;
import org.sahaya.server.demo.DemoCity;
import org.sahaya.server.demo.DemoCityData;
import org.sahaya.server.demo.DemoImport;

/**
 * The demo city through the importer and the real record kinds: its bundle is accepted whole, written
 * once, left alone after; and an operator's import (the kinds without {@code allowDemo}) refuses its demo
 * devices and accounts.
 */
class DemoImportTest {

    private static final DemoCityData CITY = DemoCity.generate(DemoCity.DEFAULT_SEED);

    @TempDir
    Path dir;

    @Test
    void theDemoCityIsImportedIntoAnEmptyDatabaseOnly() {
        var kinds = CityKinds.of(TestNode.secrets(), null, Clock.systemUTC(), unit -> { }, true);
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null)) {
            assertThat(DemoImport.seedIfEmpty(db, CITY, kinds)).isTrue();

            assertThat(count(db, "subscribers")).isEqualTo(CITY.subscribers().size());
            assertThat(count(db, "devices")).isEqualTo(CITY.devices().size());
            assertThat(count(db, "contacts")).isEqualTo(CITY.contacts().size());
            assertThat(count(db, "dc09_accounts")).isPositive();
            assertThat(DemoImport.seedIfEmpty(db, CITY, kinds)).isFalse();
        }
    }

    @Test
    void anOperatorsImportRefusesTheDemoDevicesAndAccounts() throws Exception {
        StringWriter bundle = new StringWriter();
        DemoBundle.write(CITY, bundle);

        BundleContents read = new BundleReader(CityKinds.of(TestNode.secrets(), null, Clock.systemUTC(), unit -> { }))
                .read(new ByteArrayInputStream(bundle.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(read.refusals()).isNotEmpty().allSatisfy(r -> assertThat(r.section()).isIn("devices", "dc09Accounts"));
        assertThat(read.refusals()).anySatisfy(r -> assertThat(r.field()).isEqualTo("demo"));
    }

    private static int count(Database db, String table) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
