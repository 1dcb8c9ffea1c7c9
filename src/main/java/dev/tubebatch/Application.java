package dev.tubebatch;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import dev.tubebatch.cli.Cli;
import dev.tubebatch.ui.ColorSchemeMenu;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts tubebatch: web app, REST API and job workers in one process (the default {@code all} role), or the command
 * line when the first argument is {@code batch} or {@code search}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Push
@StyleSheet(Lumo.STYLESHEET) // the theme first, then our own styles, which use its properties
@StyleSheet("styles.css")
@ColorScheme(ColorScheme.Value.SYSTEM) // light or dark as the system is; the user menu can fix one (ColorSchemeMenu)
public class Application implements AppShellConfigurator {

    /** {@code batch ...} runs the command line (see {@link Cli}); anything else starts the app. */
    public static void main(String[] args) {
        if (args.length > 0 && Cli.COMMAND.equals(args[0])) {
            System.exit(Cli.run(Application.class, java.util.Arrays.copyOfRange(args, 1, args.length), System.out,
                    System.err));
        }
        if (args.length > 0 && Cli.SEARCH.equals(args[0])) {
            System.exit(Cli.search(Application.class, java.util.Arrays.copyOfRange(args, 1, args.length), System.out,
                    System.err));
        }
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("tubebatch");
        // Before the first paint: a dark choice the browser remembers must not flash light first.
        settings.addInlineWithContents(Inline.Position.PREPEND, ColorSchemeMenu.HEAD_SCRIPT, Inline.Wrapping.JAVASCRIPT);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
