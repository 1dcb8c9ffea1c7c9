package dev.tubebatch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of docs/ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tubebatch");

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("dev.tubebatch.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void the_youtube_adapter_depends_on_no_other_feature() {
        noClasses().that().resideInAPackage("dev.tubebatch.youtube..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tubebatch.batch..", "dev.tubebatch.pipeline..",
                        "dev.tubebatch.intake..", "dev.tubebatch.export..", "dev.tubebatch.ui..", "dev.tubebatch.api..",
                        "dev.tubebatch.cli..", "dev.tubebatch.inference..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void the_batch_model_does_not_reach_up_into_the_features_that_use_it() {
        noClasses().that().resideInAPackage("dev.tubebatch.batch..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tubebatch.pipeline..", "dev.tubebatch.intake..",
                        "dev.tubebatch.youtube..", "dev.tubebatch.export..", "dev.tubebatch.ui..",
                        "dev.tubebatch.inference..")
                .check(classes);
    }

    @Test
    void intake_reads_youtube_and_the_batch_model_but_nothing_that_runs_or_shows_batches() {
        noClasses().that().resideInAPackage("dev.tubebatch.intake..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tubebatch.pipeline..", "dev.tubebatch.ui..",
                        "dev.tubebatch.export..", "dev.tubebatch.inference..", "org.springframework.jdbc..")
                .check(classes);
    }

    @Test
    void the_machine_probe_depends_on_no_other_feature() {
        noClasses().that().resideInAPackage("dev.tubebatch.machine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tubebatch.batch..", "dev.tubebatch.pipeline..",
                        "dev.tubebatch.intake..", "dev.tubebatch.export..", "dev.tubebatch.ui..", "dev.tubebatch.api..",
                        "dev.tubebatch.cli..", "dev.tubebatch.inference..", "dev.tubebatch.youtube..")
                .check(classes);
    }

    @Test
    void inference_knows_nothing_of_batches_or_jobs() {
        noClasses().that().resideInAPackage("dev.tubebatch.inference..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tubebatch.batch..", "dev.tubebatch.pipeline..",
                        "dev.tubebatch.intake..", "dev.tubebatch.export..", "dev.tubebatch.ui..",
                        "dev.tubebatch.youtube..")
                .check(classes);
    }

    @Test
    void shared_inference_depends_on_neither_speech_nor_summaries() {
        noClasses().that().resideInAPackage("dev.tubebatch.inference")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tubebatch.inference.speech..",
                        "dev.tubebatch.inference.summary..")
                .check(classes);
    }

    @Test
    void speech_to_text_does_not_depend_on_summaries() {
        noClasses().that().resideInAPackage("dev.tubebatch.inference.speech..")
                .should().dependOnClassesThat().resideInAPackage("dev.tubebatch.inference.summary..")
                .check(classes);
    }

    @Test
    void summaries_do_not_depend_on_speech_to_text() {
        noClasses().that().resideInAPackage("dev.tubebatch.inference.summary..")
                .should().dependOnClassesThat().resideInAPackage("dev.tubebatch.inference.speech..")
                .check(classes);
    }

    @Test
    void views_call_services_not_the_database() {
        noClasses().that().resideInAPackage("dev.tubebatch.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void the_time_formats_depend_on_no_feature() {
        noClasses().that().resideInAPackage("dev.tubebatch.format..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.tubebatch.format..", "java..")
                .check(classes);
    }
}
