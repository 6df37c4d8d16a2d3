package org.sahaya.server.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

/**
 * The alert flows one way: no package of the node's main code (core, geo, dispatch, notify, server) uses
 * a package that uses it back, directly or around a longer loop. The modules' own arrows (dispatch and
 * notify never see each other, nothing sees server) are kept by Maven: they are not on each other's
 * class path.
 */
class PackageCyclesTest {

    /** Main code only: test classes (and the modules' test jars) may reach across as they like. */
    static JavaClasses mainClasses(String packageName) {
        return new ClassFileImporter()
                .withImportOption(PackageCyclesTest::isMainCode)
                .importPackages(packageName);
    }

    static boolean isMainCode(Location location) {
        return !location.contains("/test-classes/") && !location.contains("-tests.jar");
    }

    @Test
    void noPackageOfTheNodeUsesAPackageThatUsesItBack() {
        slices().matching("org.sahaya.(**)").should().beFreeOfCycles().check(mainClasses("org.sahaya"));
    }
}
