package dev.tubebatch.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every view in light and dark, on a desktop and on a phone: a screenshot of each, whether the page scrolls
 * sideways on the phone (grids may scroll inside themselves; the page may not), and what axe-core finds.
 */
final class ViewTour {

    /** A view: its file-name key, its path and the start of its page title. */
    record View(String key, String path, String title) {}

    /**
     * One view in one scheme on one screen: its serious or critical axe findings (on the desktop), and what sticks
     * out sideways (on the phone).
     */
    record Visit(String view, boolean dark, boolean phone, List<String> serious, List<String> tooWide) {
        String where() {
            return view + " (" + (dark ? "dark" : "light") + ", " + (phone ? "phone" : "desktop") + ")";
        }
    }

    private final Chromium browser;
    private final String base;
    private final @Nullable String axe;

    ViewTour(Chromium browser, String base) {
        this.browser = browser;
        this.base = base;
        this.axe = axeSource();
    }

    boolean checksAccessibility() {
        return axe != null;
    }

    List<Visit> visit(List<View> views) {
        List<Visit> visits = new ArrayList<>();
        for (boolean dark : List.of(false, true)) {
            browser.darkScheme(dark);
            for (boolean phone : List.of(false, true)) {
                browser.phone(phone);
                for (View view : views) {
                    visits.add(visit(view, dark, phone));
                }
            }
        }
        browser.phone(false);
        browser.darkScheme(false);
        return visits;
    }

    private Visit visit(View view, boolean dark, boolean phone) {
        browser.driver.get(base + view.path());
        browser.waitFor(view.title() + " view", () -> String.valueOf(browser.script("return document.title;"))
                .startsWith(view.title()) && Boolean.TRUE.equals(browser.script(
                        "return !document.querySelector('vaadin-connection-indicator[loading]');")));
        settle();
        // Vaadin's development tools (absent from a production build) would cover the screenshots.
        browser.script("document.querySelectorAll('copilot-main, vaadin-dev-tools')"
                + ".forEach(e => e.style.display = 'none');");
        browser.screenshot("tour-" + view.key() + "-" + (dark ? "dark" : "light") + "-"
                + (phone ? "phone" : "desktop"));
        List<String> tooWide = phone ? tooWide() : List.of();
        // axe on the desktop only: a phone shows the same elements, and each run takes seconds.
        List<String> serious = axe != null && !phone ? serious() : List.of();
        return new Visit(view.key(), dark, phone, serious, tooWide);
    }

    /**
     * Elements outside any grid that reach past the right edge of the screen: the page, or a scrolling part of it
     * such as the app layout's content, would scroll sideways, or the element is cut off.
     */
    @SuppressWarnings("unchecked")
    private List<String> tooWide() {
        return (List<String>) browser.script("""
                const width = document.documentElement.clientWidth;
                const out = [];
                for (const e of document.querySelectorAll('body *')) {
                  if (e.closest('vaadin-grid, copilot-main, vaadin-dev-tools')) continue;
                  const r = e.getBoundingClientRect();
                  const shown = r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
                  if (shown && r.left < width && r.right > width + 1 && out.length < 10) {
                    out.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')
                        + ' "' + (e.textContent || '').trim().slice(0, 30) + '" right=' + Math.round(r.right));
                  }
                }
                return out;""");
    }

    /** axe-core's serious and critical violations on the page: "rule-id (impact, n nodes): help". */
    @SuppressWarnings("unchecked")
    private List<String> serious() {
        browser.script(axe);
        Object found = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                // Copilot is Vaadin's development-mode tool: a production build has none.
                axe.run({exclude: [['copilot-main'], ['vaadin-dev-tools']]}, {resultTypes: ['violations']})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + ' nodes): ' + v.help + ' at '
                      + v.nodes.slice(0, 2).map(n => JSON.stringify(n.target)).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        return (List<String>) found;
    }

    private static void settle() {
        try {
            Thread.sleep(400); // push and web components finish drawing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fetched at test-build time by src/build/fetch-axe.sh; null when npm was not there. */
    private static @Nullable String axeSource() {
        try (InputStream in = ViewTour.class.getResourceAsStream("/axe/axe.min.js")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A report, a line a visit, and the serious findings counted by view. */
    static String report(List<Visit> visits) {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> byView = new LinkedHashMap<>();
        for (Visit v : visits) {
            byView.merge(v.where(), v.serious().size(), Integer::sum);
            out.append(v.where()).append(": ").append(v.serious().size()).append(" serious/critical");
            if (!v.tooWide().isEmpty()) {
                out.append("; scrolls sideways: ").append(v.tooWide());
            }
            out.append('\n');
            v.serious().forEach(s -> out.append("    ").append(s).append('\n'));
        }
        int total = byView.values().stream().mapToInt(Integer::intValue).sum();
        out.append("serious or critical axe violations, all visits: ").append(total).append('\n');
        return out.toString();
    }
}
