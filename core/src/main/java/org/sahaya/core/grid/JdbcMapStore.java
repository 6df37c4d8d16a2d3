package org.sahaya.core.grid;

import com.hazelcast.map.MapStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.persistence.Database;

/**
 * Write-through between a grid map and its table: every change the grid accepts is in the database
 * before the map call returns. Deletes are ignored on purpose: the grid holds operational state
 * (open incidents, units, beds) and evicts what is finished, while the database keeps history.
 *
 * <p>Hazelcast calls these methods on its partition threads, never on a Vert.x event loop.
 */
final class JdbcMapStore<V> implements MapStore<String, V> {

    @FunctionalInterface
    interface Save<V> {
        void save(Connection c, V value) throws SQLException;
    }

    @FunctionalInterface
    interface Find<V> {
        Optional<V> find(Connection c, String key) throws SQLException;
    }

    @FunctionalInterface
    interface PreloadKeys {
        Collection<String> keys(Connection c) throws SQLException;
    }

    private final Database database;
    private final Save<V> save;
    private final Find<V> find;
    private final PreloadKeys preload;

    JdbcMapStore(Database database, Save<V> save, Find<V> find, PreloadKeys preload) {
        this.database = database;
        this.save = save;
        this.find = find;
        this.preload = preload;
    }

    @Override
    public void store(String key, V value) {
        database.inTransaction(c -> {
            save.save(c, value);
            return null;
        });
    }

    @Override
    public void storeAll(Map<String, V> map) {
        database.inTransaction(c -> {
            for (V v : map.values()) {
                save.save(c, v);
            }
            return null;
        });
    }

    @Override
    public void delete(String key) {
        // History stays in the database; see the class comment.
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        // History stays in the database; see the class comment.
    }

    @Override
    public V load(String key) {
        return database.withConnection(c -> find.find(c, key).orElse(null));
    }

    @Override
    public Map<String, V> loadAll(Collection<String> keys) {
        return database.withConnection(c -> {
            Map<String, V> out = new HashMap<>();
            for (String k : keys) {
                find.find(c, k).ifPresent(v -> out.put(k, v));
            }
            return out;
        });
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return database.withConnection(preload::keys);
    }
}
