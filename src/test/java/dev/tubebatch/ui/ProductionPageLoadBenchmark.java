package dev.tubebatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long the view of a 10,000-video batch takes to show its first rows in a real browser (headless chromium)
 * against an app that runs elsewhere: the production jar, which {@code src/build/page-load-benchmark.sh} builds,
 * starts on its own data folder, fills with a paused batch of 10,000 videos ({@code capBIG00000} to
 * {@code capBIG09999}) and stops. It measures as {@link BrowserTest} does in development mode: the batch's address
 * loaded five times (the first load, and the median of all five), and the batch opened from the batch list by a
 * click three times (median). Skipped unless the script gives it the app: {@code -Dbenchmark.page-load.url},
 * {@code .user}, {@code .password-file} (a file, so that the password is on no command line), {@code .batch} (the
 * id) and {@code .batch-name}. The figures go to the console and to {@code target/page-load-benchmark/figures.txt}.
 */
@Tag("benchmark")
class ProductionPageLoadBenchmark {

    static final String PREFIX = "benchmark.page-load.";
    static final Path FIGURES = Path.of("target", "page-load-benchmark", "figures.txt");
    static final String FIRST_ROW = "capBIG00000";
    static final int LOADS = 5;
    static final int CLICKS = 3;

    @Test
    void the_view_of_a_ten_thousand_video_batch_is_timed_against_the_production_jar() throws Exception {
        String base = property("url");
        String user = property("user");
        String passwordFile = property("password-file");
        String batch = property("batch");
        String batchName = property("batch-name");
        Assumptions.assumeTrue(base != null && user != null && passwordFile != null && batch != null
                && batchName != null, "no app given: run src/build/page-load-benchmark.sh");
        Assumptions.assumeTrue(Chromium.installed(), "needs /usr/bin/chromium and /usr/bin/chromedriver");
        String password = Files.readString(Path.of(passwordFile)).strip();

        List<Double> loads = new ArrayList<>();
        List<Double> clicks = new ArrayList<>();
        try (Chromium browser = Chromium.start()) {
            browser.signIn(base, user, password);
            for (int i = 0; i < LOADS; i++) {
                long opening = System.nanoTime();
                browser.driver.get(base + "/batches/" + batch);
                browser.waitFor("the first rows of the big batch", () -> browser.text().contains(FIRST_ROW));
                loads.add((System.nanoTime() - opening) / 1e9);
            }
            browser.screenshot("production-batch-view-10000");
            for (int i = 0; i < CLICKS; i++) {
                browser.driver.get(base + "/");
                browser.waitFor("the batch list", () -> browser.text().contains(batchName));
                long clicked = System.nanoTime();
                browser.script("[...document.querySelectorAll('vaadin-grid-cell-content')]"
                        + ".find(c => c.textContent.trim() === arguments[0]).click();", batchName);
                browser.waitFor("the first rows of the big batch", () -> browser.text().contains(FIRST_ROW));
                clicks.add((System.nanoTime() - clicked) / 1e9);
            }
        }
        String report = String.format(Locale.ROOT,
                "production jar: batch view of 10,000 videos opened by its address: first load %.2f s, median of %d"
                        + " %.2f s (goal < 1.5 s); loads %s%n"
                        + "production jar: batch view of 10,000 videos opened from the batch list: median of %d"
                        + " %.2f s; clicks %s%n",
                loads.getFirst(), LOADS, median(loads), seconds(loads), CLICKS, median(clicks), seconds(clicks));
        System.out.print(report);
        Files.createDirectories(FIGURES.getParent());
        Files.writeString(FIGURES, report);
        assertThat(loads).hasSize(LOADS);
        assertThat(clicks).hasSize(CLICKS);
    }

    private static @Nullable String property(String name) {
        String value = System.getProperty(PREFIX + name);
        return value == null || value.isBlank() ? null : value;
    }

    static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String seconds(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v))
                .collect(Collectors.joining(" ", "[", "] s"));
    }
}
