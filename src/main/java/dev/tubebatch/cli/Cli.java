package dev.tubebatch.cli;

import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.cluster.NodeRole;
import dev.tubebatch.database.EmbeddedDatabaseProperties;
import dev.tubebatch.database.RunningServer;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.export.OutputLayout;
import dev.tubebatch.intake.InputTooLargeException;
import dev.tubebatch.intake.IntakeService;
import dev.tubebatch.search.SearchQuery;
import dev.tubebatch.search.TranscriptSearch;
import java.io.PrintStream;
import java.time.Clock;
import dev.tubebatch.youtube.budget.YouTubeGate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code tubebatch batch ...} and {@code tubebatch search ...}. {@code batch} parses the arguments (usage errors end here with exit code 2, before anything
 * starts), then starts the application without its web server and runs {@link BatchCommand} in it. Log output goes
 * to a file so that standard output holds only what the command prints (JSON lines for {@code --dry-run}).
 */
public final class Cli {

    /** The first argument that selects the command line instead of the web app. */
    public static final String COMMAND = "batch";
    /** The first argument that selects a search of the stored transcripts. */
    public static final String SEARCH = "search";

    private static final String JOB_SERVER_ENABLED = "jobrunr.background-job-server.enabled";

    private Cli() {}

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        CliOptions options;
        try {
            options = CliArguments.parse(args);
        } catch (UsageException e) {
            err.println("tubebatch: " + e.getMessage());
            err.println("Run 'tubebatch batch --help' for the options.");
            return BatchCommand.USAGE;
        }
        if (options.mode() == CliOptions.Mode.HELP) {
            out.print(CliArguments.usage());
            return BatchCommand.OK;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setRegisterShutdownHook(false);
        app.addListeners(new CliProperties(springProperties(options)));
        ConfigurableApplicationContext context;
        try {
            context = app.run();
        } catch (RuntimeException e) {
            err.println("tubebatch: could not start: " + rootMessage(e) + " (details in "
                    + System.getProperty("tubebatch.cli.log", "logs/tubebatch-cli.log") + ")");
            return BatchCommand.FAILURES;
        }
        BatchCommand command = new BatchCommand(context.getBean(BatchService.class),
                context.getBean(BatchQueries.class),
                new CliInputs(context.getBean(IntakeService.class)), context.getBean(OutputLayout.class),
                context.getBean(ExportService.class), out, err,
                isTerminal(), Duration.ofMillis(500),
                context.getBean(Clock.class), context.getBean(YouTubeGate.class)::breakerState);
        AtomicBoolean closed = new AtomicBoolean();
        Thread onCtrlC = new Thread(() -> {
            if (!closed.get()) {
                try {
                    command.interrupted();
                } finally {
                    if (closed.compareAndSet(false, true)) {
                        context.close();
                    }
                }
            }
        }, "tubebatch-cli-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            return command.execute(options);
        } catch (UsageException e) {
            err.println("tubebatch: " + e.getMessage());
            return BatchCommand.USAGE;
        } catch (InputTooLargeException e) {
            err.println("tubebatch: input: " + e.getMessage());
            return BatchCommand.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BatchCommand.FAILURES;
        } catch (RuntimeException e) {
            if (command.isInterrupted()) {
                // The shutdown closed the database under the follow loop; the handler has said how to go on.
                return BatchCommand.FAILURES;
            }
            throw e;
        } finally {
            if (closed.compareAndSet(false, true)) {
                context.close();
            }
        }
    }

    /** {@code tubebatch search ...}: the database only (no job workers), one page of hits, then the exit code. */
    public static int search(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        SearchCommand.Parsed parsed;
        try {
            parsed = SearchCommand.parse(args);
        } catch (UsageException e) {
            err.println("tubebatch: " + e.getMessage());
            err.println("Run 'tubebatch search --help' for the options.");
            return BatchCommand.USAGE;
        }
        SearchQuery query = parsed.query();
        if (query == null) {
            out.print(SearchCommand.usage());
            return BatchCommand.OK;
        }
        Map<String, Object> properties = commonProperties();
        properties.put(JOB_SERVER_ENABLED, "false");
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.addListeners(new CliProperties(properties));
        try (ConfigurableApplicationContext context = app.run()) {
            return SearchCommand.print(context.getBean(TranscriptSearch.class).search(query), parsed.json(), out);
        } catch (RuntimeException e) {
            err.println("tubebatch: search failed: " + rootMessage(e) + " (details in "
                    + System.getProperty("tubebatch.cli.log", "logs/tubebatch-cli.log") + ")");
            return BatchCommand.FAILURES;
        }
    }

    /**
     * Whether standard output is a terminal (redraw a progress bar) or a pipe or file (plain lines). From Java 22
     * {@code System.console()} exists for redirected output too and {@code Console.isTerminal()} tells; the build
     * targets Java 21, so that method is looked up at run time.
     */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** The command line runs the engine without the web server, the job dashboard or console logging. */
    static Map<String, Object> springProperties(CliOptions options) {
        Map<String, Object> properties = commonProperties();
        boolean runsJobs = switch (options.mode()) {
            case RUN, RESUME, RETRY_FAILED -> true;
            default -> false;
        };
        properties.put(JOB_SERVER_ENABLED, Boolean.toString(runsJobs));
        if (options.maxWorkers() != null) {
            properties.put("jobrunr.background-job-server.worker-count", options.maxWorkers().toString());
        }
        if (options.summaryMethod() != null) {
            // This process's own workers summarize so; beside a running app, that app's configuration does.
            properties.put("tubebatch.inference.summary.method", options.summaryMethod());
        }
        if (options.output() != null) {
            properties.put("tubebatch.output.root", options.output().toAbsolutePath().toString());
        }
        return properties;
    }

    /** What every command-line run sets, whatever it does. */
    private static Map<String, Object> commonProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.threshold.console", "OFF");
        properties.put("logging.file.name", System.getProperty("tubebatch.cli.log", "logs/tubebatch-cli.log"));
        properties.put("jobrunr.dashboard.enabled", "false");
        // Vaadin's auto-configuration needs a web application context; the command line has none.
        properties.put("spring.autoconfigure.exclude", NodeRole.VAADIN_AUTO_CONFIGURATION);
        // A run in the folder of a running app uses that app's embedded PostgreSQL, and leaves it running.
        properties.put(EmbeddedDatabaseProperties.PREFIX + ".join-running", "true");
        return properties;
    }

    /**
     * Puts the command line's settings ahead of every other property source, so that they win over
     * application.properties (which enables the dashboard, say), before logging starts and the config files are read.
     * They go in as values, never as an argument line for Spring to parse: the output folder is whatever the user
     * typed.
     */
    private record CliProperties(Map<String, Object> properties)
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            ConfigurableEnvironment environment = event.getEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("tubebatch-cli", properties));
            // On the database of a running app, that app's workers run the batch (with its models and settings):
            // workers here would take jobs of its batches too, and leave them half done when this run ends.
            if (RunningServer.servesThisApp(environment)) {
                environment.getPropertySources().addFirst(new MapPropertySource("tubebatch-cli-joined",
                        Map.of(JOB_SERVER_ENABLED, "false")));
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
