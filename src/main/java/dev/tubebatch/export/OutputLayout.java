package dev.tubebatch.export;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.VideoItem;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where a batch's files go: {@code <root>/<batch-name-slug>-<yyyyMMdd-HHmmss>-<id8>/videos/<NNN>-<videoId>-<title-slug>/}.
 * Names are derived from stored data only (name, creation time, batch id, position, video id, title), so every node
 * finds the same folder. The batch id's first 8 hex digits keep two batches of the same name created in the same
 * second (two API calls at once, two nodes) apart; a batch stored before that ({@link Batch#legacyFolderName()})
 * keeps the folder it was written to.
 */
@Component
public class OutputLayout {

    /** The files of a batch folder, besides {@code videos/}. */
    public static final String STATE_FILE = "batch.json";
    public static final String MANIFEST = "manifest.json";
    public static final String STATS = "stats.json";
    public static final String ERRORS_JSON = "errors.json";
    public static final String ERRORS_MD = "errors.md";
    public static final String FAILED_URLS = "failed-urls.txt";
    public static final String COMBINED_PDF = "combined.pdf";
    /** The LLM's digest of a finished batch; written only when one was made. */
    public static final String DIGEST = "digest.md";
    public static final List<String> BATCH_FILES = List.of(STATE_FILE, MANIFEST, STATS, ERRORS_JSON, ERRORS_MD,
            FAILED_URLS, COMBINED_PDF);

    /** The files of a video folder. */
    public static final List<String> VIDEO_FILES = List.of("transcript.md", "transcript.txt", "transcript.srt",
            "transcript.vtt", "transcript.json", "summary.md", "metadata.json");

    static final String VIDEOS = "videos";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path root;

    OutputLayout(OutputProperties properties) {
        this.root = properties.root().toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path batchFolder(Batch batch) {
        return inside(root, batchFolderName(batch));
    }

    public Path videoFolder(Batch batch, VideoItem item) {
        return inside(batchFolder(batch).resolve(VIDEOS), videoFolderName(item));
    }

    /** {@code <batch-name-slug>-<yyyyMMdd-HHmmss>-<id8>}: also the root folder of the batch's ZIP. */
    public static String batchFolderName(Batch batch) {
        String named = SafeNames.slug(batch.name(), 60, "batch") + "-" + STAMP.format(batch.createdAt());
        return batch.legacyFolderName() ? named : named + "-" + batch.id().toString().substring(0, 8);
    }

    /** {@code <NNN>-<videoId>-<title-slug>}. */
    public static String videoFolderName(VideoItem item) {
        return String.format("%03d-%s-%s", item.position(), item.videoId(), SafeNames.slug(item.title(), 60, "video"));
    }

    /** A file of a video, relative to the batch folder, with {@code /} separators (as in the state file). */
    public static String videoFile(VideoItem item, String file) {
        return VIDEOS + "/" + videoFolderName(item) + "/" + file;
    }

    /** Resolves a generated name and checks it stayed inside its parent: a last guard against traversal. */
    private static Path inside(Path parent, String name) {
        Path path = parent.resolve(name).normalize();
        if (!SafeNames.isSafePart(name) || !parent.normalize().equals(path.getParent())) {
            throw new IllegalStateException("Refusing a file name outside " + parent + ": " + name);
        }
        return path;
    }
}
