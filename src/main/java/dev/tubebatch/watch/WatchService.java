package dev.tubebatch.watch;

import dev.tubebatch.intake.PreviewRequest;
import dev.tubebatch.intake.YouTubeRef;
import dev.tubebatch.intake.YouTubeUrls;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands on watches. Each watch is a JobRunr recurring job whose id is the watch's id, so the JobRunr dashboard
 * lists it; pausing deletes the recurring job (the watch and its history stay), resuming schedules it again.
 */
@Service
public class WatchService {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JobScheduler jobs;
    private final WatchQueries queries;
    private final Clock clock;

    WatchService(JdbcClient jdbc, JsonMapper json, JobScheduler jobs, WatchQueries queries, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.jobs = jobs;
        this.queries = queries;
        this.clock = clock;
    }

    /** What a new watch needs; checked here, naming the field. */
    public record NewWatch(String name, String sourceUrl, int recent, PreviewRequest.Filters filters,
            String schedule) {

        public NewWatch {
            name = name == null ? "" : name.strip();
            if (name.isEmpty() || name.length() > 200) {
                throw new IllegalArgumentException("name: 1 to 200 characters");
            }
            YouTubeRef ref = YouTubeUrls.parse(sourceUrl == null ? "" : sourceUrl).ref();
            if (!(ref instanceof YouTubeRef.Playlist) && !(ref instanceof YouTubeRef.Channel)) {
                throw new IllegalArgumentException("sourceUrl: a YouTube channel or playlist URL");
            }
            // Stored in its canonical form: what yt-dlp gets is never the text as typed.
            sourceUrl = ref.canonicalUrl();
            if (recent < 1 || recent > 5000) {
                throw new IllegalArgumentException("recent: between 1 and 5000");
            }
            filters = filters == null ? PreviewRequest.Filters.defaults() : filters;
        }
    }

    @Transactional
    public Watch create(NewWatch request, String createdBy) {
        String cron = WatchSchedule.cron(request.schedule());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into watch (id, name, source_url, recent, filters, schedule, cron, created_by, created_at)
                values (:id, :name, :url, :recent, cast(:filters as jsonb), :schedule, :cron, :by, :now)""")
                .param("id", id).param("name", request.name()).param("url", request.sourceUrl())
                .param("recent", request.recent()).param("filters", json.writeValueAsString(request.filters()))
                .param("schedule", request.schedule().strip()).param("cron", cron).param("by", createdBy)
                .param("now", Timestamp.from(clock.instant())).update();
        schedule(id, cron);
        return queries.find(id).orElseThrow();
    }

    /**
     * Replaces the watch's filters (checked by {@link PreviewRequest.Filters}); the next run applies them. Answers
     * false if the watch does not exist.
     */
    @Transactional
    public boolean updateFilters(UUID id, PreviewRequest.Filters filters) {
        return jdbc.sql("update watch set filters = cast(:filters as jsonb) where id = :id")
                .param("filters", json.writeValueAsString(filters)).param("id", id).update() > 0;
    }

    /** Stops the schedule; answers false if the watch does not exist or was paused already. */
    @Transactional
    public boolean pause(UUID id) {
        boolean changed = jdbc.sql("update watch set paused = true where id = :id and not paused").param("id", id)
                .update() > 0;
        if (changed) {
            jobs.deleteRecurringJob(id.toString());
        }
        return changed;
    }

    @Transactional
    public boolean resume(UUID id) {
        boolean changed = jdbc.sql("update watch set paused = false where id = :id and paused").param("id", id)
                .update() > 0;
        if (changed) {
            schedule(id, queries.find(id).orElseThrow().cron());
        }
        return changed;
    }

    /** Deletes the watch, its history and its recurring job; its batches stay. */
    @Transactional
    public boolean delete(UUID id) {
        boolean deleted = jdbc.sql("delete from watch where id = :id").param("id", id).update() > 0;
        if (deleted) {
            jobs.deleteRecurringJob(id.toString());
        }
        return deleted;
    }

    private void schedule(UUID id, String cron) {
        jobs.<WatchRunner>scheduleRecurrently(id.toString(), cron, runner -> runner.run(id));
    }
}
