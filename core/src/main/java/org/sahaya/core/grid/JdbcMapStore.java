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
public abstract class JdbcMapStore<V> implements MapStore<String, V> {

    private final Database database;

    protected JdbcMapStore(Database database) {
        this.database = database;
    }

    protected abstract void save(Connection c, V value) throws SQLException;

    protected abstract Optional<V> find(Connection c, String key) throws SQLException;

    protected abstract Collection<String> keysToPreload(Connection c) throws SQLException;

    @Override
    public void store(String key, V value) {
        database.inTransaction(c -> {
            save(c, value);
            return null;
        });
    }

    @Override
    public void storeAll(Map<String, V> map) {
        database.inTransaction(c -> {
            for (V v : map.values()) {
                save(c, v);
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
        return database.withConnection(c -> find(c, key).orElse(null));
    }

    @Override
    public Map<String, V> loadAll(Collection<String> keys) {
        return database.withConnection(c -> {
            Map<String, V> out = new HashMap<>();
            for (String k : keys) {
                find(c, k).ifPresent(v -> out.put(k, v));
            }
            return out;
        });
    }

    @Override
    public Iterable<String> loadAllKeys() {
        return database.withConnection(this::keysToPreload);
    }
}
