package dev.tubebatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.youtube.FakeYtDlp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web app in a real browser (Debian's chromium and chromedriver, headless) against the running app with real
 * JobRunr workers and the fake yt-dlp: sign in, create a batch from pasted URLs, watch every video reach
 * Completed without a reload (server push), download the ZIP, and take a screenshot of each view into
 * {@code target/screenshots/}. It also measures, and prints, how long a change in the database takes to show in
 * the browser (200 changes) and how long the view of a 10,000-video batch takes to open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/browser",
        "jobrunr.dashboard.enabled=false",
        "jobrunr.background-job-server.worker-count=4",
        "tubebatch.output.root=target/test-output/browser",
        "tubebatch.pipeline.work-directory=target/test-work/browser",
        "tubebatch.inference.speech.engine=none",
        "tubebatch.inference.summary.method=none"})
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path FAKE = FakeYtDlp.install(Path.of("target", "test-bin", "browser-" + UUID.randomUUID()));
    static final Duration LIMIT = Duration.ofSeconds(90);

    static ChromeDriver browser;

    @DynamicPropertySource
    static void ytDlp(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", () -> FAKE.toAbsolutePath().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Autowired
    ItemTracker tracker;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are not installed (apt install chromium chromium-driver)");
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("tubebatch-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_operator_creates_a_batch_watches_it_complete_live_and_downloads_it() throws Exception {
        signIn("admin", "tubebatch-dev");
        screenshot("1-batches");

        browser.get(url("/new"));
        waitFor("the New batch view", () -> !browser.findElements(By.cssSelector("vaadin-text-area textarea")).isEmpty());
        WebElement urls = browser.findElement(By.cssSelector("vaadin-text-area textarea"));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ids.add(String.format("capBRWS%04d", i));
        }
        urls.sendKeys(String.join("\n", ids) + "\nhttps://example.com/not-youtube");
        urls.sendKeys(Keys.TAB); // the text area sends its value when it loses focus
        clickButton("Preview");
        waitFor("the preview", () -> text().contains("not a YouTube URL") && buttonEnabled("Start"));
        screenshot("2-new-batch-preview");
        clickButton("Start");
        waitFor("the batch view", () -> browser.getCurrentUrl().matches(".*/batches/[0-9a-f-]{36}$"));
        String batchId = browser.getCurrentUrl().replaceAll(".*/batches/", "");

        // No reload from here on: the grid changes only by server push.
        waitFor("every video completed", () -> completedCells() == ids.size());
        screenshot("3-batch-view-completed");
        assertThat(text()).contains("Completed");

        String href = (String) js().executeScript(
                "const a = [...document.querySelectorAll('a')].find(a => a.textContent.trim() === 'Download ZIP');"
                        + "return a ? a.href : null;");
        assertThat(href).endsWith("/downloads/batches/" + batchId + ".zip");
        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", sessionCookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).anyMatch(e -> e.endsWith("/batch.json"));
        assertThat(entries.stream().filter(e -> e.endsWith("/transcript.md"))).hasSize(ids.size());

        browser.get(url("/"));
        waitFor("the batch list", () -> text().contains("6 of 6"));
        screenshot("4-batches-with-one");
        browser.get(url("/system"));
        waitFor("the System view", () -> text().contains("Resource advisor"));
        screenshot("5-system");

        // A dark choice the browser remembers is on the page from its first paint (the head script), and stays.
        js().executeScript("localStorage.setItem(arguments[0], 'dark');", ColorSchemeMenu.STORAGE_KEY);
        browser.get(url("/batches/" + batchId));
        waitFor("the batch view again", () -> completedCells() == ids.size());
        assertThat(js().executeScript("return document.documentElement.getAttribute('theme');")).isEqualTo("dark");
        screenshot("7-batch-view-dark");
        js().executeScript("localStorage.removeItem(arguments[0]);", ColorSchemeMenu.STORAGE_KEY);
        browser.get(url("/"));
        waitFor("the batch list", () -> text().contains("6 of 6"));
        assertThat(js().executeScript("return document.documentElement.getAttribute('theme');"))
                .as("without a choice the system's colours").isEqualTo("light-dark");
    }

    @Test
    void push_latency_and_the_view_of_a_ten_thousand_video_batch_are_measured() throws Exception {
        signIn("admin", "tubebatch-dev");
        List<NewBatch.NewVideo> videos = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String id = String.format("capBIG%05d", i);
            videos.add(new NewBatch.NewVideo("https://www.youtube.com/watch?v=" + id, id));
        }
        Batch big = batches.create(new NewBatch("Ten thousand", videos, 1, 0, OnErrorPolicy.CONTINUE), "admin");
        batches.pause(big.id());

        long opening = System.nanoTime();
        browser.get(url("/batches/" + big.id()));
        waitFor("the first rows of the big batch", () -> text().contains("capBIG00000"));
        double openSeconds = (System.nanoTime() - opening) / 1e9;
        screenshot("6-batch-view-10000");

        // 200 changes to the first visible video's title, each awaited in the browser.
        VideoItem first = queries.items(big.id(), null, 0, 1).getFirst();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String marker = "Change " + i + " " + UUID.randomUUID().toString().substring(0, 8);
            long changed = System.nanoTime();
            tracker.metadata(first, marker, "Channel", 60, null);
            waitFor("change " + i + " in the browser", () -> Boolean.TRUE.equals(js().executeScript(
                    "return document.body.innerText.includes(arguments[0])", marker)));
            millis.add((System.nanoTime() - changed) / 1e6);
        }
        List<Double> sorted = millis.stream().sorted().toList();
        double p50 = sorted.get(sorted.size() / 2);
        double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        String report = String.format(java.util.Locale.ROOT,
                "push latency over %d changes: p50 %.0f ms, p95 %.0f ms, max %.0f ms (goal p95 <= 500 ms)%n"
                        + "batch view of 10,000 videos opened in %.2f s (goal <= 2 s)%n",
                sorted.size(), p50, p95, sorted.getLast(), openSeconds);
        System.out.print(report);
        Files.writeString(SCREENSHOTS.resolve("measurements.txt"), report);
        assertThat(sorted).hasSize(200);
    }

    private void signIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        waitFor("the login form", () -> !browser.findElements(
                By.cssSelector("vaadin-login-form vaadin-password-field input")).isEmpty());
        screenshot("0-login");
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-text-field input")).sendKeys(user);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-password-field input"))
                .sendKeys(password, Keys.ENTER);
        waitFor("the signed-in app", () -> !browser.findElements(By.cssSelector("vaadin-side-nav-item")).isEmpty());
    }

    private int completedCells() {
        Object n = js().executeScript("return [...document.querySelectorAll('vaadin-grid-cell-content')]"
                + ".filter(c => c.textContent.trim() === 'Completed').length;");
        return ((Number) n).intValue();
    }

    private void clickButton(String label) {
        js().executeScript("[...document.querySelectorAll('vaadin-button')].find(b => b.textContent.trim() === "
                + "arguments[0]).click();", label);
    }

    private boolean buttonEnabled(String label) {
        return Boolean.TRUE.equals(js().executeScript("const b = [...document.querySelectorAll('vaadin-button')]"
                + ".find(b => b.textContent.trim() === arguments[0]); return !!b && !b.hasAttribute('disabled');",
                label));
    }

    private String text() {
        Object text = js().executeScript("return document.body.innerText;");
        return text == null ? "" : text.toString();
    }

    private String sessionCookie() {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        return "JSESSIONID=" + session.getValue();
    }

    private JavascriptExecutor js() {
        return browser;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        screenshot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
        throw new AssertionError("Timed out after " + LIMIT.toSeconds() + " s waiting for " + what);
    }

    private static void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
