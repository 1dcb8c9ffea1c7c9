package dev.tubebatch.export;

import dev.tubebatch.export.render.PdfText;
import dev.tubebatch.export.render.Snapshots;
import dev.tubebatch.export.render.BatchSnapshot;
import dev.tubebatch.export.render.CombinedPdf;
import dev.tubebatch.batch.Batch;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Not a test: builds the folder, the combined PDF and the ZIP of a 500-video batch and prints the seconds each
 * takes (goal: ZIP + PDF within 10 s). Surefire's default includes skip it (the name does not end in Test); run
 * it with {@code ./mvnw -o test -Dtest=ExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, or as a main class.
 * Each video has 150 segments (about 11 minutes of speech, 3,000 words) and a summary.
 */
class ExportBenchmark {

    static final int VIDEOS = Integer.getInteger("benchmark.videos", 500);
    static final int SEGMENTS = Integer.getInteger("benchmark.segments", 150);

    @Test
    void zip_and_combined_pdf_of_a_500_video_batch() throws IOException {
        main(new String[0]);
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of("target", "benchmark-export");
        deleteTree(root);
        OutputLayout layout = new OutputLayout(new OutputProperties(root));
        VideoExporter videos = new VideoExporter(layout, new AtomicFiles(FakeWriterNodes.alone()));
        Batch batch = Snapshots.batch("Benchmark 500", VIDEOS);
        List<BatchSnapshot.Video> list = new ArrayList<>(VIDEOS);
        for (int i = 1; i <= VIDEOS; i++) {
            list.add(i % 25 == 0 ? Snapshots.failed(batch, i, String.format(Locale.ROOT, "prv%08d", i))
                    : Snapshots.completed(batch, i, String.format(Locale.ROOT, "cap%08d", i),
                            "Benchmark video " + i + " — Видео " + i, SEGMENTS,
                            "Summary of video " + i + ": it explains the topic in three sentences. " .repeat(3)));
        }
        BatchSnapshot snapshot = new BatchSnapshot(batch, list, Snapshots.START.plusSeconds(3600));

        // One warm-up round (JIT, font loading), then the measured round.
        for (int round = 0; round < 2; round++) {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Path folder = ExportService.write(layout, videos, snapshot, TextLoader.of(snapshot));
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            Path pdf = folder.resolve("combined-only.pdf");
            videos.files().write(pdf, out -> CombinedPdf.write(snapshot, out));
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            Path zip = root.resolve("batch.zip");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16)) {
                BatchZip.write(folder.getFileName().toString(),
                        ExportService.zipEntries(layout, batch, list.stream().map(BatchSnapshot.Video::item).toList(),
                                Set.of()), out);
            }
            long t3 = System.nanoTime();
            long c3 = threads.getCurrentThreadCpuTime();
            if (round == 1) {
                System.out.printf(Locale.ROOT, "%nexport benchmark: %d videos x %d segments, %d cores, java %s%n",
                        VIDEOS, SEGMENTS, Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"));
                System.out.printf(Locale.ROOT, "  (wall seconds; CPU seconds of the thread in brackets: they hold"
                        + " when the machine is shared, load average %.1f)%n",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                System.out.printf(Locale.ROOT, "  whole folder (7 files per video, reports, PDF): %.2f s [%.2f]%n",
                        (t1 - t0) / 1e9, (c1 - c0) / 1e9);
                System.out.printf(Locale.ROOT, "  combined PDF alone: %.2f s [%.2f], %d pages, %.1f MB%n",
                        (t2 - t1) / 1e9, (c2 - c1) / 1e9, PdfText.pages(pdf), Files.size(pdf) / 1e6);
                System.out.printf(Locale.ROOT, "  ZIP of the whole folder: %.2f s [%.2f], %.1f MB%n", (t3 - t2) / 1e9,
                        (c3 - c2) / 1e9, Files.size(zip) / 1e6);
                System.out.printf(Locale.ROOT, "  ZIP + PDF: %.2f s [%.2f] (goal <= 10 s)%n", (t3 - t1) / 1e9,
                        (c3 - c1) / 1e9);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
