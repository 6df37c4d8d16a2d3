package org.sahaya.server.access.people;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code sahaya user add|list|disable} reads from its command line (picocli). */
final class UserOptions {

    private UserOptions() {
    }

    @Command(name = "sahaya user add", synopsisHeading = "usage: ", sortOptions = false)
    static final class Add {
        @Parameters(index = "0", paramLabel = "NAME", description = "3 to 64 of a-z, 0-9, '.', '_', '-'")
        String name;
        @Option(names = "--role", paramLabel = "ROLE", required = true,
                description = "admin, supervisor, coordinator, fleet, hospital, auditor or crew; repeat for more")
        List<String> roles = new ArrayList<>();
        @Option(names = "--partner", paramLabel = "ID", description = "the fleet or hospital a fleet or hospital user belongs to")
        String partner;
        @Option(names = "--unit", paramLabel = "UNIT", description = "the unit a crew user crews (e.g. AMB-001); crew only")
        String unit;
        @Option(names = "--password-file", paramLabel = "FILE",
                description = "read the password from this file (its first line); else asked on the console, or read from stdin")
        String passwordFile;
    }

    @Command(name = "sahaya user list", synopsisHeading = "usage: ")
    static final class ListAll {
    }

    @Command(name = "sahaya user disable", synopsisHeading = "usage: ")
    static final class Disable {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
    }
}
