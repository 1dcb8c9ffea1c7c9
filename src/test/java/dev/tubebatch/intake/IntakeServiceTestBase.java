package dev.tubebatch.intake;

import dev.tubebatch.youtube.FakeYtDlp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The preview through the app: the fake yt-dlp as a separate process with flat-listing fixtures, the embedded
 * PostgreSQL for already-processed videos. No job workers run. Every class that extends this one has the same
 * configuration and so shares one cached Spring context: the database starts once. Such a class adds no
 * configuration of its own (no properties, no {@code @DynamicPropertySource}, no nested {@code @TestConfiguration}),
 * or it gets a context of its own.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/intake",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false",
        "tubebatch.ytdlp.metadata-timeout=PT20S"})
abstract class IntakeServiceTestBase {

    static final Path FAKE = IntakeFixtures.installFake("intake");
    static final String FILTERS = "https://www.youtube.com/playlist?list=PLintakeFilters";
    static final PreviewRequest.Filters NONE = new PreviewRequest.Filters(null, null, null, null, null, null, false,
            false, false);

    @DynamicPropertySource
    static void ytDlp(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", FAKE::toString);
    }

    @Autowired
    IntakeService intake;

    private int callsBefore;

    @BeforeEach
    void countCalls() {
        callsBefore = FakeYtDlp.argvs(FAKE).size();
    }

    /** The fake's invocations since this test began: the fake is shared by all tests of the context. */
    List<List<String>> newCalls() {
        List<List<String>> all = FakeYtDlp.argvs(FAKE);
        return all.subList(callsBefore, all.size());
    }

    PreviewResult preview(String text, PreviewRequest.Filters filters) {
        return intake.preview(new PreviewRequest(text, null, null, PreviewRequest.DEFAULT_RECENT, filters));
    }

    static List<String> ids(PreviewResult result) {
        return result.videos().stream().map(PreviewResult.PreviewVideo::videoId).toList();
    }

    static List<String> skipped(PreviewResult result) {
        return result.skipped().stream().map(Object::toString).toList();
    }

    /** A mutable builder so each test names only the filter it checks. */
    static final class F {
        Duration min;
        Duration max;
        LocalDate after;
        LocalDate before;
        String contains;
        String excludes;
        boolean shorts;
        boolean live;
        boolean processed;
    }

    static PreviewRequest.Filters filters(java.util.function.Consumer<F> setup) {
        F f = new F();
        setup.accept(f);
        return new PreviewRequest.Filters(f.min, f.max, f.after, f.before, f.contains, f.excludes, f.shorts, f.live,
                f.processed);
    }
}
