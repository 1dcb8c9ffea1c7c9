package dev.tubebatch.intake;

import dev.tubebatch.youtube.PlaylistEntry;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpProperties;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figures for expanding big playlists through the fake yt-dlp: wall time, and heap retained by the result after a
 * full GC, for the streaming path intake uses and for collecting the whole listing from
 * {@link YtDlpClient#fetchPlaylist} first and converting it after (which holds the listing and the result at once).
 * Not a test: run it by hand, e.g.
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.tubebatch.intake.ExpansionBenchmark
 * </pre>
 */
public final class ExpansionBenchmark {

    private ExpansionBenchmark() {}

    public static void main(String[] args) {
        Path fake = IntakeFixtures.installFake("benchmark");
        YtDlpClient client = new YtDlpClient(new YtDlpProperties(fake.toString(), Duration.ofMinutes(5),
                Duration.ofMinutes(1), null));
        IntakeService intake = new IntakeService(new IntakeLimits(null, null, 100_000, null, null, null), client, null);
        PreviewRequest.Filters none = new PreviewRequest.Filters(null, null, null, null, null, null, false, false,
                false);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int size : List.of(5_000, 20_000)) {
            String url = "https://www.youtube.com/playlist?list=PLfake" + size;
            for (int round = 0; round < 3; round++) { // the first round warms up the JIT; the last one counts
                long before = used(memory);
                long start = System.nanoTime();
                PreviewResult result = intake.preview(new PreviewRequest(url, null, null, 10, none));
                long millis = (System.nanoTime() - start) / 1_000_000;
                long retained = used(memory) - before;
                long listBefore = used(memory);
                List<PlaylistEntry> listing = new ArrayList<>();
                client.fetchPlaylist(url, 0, listing::add);
                List<PreviewResult.PreviewVideo> copy = listing.stream()
                        .map(e -> new PreviewResult.PreviewVideo(e.id(), e.url(), e.title(), e.durationSeconds(),
                                e.uploadDate(), null)).toList();
                long bothHeld = used(memory) - listBefore;
                if (round == 2) {
                    System.out.printf(Locale.ROOT, "%,d entries: %,d videos kept, %,d skipped, preview %d ms; "
                                    + "retained by the preview result %.1f MB (%d bytes/video); list-then-convert "
                                    + "holds %.1f MB at once (%d bytes/video)%n",
                            size, result.count(), result.skipped().size(), millis, retained / 1e6,
                            retained / Math.max(1, size), bothHeld / 1e6, bothHeld / Math.max(1, size));
                }
                if (copy.size() + listing.size() + result.count() < 0) {
                    System.out.println("unreachable: keeps both alive until measured");
                }
            }
        }
    }

    private static long used(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
