package dev.tubebatch.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The REST API over real HTTP on a random port, on the embedded PostgreSQL, with no jobs running (the job server is
 * off). Every class with this annotation has the same configuration and so shares one cached Spring context: the
 * database and the server start once. Such a class adds no configuration of its own, or it gets a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/api",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false",
        "tubebatch.output.root=target/test-output/api",
        // Wrong passwords on every endpoint are part of the contract here; the guessing limits have their own tests.
        "tubebatch.security.logins.user-failures=1000",
        "tubebatch.security.logins.address-failures=1000"})
@interface ApiTest {}
