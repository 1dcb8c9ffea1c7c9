package dev.tubebatch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The package rules of docs/ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final String ROOT = "dev.tubebatch";

    /**
     * The features each feature may use: every dependency between the packages under dev.tubebatch, in one place
     * ("" is the root package, where Application starts the web app or the command line). A feature not named on
     * the right may not be used; a new dependency is a design decision, made here (the cycle rule still applies).
     */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("", Set.of("cli", "ui")), // ui: the app shell puts the colour scheme's head script on the page
            Map.entry("api", Set.of("batch", "export", "intake", "library", "search", "security", "watch",
                    "webhook", "youtube")),
            Map.entry("batch", Set.of()),
            Map.entry("cli", Set.of("batch", "cluster", "database", "export", "format", "intake", "search",
                    "youtube")),
            Map.entry("cluster", Set.of("batch", "database")),
            Map.entry("database", Set.of()),
            Map.entry("export", Set.of("batch", "database", "format")),
            Map.entry("format", Set.of()),
            Map.entry("inference", Set.of("format", "machine")),
            Map.entry("intake", Set.of("batch", "format", "youtube")),
            Map.entry("library", Set.of("batch", "export")),
            Map.entry("machine", Set.of()),
            Map.entry("ops", Set.of("batch", "inference", "pipeline", "youtube")),
            Map.entry("pipeline", Set.of("batch", "export", "format", "inference", "machine", "youtube")),
            Map.entry("search", Set.of("batch")),
            Map.entry("security", Set.of()),
            Map.entry("ui", Set.of("batch", "format", "inference", "intake", "library", "machine", "ops", "search",
                    "security", "watch", "webhook", "youtube")),
            Map.entry("watch", Set.of("batch", "intake")),
            Map.entry("webhook", Set.of("batch", "watch")),
            Map.entry("youtube", Set.of("format")));

    /**
     * Sub-packages that other features may use as well (a feature's published part). Every other sub-package, such
     * as export.render, is the inside of its feature: only that feature uses it.
     */
    private static final Set<String> PUBLISHED_SUB_PACKAGES = Set.of("youtube.budget");

    // Read once for all rules: importing the classes is most of this test's time.
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tubebatch");

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("dev.tubebatch.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void intake_reads_the_database_only_through_the_batch_model() {
        noClasses().that().resideInAPackage("dev.tubebatch.intake..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "javax.sql..")
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
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.tubebatch.format..", "java..",
                        "org.jspecify.annotations..")
                .check(classes);
    }

    @Test
    void every_package_is_a_feature_of_the_dependency_table() {
        Set<String> missing = new TreeSet<>();
        classes.forEach(c -> {
            if (!MAY_USE.containsKey(feature(c.getPackageName()))) {
                missing.add(feature(c.getPackageName()));
            }
        });
        assertThat(missing).as("features missing from MAY_USE").isEmpty();
    }

    @Test
    void features_use_only_the_features_the_table_allows() {
        classes().should(new ArchCondition<JavaClass>("use only the features MAY_USE allows their feature") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = feature(origin.getPackageName());
                Set<String> allowed = MAY_USE.getOrDefault(from, Set.of());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    if (!inApp(target) || feature(target).equals(from) || allowed.contains(feature(target))) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(dependency, "'" + from + "' may not use '"
                            + feature(target) + "' (MAY_USE allows " + new TreeSet<>(allowed) + "): " + dependency.getDescription()));
                }
            }
        }).check(classes);
    }

    @Test
    void a_feature_s_sub_packages_are_used_only_inside_that_feature() {
        classes().should(new ArchCondition<JavaClass>("use no other feature's sub-packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = feature(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    String sub = subPackage(target);
                    if (sub == null || feature(target).equals(from) || PUBLISHED_SUB_PACKAGES.contains(sub)) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(dependency, "'" + sub + "' is internal to '"
                            + feature(target) + "' (not in PUBLISHED_SUB_PACKAGES): " + dependency.getDescription()));
                }
            }
        }).check(classes);
    }

    private static boolean inApp(String packageName) {
        return packageName.equals(ROOT) || packageName.startsWith(ROOT + ".");
    }

    /** {@code dev.tubebatch.export.render} -> {@code export}; the root package -> "". */
    private static String feature(String packageName) {
        if (packageName.equals(ROOT)) {
            return "";
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** {@code dev.tubebatch.export.render.x} -> {@code export.render}; null for a feature's own package or none. */
    private static String subPackage(String packageName) {
        if (!inApp(packageName) || packageName.equals(ROOT)) {
            return null;
        }
        String[] parts = packageName.substring(ROOT.length() + 1).split("\\.");
        return parts.length < 2 ? null : parts[0] + "." + parts[1];
    }
}
