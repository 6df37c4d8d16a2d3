package org.sahaya.server.access.people;

import java.time.Instant;
import java.util.Optional;
import org.sahaya.core.persistence.Database;

/**
 * Where a login finds a person: the demo users on a demo node, the {@code users} table otherwise.
 * A node without demo knows no {@code demo-*} user at all (and the table never holds one). Blocking.
 */
public final class UserDirectory {

    private final Database database;
    private final UserRepository repository = new UserRepository();
    private final DemoUsers demo;

    /** @param demo the demo users on a demo node; null on any other */
    public UserDirectory(Database database, DemoUsers demo) {
        this.database = database;
        this.demo = demo;
    }

    public Optional<User> find(String username) {
        if (username.startsWith(User.DEMO_PREFIX)) {
            return demo == null ? Optional.empty() : demo.find(username);
        }
        return database.withConnection(c -> repository.find(c, username));
    }

    /** Whether the person may still act: exists and is not disabled. */
    public boolean active(String username) {
        if (username.startsWith(User.DEMO_PREFIX)) {
            return demo != null && demo.knows(username);
        }
        return database.withConnection(c -> repository.active(c, username));
    }

    public void loggedIn(String username, Instant at) {
        if (!username.startsWith(User.DEMO_PREFIX)) {
            database.withConnection(c -> {
                repository.loggedIn(c, username, at);
                return null;
            });
        }
    }
}
