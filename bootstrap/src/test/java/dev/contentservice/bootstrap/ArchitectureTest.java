package dev.contentservice.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of the hexagon, over every module's production classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // in a reactor build the sibling modules are jars, their test fixtures "-tests.jar"s
            .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
            .importPackages("dev.contentservice");

    @Test
    void domain_depends_only_on_the_jdk() {
        classes()
                .that()
                .resideInAPackage("dev.contentservice.domain..")
                .should()
                .onlyDependOnClassesThat()
                // javax.crypto: the JDK's HMAC, for signing webhooks as Standard Webhooks says
                .resideInAnyPackage("dev.contentservice.domain..", "java..", "javax.crypto..")
                .check(CLASSES);
    }

    @Test
    void application_depends_only_on_the_domain_the_jdk_and_jakarta_inject() {
        classes()
                .that()
                .resideInAPackage("dev.contentservice.application..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "dev.contentservice.application..", "dev.contentservice.domain..", "java..", "jakarta.inject..")
                .check(CLASSES);
    }

    @Test
    void no_adapter_depends_on_another_adapter() {
        slices().matching("dev.contentservice.adapter.(*)..")
                .should()
                .notDependOnEachOther()
                .check(CLASSES);
    }

    @Test
    void only_bootstrap_uses_guice() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.contentservice.bootstrap..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.google.inject..")
                .check(CLASSES);
    }

    @Test
    void inner_modules_take_time_from_a_clock() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.contentservice.domain..", "dev.contentservice.application..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.Clock.class, "systemUTC")
                .orShould()
                .callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(CLASSES);
    }

    @Test
    void the_rules_see_every_module() {
        // a rule over an empty or partial import passes vacuously: make sure every module was imported
        for (String pkg : new String[] {
            "dev.contentservice.domain",
            "dev.contentservice.application",
            "dev.contentservice.adapter.memory",
            "dev.contentservice.adapter.filesystem",
            "dev.contentservice.adapter.objectstore",
            "dev.contentservice.adapter.render",
            "dev.contentservice.adapter.rest",
            "dev.contentservice.bootstrap"
        }) {
            org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage(pkg))
                    .as(pkg)
                    .isTrue();
        }
    }
}
