package dev.tubebatch.pipeline;

import dev.tubebatch.youtube.FakeYtDlp;
import java.nio.file.Path;

/** Counts the fake yt-dlp's calls of one kind. */
final class FakeCalls {

    private FakeCalls() {}

    /** Caption downloads of videos whose id starts with {@code prefix}. */
    static long captionDownloads(Path fake, String prefix) {
        return FakeYtDlp.argvs(fake).stream()
                .filter(argv -> argv.contains("--write-subs") || argv.contains("--write-auto-subs"))
                .filter(argv -> argv.getLast().contains("v=" + prefix) || argv.getLast().contains("/" + prefix))
                .count();
    }
}
