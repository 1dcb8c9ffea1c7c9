package dev.tubebatch.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven by its chromedriver: what the browser tests share. It signs in, waits for a
 * condition (a screenshot is saved when one never comes), takes screenshots into {@code target/screenshots/}, and
 * emulates a phone's screen and a dark colour scheme through the DevTools protocol.
 */
final class Chromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration LIMIT = Duration.ofSeconds(90);

    final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static Chromium start() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("tubebatch-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Chromium(driver);
    }

    void signIn(String base, String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        waitFor("the login form", () -> !driver.findElements(
                By.cssSelector("vaadin-login-form vaadin-password-field input")).isEmpty());
        screenshot("0-login");
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-text-field input")).sendKeys(user);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-password-field input"))
                .sendKeys(password, Keys.ENTER);
        waitFor("the signed-in app", () -> !driver.getCurrentUrl().contains("/login")
                && !driver.findElements(By.cssSelector("vaadin-app-layout")).isEmpty());
    }

    /** A phone's screen (390 × 844 CSS pixels, touch) or, with {@code phone} false, the desktop window. */
    void phone(boolean phone) {
        if (phone) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        } else {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** What the system's colour scheme says: the app follows it unless the user chose one. */
    void darkScheme(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    String text() {
        Object text = script("return document.body.innerText;");
        return text == null ? "" : text.toString();
    }

    void clickButton(String label) {
        script("[...document.querySelectorAll('vaadin-button')].find(b => b.textContent.trim() === "
                + "arguments[0]).click();", label);
    }

    boolean buttonEnabled(String label) {
        return Boolean.TRUE.equals(script("const b = [...document.querySelectorAll('vaadin-button')]"
                + ".find(b => b.textContent.trim() === arguments[0]); return !!b && !b.hasAttribute('disabled');",
                label));
    }

    String sessionCookie() {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        return "JSESSIONID=" + session.getValue();
    }

    void waitFor(String what, BooleanSupplier condition) {
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

    void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
