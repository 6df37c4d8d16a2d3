package org.sahaya.server.admin.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.demo.DemoCity;
import org.sahaya.server.demo.DemoCityData;
import org.sahaya.server.demo.DemoImport;

/** The demo city through the importer: its bundle is accepted whole, written once, left alone after. */
class DemoImportTest {

    @TempDir
    Path dir;

    @Test
    void theDemoCityIsImportedIntoAnEmptyDatabaseOnly() {
        TestKinds test = new TestKinds();
        List<RecordKind<?>> kinds = new ArrayList<>(test.all());
        kinds.addAll(AnyKind.others());
        DemoCityData city = DemoCity.generate(DemoCity.DEFAULT_SEED);
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null)) {
            assertThat(DemoImport.seedIfEmpty(db, city, kinds)).isTrue();

            assertThat(count(db, "subscribers")).isEqualTo(city.subscribers().size());
            assertThat(count(db, "devices")).isEqualTo(city.devices().size());
            assertThat(count(db, "contacts")).isEqualTo(city.contacts().size());
            assertThat(DemoImport.seedIfEmpty(db, city, kinds)).isFalse();
        }
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
