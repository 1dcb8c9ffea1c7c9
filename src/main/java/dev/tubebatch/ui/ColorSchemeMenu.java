package dev.tubebatch.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.page.ColorScheme;
import java.util.Map;

/**
 * Light, dark, or the system's choice (the default): picked in the user menu, remembered by the browser
 * (localStorage, so each device keeps its own), and applied by {@link #HEAD_SCRIPT} before the page is first
 * painted, so a dark page never flashes light.
 */
public final class ColorSchemeMenu {

    /** Where the browser keeps the choice: {@code light} or {@code dark}; absent follows the system. */
    public static final String STORAGE_KEY = "tubebatch.color-scheme";

    /**
     * Runs in the page's head, before anything is drawn: puts a remembered choice on the page as Lumo reads it (the
     * {@code theme} attribute and {@code color-scheme} of {@code <html>}). Without one the app shell's
     * {@code @ColorScheme(SYSTEM)} stands.
     */
    public static final String HEAD_SCRIPT = "(function () { try { var s = localStorage.getItem('" + STORAGE_KEY
            + "'); if (s === 'light' || s === 'dark') { var h = document.documentElement;"
            + " h.setAttribute('theme', s); h.style.colorScheme = s; } } catch (e) { } })();";

    final MenuItem system;
    final MenuItem light;
    final MenuItem dark;
    private final Map<ColorScheme.Value, MenuItem> items;

    ColorSchemeMenu(SubMenu menu) {
        system = menu.addItem("Follow the system", e -> choose(ColorScheme.Value.SYSTEM));
        light = menu.addItem("Light", e -> choose(ColorScheme.Value.LIGHT));
        dark = menu.addItem("Dark", e -> choose(ColorScheme.Value.DARK));
        items = Map.of(ColorScheme.Value.SYSTEM, system, ColorScheme.Value.LIGHT, light, ColorScheme.Value.DARK, dark);
        items.values().forEach(item -> item.setCheckable(true));
        check(ColorScheme.Value.SYSTEM);
        UI ui = UI.getCurrent();
        if (ui != null) { // the browser says what it remembers; until it answers, "Follow the system" is checked
            ui.getPage().executeJs("return localStorage.getItem($0)", STORAGE_KEY)
                    .then(String.class, stored -> check(of(stored)));
        }
    }

    /** The choice as stored: light, dark, or anything else (nothing) for the system's. */
    static ColorScheme.Value of(@org.jspecify.annotations.Nullable String stored) {
        return "light".equals(stored) ? ColorScheme.Value.LIGHT
                : "dark".equals(stored) ? ColorScheme.Value.DARK : ColorScheme.Value.SYSTEM;
    }

    void choose(ColorScheme.Value scheme) {
        check(scheme);
        UI ui = UI.getCurrent();
        ui.getPage().setColorScheme(scheme);
        ui.getPage().executeJs("if ($1) { localStorage.setItem($0, $1); } else { localStorage.removeItem($0); }",
                STORAGE_KEY, scheme == ColorScheme.Value.SYSTEM ? "" : scheme.getValue());
    }

    ColorScheme.Value checked() {
        return items.entrySet().stream().filter(e -> e.getValue().isChecked()).map(Map.Entry::getKey).findFirst()
                .orElse(ColorScheme.Value.SYSTEM);
    }

    private void check(ColorScheme.Value scheme) {
        items.forEach((value, item) -> item.setChecked(value == scheme));
    }
}
