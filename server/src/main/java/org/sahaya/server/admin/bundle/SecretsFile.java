package org.sahaya.server.admin.bundle;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The secrets issued by an import (the new devices'), in a CSV file of their own readable by its owner
 * only: {@code section,id,secret}. The file is created with mode 0600 before a byte is written, and never
 * over an existing one (an earlier import's secrets are not lost). Nothing else ever shows them.
 */
public final class SecretsFile {

    private static final String OWNER_ONLY = "rw-------";

    private SecretsFile() {
    }

    /** Where the secrets go when no {@code --secrets} is given: {@code FILE.secrets.csv} beside the import file. */
    public static Path besides(Path importFile) {
        return importFile.resolveSibling(importFile.getFileName() + ".secrets.csv");
    }

    /**
     * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists
     * @throws UnsupportedOperationException if the file system has no POSIX permissions
     */
    public static void write(Path file, Map<String, Map<String, String>> secrets) throws IOException {
        try (Writer out = Channels.newWriter(Files.newByteChannel(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY))),
                StandardCharsets.UTF_8)) {
            out.write("section,id,secret\n");
            for (Map.Entry<String, Map<String, String>> section : secrets.entrySet()) {
                for (Map.Entry<String, String> secret : section.getValue().entrySet()) {
                    out.write(cell(section.getKey()) + "," + cell(secret.getKey()) + "," + cell(secret.getValue()) + "\n");
                }
            }
        }
        // the umask may have narrowed the mode further, never widened it; say it exactly
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(OWNER_ONLY));
    }

    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
