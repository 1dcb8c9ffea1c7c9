package dev.tubebatch.youtube;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class YoutubePackageBoundaryTest {

    @Test
    void the_youtube_package_depends_on_no_other_tubebatch_package() {
        noClasses().that().resideInAPackage("dev.tubebatch.youtube")
                .should().dependOnClassesThat(resideInAPackage("dev.tubebatch..")
                        .and(not(resideInAPackage("dev.tubebatch.youtube"))))
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.tubebatch.youtube"));
    }
}
