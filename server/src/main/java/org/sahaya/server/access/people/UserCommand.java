package org.sahaya.server.access.people;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sahaya.core.config.ConfigException;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.core.totp.Totp;
import org.sahaya.server.access.Role;
import org.sahaya.server.cli.CommandLines;
import org.sahaya.server.cli.DatabaseInUse;

/**
 * {@code sahaya user add NAME --role R [--role R2] [--partner P] [--unit U] [--password-file F]},
 * {@code sahaya user list}, {@code sahaya user disable NAME}: people's accounts, straight in the
 * database the node is configured with (the same {@code SAHAYA_*} settings). {@code add} prints the
 * new user's TOTP secret and provisioning URI once; nothing keeps them in the clear but the table.
 * A crew user ({@code --role crew --unit AMB-001}) is bound to one unit that must be on record, and
 * gets no TOTP secret: crews log in on a shared phone in the ambulance with a password only.
 * The embedded H2 file is held by a running node: stop it first (PostgreSQL takes both at once).
 */
public final class UserCommand {

    static final String USAGE = "usage: sahaya user add NAME --role ROLE [--role ROLE] [--partner ID]"
            + " [--unit UNIT] [--password-file FILE] | user list | user disable NAME";

    private final PrintStream out;
    private final InputStream in;
    private final Console console;

    private UserCommand(PrintStream out, InputStream in, Console console) {
        this.out = out;
        this.in = in;
        this.console = console;
    }

    /** @return the exit code: 0 done, 1 refused (exists, not found, database in use), 2 usage */
    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, Console console) {
        if (args.length == 0) {
            out.println(USAGE);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        UserCommand command = new UserCommand(out, in, console);
        try {
            return switch (args[0]) {
                case "add" -> command.add(CommandLines.parse(new UserOptions.Add(), rest), env);
                case "list" -> command.list(CommandLines.parse(new UserOptions.ListAll(), rest), env);
                case "disable" -> command.disable(CommandLines.parse(new UserOptions.Disable(), rest), env);
                default -> {
                    out.println(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException | ConfigException e) {
            out.println("sahaya user: " + e.getMessage());
            return 2;
        }
    }

    private int add(UserOptions.Add o, Map<String, String> env) {
        Set<Role> roles = roles(o.roles);
        User.checkNew(o.name, roles, o.partner, o.unit);
        String password = password(o);
        Passwords.checkNew(password);
        SecureRandom random = new SecureRandom();
        // A crew logs in with a password only (Role.needsSecondFactor): a secret would make the login ask a code.
        String secret = roles.contains(Role.CREW) ? null : Totp.newSecret(random);
        User user = new User(o.name, new Passwords(PasswordHash.Cost.OWASP, random).hash(password), secret, roles,
                o.partner, Instant.now(), false, null, o.unit);
        return withDatabase(env, database -> database.inTransaction(c -> {
            UserRepository users = new UserRepository();
            if (users.exists(c, user.username())) {
                out.println("sahaya user: " + user.username() + " already exists; nothing changed");
                return 1;
            }
            if (user.unit() != null && !users.unitExists(c, user.unit())) {
                out.println("sahaya user: no unit " + user.unit() + "; nothing changed");
                return 1;
            }
            users.insert(c, user);
            out.println("Created " + user.username() + " (" + String.join(", ", user.roleNames())
                    + (user.partner() == null ? "" : ", partner " + user.partner())
                    + (user.unit() == null ? "" : ", unit " + user.unit()) + ").");
            if (secret == null) {
                out.println("No TOTP: a crew logs in with the username and password, in the crew app at /crew/.");
                return 0;
            }
            out.println("TOTP secret, shown this once: " + secret);
            out.println(Totp.provisioningUri(user.username(), secret));
            out.println("Put it in an authenticator app (scan the URI as a QR code or type the secret):"
                    + " every login needs the app's code.");
            return 0;
        }));
    }

    private int list(UserOptions.ListAll o, Map<String, String> env) {
        return withDatabase(env, database -> database.withConnection(c -> {
            for (User u : new UserRepository().list(c)) {
                out.println(u.username() + "\t" + String.join(",", u.roleNames()) + "\t"
                        + (u.partner() != null ? u.partner() : u.unit() != null ? "unit " + u.unit() : "-") + "\t" + (u.disabled() ? "disabled" : "active")
                        + "\t" + (u.lastLoginAt() == null ? "never logged in" : "last login " + u.lastLoginAt()));
            }
            return 0;
        }));
    }

    private int disable(UserOptions.Disable o, Map<String, String> env) {
        return withDatabase(env, database -> database.withConnection(c -> {
            if (!new UserRepository().disable(c, o.name)) {
                out.println("sahaya user: no user " + o.name + "; nothing changed");
                return 1;
            }
            out.println("Disabled " + o.name + ": no more logins; a session still open ends at its next request.");
            return 0;
        }));
    }

    private static Set<Role> roles(java.util.List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown --role " + name + "; one of " + Arrays.stream(Role.values())
                        .map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
            }
        }
        return roles;
    }

    private String password(UserOptions.Add o) {
        try {
            if (o.passwordFile != null) {
                return Files.readAllLines(Path.of(o.passwordFile), StandardCharsets.UTF_8).stream().findFirst().orElse("");
            }
            if (console != null) {
                char[] first = console.readPassword("Password for %s: ", o.name);
                char[] again = console.readPassword("Again: ");
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    throw new IllegalArgumentException("the two passwords differ; nothing changed");
                }
                return new String(first);
            }
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the password: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface DatabaseWork {
        int run(Database database);
    }

    private int withDatabase(Map<String, String> env, DatabaseWork work) {
        SahayaConfig config = SahayaConfig.from(Settings.load(env, Map.of()), false);
        Optional<Database> opened = DatabaseInUse.open(config, out, "user", "Stop the node, run this again, then"
                + " start it (with PostgreSQL, SAHAYA_DB_URL, users can be added while nodes run).", "");
        if (opened.isEmpty()) {
            return 1;
        }
        Database database = opened.get();
        try (database) {
            return work.run(database);
        } catch (PersistenceException e) {
            out.println("sahaya user: the database refused: " + e.getMessage());
            return 1;
        }
    }
}
