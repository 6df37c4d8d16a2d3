package org.sahaya.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On POSIX file systems: the data directory and everything in it are its owner's only. */
class DataDirectoryTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    }

    private static String permissions(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aNewDataDirectoryIsMadeOwnerOnly() throws Exception {
        Path data = dir.resolve("new/data");

        DataDirectory.secure(data);

        assertThat(permissions(data)).isEqualTo("rwx------");
    }

    @Test
    void anExistingDataDirectoryAndItsDatabaseFilesAreTightened() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path db = Files.writeString(data.resolve("sahaya.mv.db"), "x");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Path sub = Files.createDirectory(data.resolve("backup"));
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxrwxrwx"));

        DataDirectory.secure(data);

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(db)).isEqualTo("rw-------");
        assertThat(permissions(sub)).isEqualTo("rwx------");
    }
}
