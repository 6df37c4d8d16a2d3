package org.sahaya.server.admin.bundle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code sahaya import} reads from its command line (picocli). */
@Command(name = "sahaya import", synopsisHeading = "usage: ", sortOptions = false)
final class ImportOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "a city bundle (JSON, docs/import.md), or a CSV file with --section")
    String file;
    @Option(names = "--section", paramLabel = "SECTION", description = "FILE is CSV holding this section: subscribers, contacts or devices")
    String section;
    @Option(names = "--report", paramLabel = "FILE", description = "also write the report to this file")
    String report;
    @Option(names = "--secrets", paramLabel = "FILE", description = "where the new devices' secrets go (default FILE.secrets.csv); never over an existing file")
    String secrets;
    @Option(names = "--node", paramLabel = "URL", description = "send the bundle to a running node (POST URL/api/v1/imports) instead of writing the database")
    String node;
    @Option(names = "--token", paramLabel = "TOKEN", description = "an admin's session token for --node (or SAHAYA_TOKEN)")
    String token;
}
