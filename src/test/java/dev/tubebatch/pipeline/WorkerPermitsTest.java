package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A job handed out beyond the workers waits for one to come free instead of running beside them. */
class WorkerPermitsTest {

    @Test
    void a_job_beyond_the_worker_count_waits_until_a_running_job_ends() throws Exception {
        // No JobRunr server in this process: one worker.
        WorkerPermits permits = new WorkerPermits(new StaticListableBeanFactory().getBeanProvider(BackgroundJobServer.class),
                null);
        assertThat(permits.acquire()).isTrue();

        AtomicBoolean secondStarted = new AtomicBoolean();
        CountDownLatch secondDone = new CountDownLatch(1);
        Thread second = Thread.ofVirtual().start(() -> {
            if (permits.acquire()) {
                secondStarted.set(true);
                permits.release();
            }
            secondDone.countDown();
        });
        assertThat(secondDone.await(300, TimeUnit.MILLISECONDS)).as("the second job waits").isFalse();
        assertThat(secondStarted).isFalse();

        permits.release();
        assertThat(secondDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(secondStarted).isTrue();
        second.join();
    }

    @Test
    void a_job_interrupted_while_it_waits_does_not_start() throws Exception {
        WorkerPermits permits = new WorkerPermits(new StaticListableBeanFactory().getBeanProvider(BackgroundJobServer.class),
                null);
        assertThat(permits.acquire()).isTrue();
        AtomicBoolean started = new AtomicBoolean(true);
        Thread waiting = Thread.ofVirtual().start(() -> started.set(permits.acquire()));
        Thread.sleep(100);
        waiting.interrupt();
        waiting.join(10_000);
        assertThat(started).isFalse();
    }
}
