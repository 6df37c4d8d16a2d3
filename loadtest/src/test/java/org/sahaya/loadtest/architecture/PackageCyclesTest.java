package org.sahaya.loadtest.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The load tool's packages point one way too: no package uses a package that uses it back. */
class PackageCyclesTest {

    @Test
    void noPackageOfTheLoadToolUsesAPackageThatUsesItBack() {
        slices().matching("org.sahaya.loadtest.(**)").should().beFreeOfCycles()
                .check(new ClassFileImporter()
                        .withImportOption(location -> !location.contains("/test-classes/"))
                        .importPackages("org.sahaya.loadtest"));
    }
}
