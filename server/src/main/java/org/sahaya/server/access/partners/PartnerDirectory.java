package org.sahaya.server.access.partners;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sahaya.core.config.ApiKey;
import org.sahaya.core.grid.GridCallbacks;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.PartnerLookup;

/**
 * The partners and their machine keys, and who holds a key presented in {@code X-Api-Key}.
 *
 * <p>Position reports come many times a second, so a key is found without the database: by its
 * SHA-256 in the grid map {@value #KEYS} (hash to partner), which every member reads and in which a
 * rotation replaces the old hash before the admin gets the new key, so the old key is refused on
 * every member at once (the map is consistent: no near cache). The map is filled from the database
 * once per cluster, by the first member to start, under the map lock {@value #LOADED}; creations and
 * rotations take the same lock around their database write and the map change, so a member loading
 * never puts back a hash a rotation just removed. The environment's keys ({@code SAHAYA_API_KEYS})
 * and a demo node's keys ({@code demo-key-<partnerId>}) are this member's own, in a local map, and
 * are never in the grid: a member without {@code demo} refuses the demo keys even beside a demo member.
 *
 * <p>Keys are looked up by hash, so no comparison of secrets happens at all; the key is never logged.
 */
public final class PartnerDirectory implements PartnerLookup {

    /** The grid map of key hashes to {@code KIND:partnerId}. */
    public static final String KEYS = "partner-keys";
    /** The grid map holding the lock and the flag of the cluster's one load from the database. */
    static final String LOADED = "partner-keys.loaded";

    private final Database database;
    private final IMap<String, String> keys;
    private final IMap<String, Boolean> loaded;
    private final Map<String, String> ownKeys;
    private final Offload offload;
    private final Clock clock;
    private final PartnerRepository repository = new PartnerRepository();

    private PartnerDirectory(Database database, HazelcastInstance grid, Map<String, String> ownKeys, Offload offload,
                             Clock clock) {
        this.database = database;
        this.keys = grid.getMap(KEYS);
        this.loaded = grid.getMap(LOADED);
        this.ownKeys = Map.copyOf(ownKeys);
        this.offload = offload;
        this.clock = clock;
    }

    /**
     * The directory of this member, its keys loaded (blocking: call while the node starts, never on an
     * event loop).
     *
     * @param configured   keys from {@code SAHAYA_API_KEYS}, bound to the partner id each entry names
     * @param demoPartners the partners that answer to {@code demo-key-<id>}: the demo city's on a demo
     *                     node, empty otherwise (then every demo key is refused)
     */
    public static PartnerDirectory open(Database database, HazelcastInstance grid, Offload offload, Clock clock,
                                        List<ApiKey> configured, Collection<String> demoPartners) {
        List<PartnerRepository.Stored> stored = database.withConnection(new PartnerRepository()::all);
        Map<String, String> own = new HashMap<>();
        Set<String> demo = Set.copyOf(demoPartners);
        stored.stream().map(PartnerRepository.Stored::partner).filter(p -> demo.contains(p.id()))
                .forEach(p -> own.put(MachineKeys.hash(MachineKeys.demoKey(p.id())), entry(p.kind(), p.id())));
        for (ApiKey key : configured) {
            PartnerKind kind = switch (key.role()) {
                case FLEET -> PartnerKind.FLEET;
                case HOSPITAL -> PartnerKind.HOSPITAL;
                default -> throw new IllegalArgumentException("only fleet and hospital keys bind to a partner");
            };
            own.put(MachineKeys.hash(key.key()), entry(kind, key.partner()));
        }
        PartnerDirectory directory = new PartnerDirectory(database, grid, own, offload, clock);
        directory.loadOnce(stored);
        return directory;
    }

    private void loadOnce(List<PartnerRepository.Stored> stored) {
        loaded.lock(LOADED);
        try {
            if (loaded.get(LOADED) != null) {
                return;
            }
            // Read again under the lock: a rotation may have committed since the caller's read.
            List<PartnerRepository.Stored> now = database.withConnection(repository::all);
            Map<String, String> all = new HashMap<>();
            now.stream().filter(s -> s.keyHash() != null)
                    .forEach(s -> all.put(s.keyHash(), entry(s.partner().kind(), s.partner().id())));
            keys.putAll(all);
            loaded.set(LOADED, Boolean.TRUE);
        } finally {
            loaded.unlock(LOADED);
        }
    }

    @Override
    public Future<Optional<Caller>> partner(String key, String address) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Future.succeededFuture(Optional.empty());
        }
        String hash = MachineKeys.hash(key);
        String own = ownKeys.get(hash);
        if (own != null) {
            return Future.succeededFuture(Optional.of(caller(own, address)));
        }
        return GridCallbacks.onContext(keys.getAsync(hash))
                .map(e -> Optional.ofNullable(e).map(held -> caller(held, address)));
    }

    /**
     * Creates a partner and its first key, shown once in the answer. For a hospital the id is the
     * hospital's id and the hospital must exist; since every hospital is a partner from the start,
     * a hospital's first key usually comes from {@link #rotate} instead.
     */
    public Future<IssuedKey> create(String id, PartnerKind kind, String name) {
        return locked(() -> {
            String key = MachineKeys.generate();
            Instant at = clock.instant();
            Partner partner = new Partner(id, kind, name, at);
            try {
                database.inTransaction(c -> {
                    if (repository.find(c, id).isPresent()) {
                        throw exists(id);
                    }
                    if (kind == PartnerKind.HOSPITAL && !repository.hospitalExists(c, id)) {
                        throw new PartnerChangeRefused(PartnerChangeRefused.Reason.NO_SUCH_HOSPITAL,
                                "no hospital has the id " + id + "; a hospital partner's id is its hospital's");
                    }
                    repository.insert(c, partner, MachineKeys.hash(key));
                    return null;
                });
            } catch (PersistenceException e) {
                if (e.isDuplicateKey()) {
                    throw exists(id);
                }
                throw e;
            }
            keys.set(MachineKeys.hash(key), entry(kind, id));
            return new IssuedKey(partner, key, at);
        });
    }

    /** Gives the partner a new key, shown once; its old key (if any) is refused on every member when this completes. */
    public Future<IssuedKey> rotate(String id) {
        return locked(() -> {
            String key = MachineKeys.generate();
            Instant at = clock.instant();
            PartnerRepository.Stored before = database.inTransaction(c -> {
                PartnerRepository.Stored found = repository.find(c, id).orElseThrow(() -> new PartnerChangeRefused(
                        PartnerChangeRefused.Reason.UNKNOWN, "no partner has the id " + id));
                repository.setKey(c, id, MachineKeys.hash(key), at);
                return found;
            });
            if (before.keyHash() != null) {
                keys.delete(before.keyHash());
            }
            Partner partner = new Partner(id, before.partner().kind(), before.partner().name(), at);
            keys.set(MachineKeys.hash(key), entry(partner.kind(), id));
            return new IssuedKey(partner, key, at);
        });
    }

    /** Every partner, in id order, without keys. */
    public Future<List<Partner>> list() {
        return offload.submit(() -> database.withConnection(repository::all).stream()
                .map(PartnerRepository.Stored::partner).toList());
    }

    private <T> Future<T> locked(Callable<T> change) {
        return offload.submit(() -> {
            loaded.lock(LOADED);
            try {
                return change.call();
            } finally {
                loaded.unlock(LOADED);
            }
        });
    }

    private static PartnerChangeRefused exists(String id) {
        return new PartnerChangeRefused(PartnerChangeRefused.Reason.EXISTS, "a partner with the id " + id
                + " exists already (every hospital is one from the start): issue a new key with POST /api/v1/partners/"
                + id + "/key");
    }

    private static String entry(PartnerKind kind, String id) {
        return kind.name() + ":" + id;
    }

    private static Caller caller(String entry, String address) {
        int colon = entry.indexOf(':');
        PartnerKind kind = PartnerKind.valueOf(entry.substring(0, colon));
        String id = entry.substring(colon + 1);
        return new Caller(id, Caller.Kind.PARTNER, Set.of(kind.role()), id, address);
    }
}
