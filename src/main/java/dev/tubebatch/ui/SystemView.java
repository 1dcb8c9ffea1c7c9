package dev.tubebatch.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.ops.ToolVersions;
import dev.tubebatch.inference.LanguageModel;
import dev.tubebatch.inference.LlmProperties;
import dev.tubebatch.inference.ModelRegistry;
import dev.tubebatch.machine.Gpu;
import dev.tubebatch.machine.Machine;
import dev.tubebatch.machine.MachineProbe;
import dev.tubebatch.machine.ResourceAdvisor;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.security.Roles;
import dev.tubebatch.youtube.CookieJar;
import dev.tubebatch.youtube.budget.BreakerState;
import dev.tubebatch.youtube.budget.YouTubeGate;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The machine and the engine as this node sees them: CPU, memory, GPUs, the resource advisor's proposal and its
 * reasons, the loaded models, the LLM's endpoint and model with a connection test, the tools' versions and health,
 * YouTube (the breaker, with a button that lifts it, the request budget and the cookies), and videos finished per 5
 * minutes over the last two hours (all nodes), drawn as SVG on the server. Admins only; refreshed every 5 seconds
 * while open.
 */
@Route("system")
@PageTitle("System · tubebatch")
@RolesAllowed(Roles.ADMIN)
public class SystemView extends VerticalLayout {

    static final Duration BUCKET = Duration.ofMinutes(5);
    static final int BUCKETS = 24;
    static final int REFRESH_MILLIS = 5_000;

    private final MachineProbe machines;
    private final ResourceAdvisor advisor;
    private final ModelRegistry models;
    private final ToolVersions tools;
    private final BatchQueries batches;
    private final YouTubeGate youTube;
    private final CookieJar cookies;

    final Div youTubeState = new Div();
    final Button liftBreaker = new Button("Lift the pause now");
    final Paragraph cookieState = new Paragraph();
    final Upload cookieUpload;
    final Button removeCookies = new Button("Remove the cookies");
    final Div machine = new Div();
    final Div advice = new Div();
    final Grid<ModelRegistry.ModelInfo> modelGrid = new Grid<>();
    final Div toolList = new Div();
    final Div chart = new Div();

    final LlmPanel llm;

    SystemView(MachineProbe machines, ResourceAdvisor advisor, ModelRegistry models, ToolVersions tools,
            BatchQueries batches, LlmProperties llmSettings, ObjectProvider<LanguageModel> languageModel,
            YouTubeGate youTube, CookieJar cookies, CurrentUser user) {
        this.machines = machines;
        this.advisor = advisor;
        this.models = models;
        this.tools = tools;
        this.batches = batches;
        this.youTube = youTube;
        this.cookies = cookies;
        cookieUpload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            UI ui = getUI().orElse(null); // the handler runs on the upload request; the view changes under the lock
            if (ui != null) {
                ui.access(() -> cookiesReceived(data));
            }
        }));
        cookieUpload.setMaxFiles(1);
        cookieUpload.setMaxFileSize(1 << 20);
        cookieUpload.setAcceptedFileTypes(".txt", "text/plain");
        cookieUpload.setUploadButton(new Button("Upload a cookies file (Netscape format)"));
        removeCookies.addClickListener(e -> {
            cookies.remove();
            refresh();
        });
        liftBreaker.addClickListener(e -> {
            youTube.lift(user.name());
            refresh();
        });
        modelGrid.addColumn(ModelRegistry.ModelInfo::name).setHeader("Model");
        modelGrid.addColumn(ModelRegistry.ModelInfo::source).setHeader("Source").setFlexGrow(3);
        modelGrid.addComponentColumn(SystemView::modelState).setHeader("State").setFlexGrow(2);
        modelGrid.addColumn(m -> megabytes(m.bytes())).setHeader("Weights");
        modelGrid.addColumn(m -> m.loadTime() == null ? "" : m.loadTime().toMillis() + " ms").setHeader("Load time");
        modelGrid.setAllRowsVisible(true);
        chart.addClassName("throughput-chart");
        llm = new LlmPanel(llmSettings, languageModel.getIfAvailable());
        add(new H3("System"), new H4("YouTube"), youTubeState, liftBreaker, cookieState, cookieUpload, removeCookies,
                new H4("Machine"), machine, new H4("Resource advisor"), advice, new H4("Models"), modelGrid,
                new H4("LLM for summaries"), llm, new H4("Tools"), toolList,
                new H4("Videos finished per 5 minutes, last 2 hours"), chart);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(REFRESH_MILLIS);
        event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    void refresh() {
        BreakerState breaker = youTube.breakerState();
        YouTubeGate.BudgetState budget = youTube.budgetState();
        youTubeState.removeAll();
        youTubeState.add(new Paragraph(breaker.open() ? breaker.notice(ZoneId.systemDefault())
                : "YouTube calls go on." + (breaker.trips() == 0 ? "" : " Last pause: " + breaker.reason() + ".")));
        youTubeState.add(new Paragraph(String.format(Locale.ROOT,
                "Budget: %.1f calls a minute, bursts of %d, %.1f available now · %d pauses, %d calls held back",
                budget.requestsPerMinute(), budget.burst(), budget.tokens(), breaker.trips(), breaker.heldCalls())));
        if (!youTube.proxyKeys().isEmpty()) {
            var resting = youTube.restingProxies();
            youTubeState.add(new Paragraph("Proxies: " + String.join(", ", youTube.proxyKeys().stream()
                    .map(key -> resting.contains(key) ? key + " (resting)" : key).toList())));
        }
        liftBreaker.setEnabled(breaker.open());
        CookieJar.Info jar = cookies.info();
        cookieState.setText(!jar.present() ? "No YouTube cookies: age-restricted and members-only videos fail."
                : "YouTube cookies: " + jar.cookies() + " cookies, "
                        + (jar.expires() == null ? "no expiry date" : "the first expires "
                                + DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.systemDefault()).format(jar.expires()))
                        + ". yt-dlp gets a copy of them on every call.");
        removeCookies.setEnabled(jar.present());
        Machine m = machines.snapshot();
        machine.removeAll();
        machine.add(new Paragraph(m.cores() + " cores" + (m.loadAverage() >= 0
                ? String.format(Locale.ROOT, ", load %.2f", m.loadAverage()) : "")
                + " · memory " + megabytes(m.availableMemory()) + " available of " + megabytes(m.totalMemory())));
        if (m.gpus().isEmpty()) {
            machine.add(new Paragraph("No GPU with a memory figure (nvidia-smi absent, failing, [N/A] or MIG)."));
        } else {
            for (Gpu gpu : m.gpus()) {
                machine.add(new Paragraph("GPU " + gpu.index() + ": " + gpu.usedMib() + " MiB used of "
                        + gpu.totalMib() + " MiB (" + gpu.freeMib() + " MiB free)"));
            }
        }
        machine.add(new Paragraph("ONNX Runtime: " + models.providers().describe()));
        ResourceAdvisor.Advice proposal = advisor.advise(m, models.loadedBytes());
        advice.removeAll();
        advice.add(new Paragraph(proposal.workers() + " workers · " + proposal.inferenceSlots()
                + " inference slots of " + proposal.threadsPerSlot() + " thread(s) · batches of about "
                + proposal.batchSize() + " videos"));
        UnorderedList reasons = new UnorderedList();
        proposal.reasons().forEach(reason -> reasons.add(new ListItem(reason)));
        advice.add(reasons);
        modelGrid.setItems(models.models());
        toolList.removeAll();
        for (ToolVersions.Tool tool : new ToolVersions.Tool[] {tools.ytDlp(), tools.ffmpeg()}) {
            Span state = new Span(tool.healthy() ? "OK" : "MISSING");
            state.getElement().getThemeList().add(tool.healthy() ? "badge success" : "badge error");
            toolList.add(new Div(state, new Span(" " + tool.name() + ": " + tool.version())));
        }
        tools.ytDlpAgeDays().ifPresent(days -> toolList.add(new Paragraph("yt-dlp was released " + days
                + " days ago.")));
        tools.ytDlpWarning().ifPresent(warning -> {
            Paragraph stale = new Paragraph(warning);
            stale.getElement().getThemeList().add("badge warning");
            toolList.add(stale);
        });
        chart.removeAll();
        chart.add(new Svg(barChart(batches.finishedPerInterval(BUCKET, BUCKETS))));
    }

    /** "loaded", "not loaded yet", or a red MISSING badge with the reason for a configured model that is absent. */
    static Span modelState(ModelRegistry.ModelInfo model) {
        String missing = model.missing();
        if (missing == null) {
            return new Span(model.loaded() ? "loaded" : "not loaded yet");
        }
        Span badge = new Span("MISSING");
        badge.getElement().getThemeList().add("badge error");
        return new Span(badge, new Span(" " + missing));
    }

    /** A cookies file arrived: stored, or refused with the line that is wrong (never its text). */
    void cookiesReceived(byte[] data) {
        try {
            cookies.store(new String(data, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            cookieState.setText("Cookies refused: " + e.getMessage());
            return;
        }
        refresh();
    }

    /** Bars for the counts, oldest left; numbers only, so nothing in the SVG comes from user input. */
    static String barChart(int[] counts) {
        int width = 480;
        int height = 120;
        int max = 1;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        double barWidth = (double) width / counts.length;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height + 20).append("\" width=\"").append(width).append("\" height=\"").append(height + 20)
                .append("\" role=\"img\" aria-label=\"videos finished per 5 minutes\">");
        for (int i = 0; i < counts.length; i++) {
            double h = (double) counts[i] / max * height;
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#1676f3\"><title>%d</title></rect>",
                    i * barWidth + 1, height - h, barWidth - 2, h, counts[i]));
        }
        svg.append("<line x1=\"0\" y1=\"").append(height).append("\" x2=\"").append(width).append("\" y2=\"")
                .append(height).append("\" stroke=\"#888\"/>");
        svg.append("<text x=\"0\" y=\"").append(height + 15).append("\" font-size=\"11\">-2 h</text>");
        svg.append("<text x=\"").append(width - 30).append("\" y=\"").append(height + 15)
                .append("\" font-size=\"11\">now</text>");
        svg.append("<text x=\"").append(width - 60).append("\" y=\"12\" font-size=\"11\">max ").append(max)
                .append("</text></svg>");
        return svg.toString();
    }

    private static String megabytes(long bytes) {
        return (bytes >> 20) + " MB";
    }
}
