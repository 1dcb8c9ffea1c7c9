package dev.tubebatch.watch;

import java.util.Locale;
import org.jobrunr.scheduling.cron.CronExpression;

/** {@code hourly}, {@code daily} or a cron expression (5 or 6 fields), as JobRunr reads it. */
public final class WatchSchedule {

    private WatchSchedule() {}

    /** The cron expression of a schedule. @throws IllegalArgumentException naming the field */
    public static String cron(String schedule) {
        String s = schedule == null ? "" : schedule.strip();
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "hourly" -> "0 * * * *";
            case "daily" -> "0 3 * * *";
            default -> {
                if (s.isEmpty() || s.length() > 100 || !s.matches("[0-9*/,\\-A-Za-z? ]+")) {
                    throw new IllegalArgumentException("schedule: hourly, daily or a cron expression");
                }
                try {
                    new CronExpression(s);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("schedule: not a cron expression: " + e.getMessage(), e);
                }
                yield s;
            }
        };
    }
}
