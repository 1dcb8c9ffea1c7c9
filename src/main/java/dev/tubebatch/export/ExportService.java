package dev.tubebatch.export;

import dev.tubebatch.export.render.BatchSnapshot;
import dev.tubebatch.export.render.CombinedPdf;
import dev.tubebatch.export.render.BatchReports;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.VideoItem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Writes a batch's folder from the database, and serves it: the whole folder, the state file alone, a ZIP of all or
 * some videos, the combined PDF. A deleted or outdated folder is written again on demand; an up-to-date one (same
 * data, every file present) is left alone. One node at a time writes a batch's folder, whichever node asks.
 */
@Service
public class ExportService {

    /** In the batch folder: a fingerprint of the data the files were written from. Not part of a ZIP. */
    static final String STAMP = ".export-stamp";

    private final BatchSnapshots snapshots;
    private final BatchQueries batches;
    private final OutputLayout layout;
    private final VideoExporter videos;
    private final FolderWriteLock lock;

    ExportService(BatchSnapshots snapshots, BatchQueries batches, OutputLayout layout, VideoExporter videos,
            FolderWriteLock lock) {
        this.snapshots = snapshots;
        this.batches = batches;
        this.layout = layout;
        this.videos = videos;
        this.lock = lock;
    }

    /** The batch's folder (which may not exist yet). */
    public Path folder(UUID batchId) {
        return layout.batchFolder(batches.get(batchId));
    }

    /** Writes every file of the batch from the database, whatever is on disk; returns the batch folder. */
    public Path export(UUID batchId) {
        return locked(batchId, () -> write(snapshots.load(batchId)));
    }

    /** Writes the batch's files unless the folder already holds every file, made from the same data. */
    public Path ensureExported(UUID batchId) {
        return locked(batchId, () -> {
            BatchSnapshot snapshot = snapshots.load(batchId);
            Path folder = layout.batchFolder(snapshot.batch());
            String fingerprint = fingerprint(snapshot);
            if (complete(folder, snapshot) && fingerprint.equals(readStamp(folder))) {
                return folder;
            }
            return write(snapshot);
        });
    }

    /** Rewrites {@code batch.json} alone (cheap: no transcripts are read). */
    public Path writeState(UUID batchId) {
        BatchSnapshot snapshot = snapshots.loadLight(batchId);
        Path file = layout.batchFolder(snapshot.batch()).resolve(OutputLayout.STATE_FILE);
        // Not under the folder's lock: the follower rewrites it often and must not wait for a whole folder; the file
        // is replaced in one step, and rewritten on the batch's next change.
        videos.files().write(file, BatchReports.state(snapshot));
        return file;
    }

    /** The combined PDF, written first if needed. */
    public Path combinedPdf(UUID batchId) {
        return ensureExported(batchId).resolve(OutputLayout.COMBINED_PDF);
    }

    /** The name a download of the batch's ZIP gets. */
    public String zipFileName(UUID batchId) {
        return OutputLayout.batchFolderName(batches.get(batchId)) + ".zip";
    }

    /**
     * Streams the batch as a ZIP whose root folder is the batch folder's name: the batch files and the folders of
     * the chosen videos.
     *
     * @param videoIds the videos to include, by YouTube id; null or empty for all
     * @throws IllegalArgumentException if a chosen video is not in the batch
     */
    public void writeZip(UUID batchId, Collection<String> videoIds, OutputStream out) throws IOException {
        ensureExported(batchId);
        Batch batch = batches.get(batchId);
        List<VideoItem> items = batches.items(batchId);
        Set<String> chosen = checkSelection(items, videoIds);
        BatchZip.write(OutputLayout.batchFolderName(batch), zipEntries(layout, batch, items, chosen), out);
    }

    /** The files of a ZIP: the batch files, then each chosen video's files (all videos if none is chosen). */
    static List<BatchZip.Entry> zipEntries(OutputLayout layout, Batch batch, List<VideoItem> items,
            Set<String> chosen) {
        Path folder = layout.batchFolder(batch);
        List<BatchZip.Entry> entries = new ArrayList<>();
        for (String file : OutputLayout.BATCH_FILES) {
            entries.add(new BatchZip.Entry(file, folder.resolve(file)));
        }
        for (VideoItem item : items) {
            if (!chosen.isEmpty() && !chosen.contains(item.videoId())) {
                continue;
            }
            Path videoFolder = layout.videoFolder(batch, item);
            if (Files.isDirectory(videoFolder)) {
                for (String file : OutputLayout.VIDEO_FILES) {
                    if (Files.isRegularFile(videoFolder.resolve(file))) {
                        entries.add(new BatchZip.Entry(OutputLayout.videoFile(item, file), videoFolder.resolve(file)));
                    }
                }
            }
        }
        return entries;
    }

    /**
     * Checks that every chosen video is in the batch.
     *
     * @throws IllegalArgumentException naming the first that is not
     */
    public void checkSelection(UUID batchId, Collection<String> videoIds) {
        checkSelection(batches.items(batchId), videoIds);
    }

    private static Set<String> checkSelection(List<VideoItem> items, Collection<String> videoIds) {
        Set<String> chosen = videoIds == null ? Set.of() : Set.copyOf(videoIds);
        Set<String> known = new java.util.HashSet<>();
        items.forEach(i -> known.add(i.videoId()));
        for (String id : chosen) {
            if (!known.contains(id)) {
                String shown = id.length() > 20 ? id.substring(0, 20) + "…" : id;
                throw new IllegalArgumentException("videos: " + shown.replaceAll("\\p{Cntrl}", "?")
                        + " is not a video of this batch");
            }
        }
        return chosen;
    }

    private Path write(BatchSnapshot snapshot) {
        return write(layout, videos, snapshot, snapshots);
    }

    /**
     * Writes every file of the batch folder: the videos' files and the PDF's chapters a page of videos at a time
     * (texts from {@code texts}), then the reports; the state file and the stamp come last.
     */
    static Path write(OutputLayout layout, VideoExporter videos, BatchSnapshot snapshot, TextLoader texts) {
        Batch batch = snapshot.batch();
        Path folder = layout.batchFolder(batch);
        AtomicFiles files = videos.files();
        files.removeLeftovers(folder);
        files.write(folder.resolve(OutputLayout.COMBINED_PDF), out -> {
            CombinedPdf pdf = CombinedPdf.open(snapshot, out);
            List<BatchSnapshot.Video> all = snapshot.videos();
            for (int from = 0; from < all.size(); from += TextLoader.PAGE) {
                List<BatchSnapshot.Video> page = all.subList(from, Math.min(all.size(), from + TextLoader.PAGE));
                List<UUID> ids = page.stream().map(v -> v.item().id()).toList();
                var transcripts = texts.transcripts(ids);
                var summaries = texts.summaries(ids);
                for (BatchSnapshot.Video light : page) {
                    BatchSnapshot.Video video = light.withTexts(transcripts.get(light.item().id()),
                            summaries.get(light.item().id()));
                    if (video.transcript() != null) {
                        var summarize = video.steps().get(Step.SUMMARIZE);
                        videos.export(batch, video.item(), video.transcript(), video.summary(),
                                summarize == null ? null : summarize.note());
                    }
                    pdf.add(video);
                }
            }
            pdf.finish();
        });
        files.write(folder.resolve(OutputLayout.MANIFEST), BatchReports.manifest(snapshot));
        files.write(folder.resolve(OutputLayout.STATS), BatchReports.stats(snapshot));
        files.write(folder.resolve(OutputLayout.ERRORS_JSON), BatchReports.errorsJson(snapshot));
        files.write(folder.resolve(OutputLayout.ERRORS_MD), BatchReports.errorsMarkdown(snapshot));
        files.write(folder.resolve(OutputLayout.FAILED_URLS), BatchReports.failedUrls(snapshot));
        if (snapshot.digest() != null) {
            files.write(folder.resolve(OutputLayout.DIGEST), BatchReports.digestMarkdown(snapshot.batch(),
                    snapshot.digest()));
        }
        files.write(folder.resolve(OutputLayout.STATE_FILE), BatchReports.state(snapshot));
        files.write(folder.resolve(STAMP), fingerprint(snapshot));
        return folder;
    }

    private static boolean complete(Path folder, BatchSnapshot snapshot) {
        for (String file : OutputLayout.BATCH_FILES) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                return false;
            }
        }
        for (BatchSnapshot.Video video : snapshot.videos()) {
            if (video.hasFiles()) {
                for (String file : OutputLayout.VIDEO_FILES) {
                    if (!Files.isRegularFile(folder.resolve(OutputLayout.videoFile(video.item(), file)))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static @Nullable String readStamp(Path folder) {
        try {
            return Files.readString(folder.resolve(STAMP), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A digest of everything the files are made from (not of when they were made). Texts count by their stored
     * time and size: saving a transcript or summary again changes the digest.
     */
    static String fingerprint(BatchSnapshot snapshot) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(snapshot.batch().toString().getBytes(StandardCharsets.UTF_8));
            digest.update(String.valueOf(snapshot.digest()).getBytes(StandardCharsets.UTF_8));
            for (BatchSnapshot.Video video : snapshot.videos()) {
                StringBuilder text = new StringBuilder().append(video.item());
                for (Step step : Step.values()) {
                    text.append(video.steps().get(step));
                }
                text.append(video.attempts()).append(video.texts());
                digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} as the only writer of the batch's folder, on any node (see {@link FolderWriteLock}). */
    private Path locked(UUID batchId, java.util.function.Supplier<Path> work) {
        return lock.holding(OutputLayout.batchFolderName(batches.get(batchId)), work);
    }
}
