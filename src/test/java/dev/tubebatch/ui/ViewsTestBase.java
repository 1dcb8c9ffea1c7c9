package dev.tubebatch.ui;

import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.intake.IntakeFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The views in the test's JVM (karibu-testing), on the embedded PostgreSQL, with no job workers; yt-dlp is the fake
 * with intake's flat-listing fixtures. Every class that extends this one has the same configuration and so shares one
 * cached Spring context: the database starts once. Such a class adds no configuration of its own (no properties, no
 * {@code @DynamicPropertySource}, no nested {@code @TestConfiguration}), or it gets a context of its own.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/ui",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false"})
abstract class ViewsTestBase {

    static final Path FAKE = IntakeFixtures.installFake("ui");

    @DynamicPropertySource
    static void ytDlp(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", FAKE::toString);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
    }
}
