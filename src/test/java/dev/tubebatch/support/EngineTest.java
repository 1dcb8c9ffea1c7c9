package dev.tubebatch.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The engine for real: JobRunr with 4 workers on the embedded PostgreSQL, the fake yt-dlp as a separate process
 * ({@link EngineHarness#FAKE}), short retry and sweep times. Every class with this annotation has the same
 * configuration and so shares one cached Spring context: the database and JobRunr start once. Such a class adds
 * no configuration of its own (no nested {@code @TestConfiguration}, no {@code @DynamicPropertySource}), or it gets
 * a context of its own; it injects {@link EngineHarness} for batches and waits.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/pipeline",
        "jobrunr.dashboard.enabled=false",
        "jobrunr.background-job-server.worker-count=4",
        "tubebatch.engine.retry-base=PT0.2S",
        "tubebatch.engine.retry-cap=PT1S",
        "tubebatch.engine.sweep-interval=PT2S",
        "tubebatch.engine.job-grace=PT10S",
        "tubebatch.engine.retry-round-delay=PT1S",
        "tubebatch.output.root=target/test-output/pipeline",
        "tubebatch.pipeline.work-directory=target/test-work/pipeline",
        "tubebatch.ytdlp.metadata-timeout=PT8S",
        // Email on (a @Conditional reads the host, too early for the harness's dynamic properties): the fake SMTP
        // server's port, user name and password come from EngineHarness (the server requires SMTP AUTH).
        "spring.mail.host=127.0.0.1",
        // The engine's own behaviour is tested here, without models; the real models run in dev.tubebatch.inference
        // and in InferencePipelineTest.
        "tubebatch.inference.speech.engine=none",
        "tubebatch.inference.summary.method=none"})
@Import(EngineHarness.Beans.class)
public @interface EngineTest {}
