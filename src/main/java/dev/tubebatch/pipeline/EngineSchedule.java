package dev.tubebatch.pipeline;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The engine's periodic work, timed by {@link EngineProperties} (not by {@code @Scheduled} placeholders, which
 * would write each default a second time): the dispatcher's sweep and the job server watchdog, each first run
 * one interval after start.
 */
@Configuration(proxyBeanMethods = false)
class EngineSchedule implements SchedulingConfigurer {

    private final Dispatcher dispatcher;
    private final JobServerWatchdog watchdog;
    private final EngineProperties engine;

    EngineSchedule(Dispatcher dispatcher, JobServerWatchdog watchdog, EngineProperties engine) {
        this.dispatcher = dispatcher;
        this.watchdog = watchdog;
        this.engine = engine;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(dispatcher::sweep, engine.sweepInterval(),
                engine.sweepInterval()));
        registrar.addFixedDelayTask(new FixedDelayTask(watchdog::check, engine.watchdogInterval(),
                engine.watchdogInterval()));
    }
}
