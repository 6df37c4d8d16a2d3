package org.sahaya.core.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The node's data directory ({@code SAHAYA_DATA_DIR}) holds the embedded database (seniors' names,
 * homes, contacts, vitals) and a demo node's master key: only its owner may read it. Made with
 * {@code rwx------}; an existing one, and everything in it, is tightened at every start (a directory
 * to {@code rwx------}, a file to {@code rw-------}). On a file system without POSIX permissions
 * (Windows) the directory is only made.
 */
public final class DataDirectory {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    /** Makes or tightens {@code dir} and what it holds. Blocking file IO: call it while starting. */
    public static void secure(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            if (!posix(dir)) {
                return;
            }
            try (Stream<Path> all = Files.walk(dir)) {
                all.forEach(DataDirectory::ownerOnly);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot secure the data directory " + dir, e);
        }
    }

    /** One file or directory to owner-only; symbolic links are left alone. */
    static void ownerOnly(Path path) {
        try {
            if (!posix(path) || Files.isSymbolicLink(path)) {
                return;
            }
            Set<PosixFilePermission> wanted = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE;
            if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // a database file removed while we walked (H2 temporary files)
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + path + " owner-only", e);
        }
    }

    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
