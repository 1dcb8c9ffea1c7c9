package dev.tubebatch.youtube;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The files yt-dlp leaves on disk for {@link YtDlpClient}: the work directory, the output templates that name them,
 * and finding and reading what was written. Names come from these templates and yt-dlp, never from a user; a file
 * yt-dlp reports is taken only when it is a WAV file that exists.
 */
final class YtDlpFiles {

    private static final List<String> CAPTION_EXTENSIONS = List.of("json3", "vtt", "srt");
    private static final String AUDIO_FILE = "audio.wav";
    private static final String EXTRACT_AUDIO_LINE = "[ExtractAudio] Destination: ";

    private YtDlpFiles() {}

    /** {@code workDir} as an absolute path, created if missing. */
    static Path directory(Path workDir) {
        try {
            return Files.createDirectories(workDir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + workDir, e);
        }
    }

    /** The output template of caption files: {@code <id>.<language>.<ext>} in {@code directory}. */
    static String captionTemplate(Path directory) {
        return template(directory, "%(id)s.%(ext)s");
    }

    /** The output template of the audio download: {@code audio.<ext>} in {@code directory}, then audio.wav. */
    static String audioTemplate(Path directory) {
        return template(directory, "audio.%(ext)s");
    }

    /** An output template inside {@code directory}; '%' in the directory's name must not read as a template field. */
    private static String template(Path directory, String name) {
        return directory.toAbsolutePath().toString().replace("%", "%%") + File.separator + name;
    }

    /**
     * Where the audio download ends, {@code audio.wav} in {@code directory}, after deleting what is there: the file
     * returned must be this call's, not one left by an earlier try.
     */
    static Path clearedAudioFile(Path directory) {
        Path expected = directory.resolve(AUDIO_FILE);
        try {
            Files.deleteIfExists(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }

    /**
     * The WAV file the audio download wrote: {@code expected}, else the file yt-dlp's output named when it is a WAV
     * file that exists.
     *
     * @param reported what {@link #extractedAudioPath} read, or null
     */
    static Path writtenAudio(Path directory, Path expected, @Nullable String reported) {
        if (Files.isRegularFile(expected)) {
            return expected;
        }
        if (reported != null && reported.toLowerCase(Locale.ROOT).endsWith(".wav")
                && Files.isRegularFile(Path.of(reported))) {
            return Path.of(reported);
        }
        throw new YtDlpException(YtDlpFailure.UNKNOWN, 0, "", "yt-dlp finished but wrote no WAV file into " + directory);
    }

    /** Reads yt-dlp's progress lines: the download's percent as it goes, and the file its ffmpeg step wrote. */
    static @Nullable String extractedAudioPath(InputStream stdout, DoubleConsumer progress) throws IOException {
        String destination = null;
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            DownloadProgress.fraction(line).ifPresent(progress);
            int at = line.lastIndexOf(EXTRACT_AUDIO_LINE);
            if (at >= 0) {
                destination = line.substring(at + EXTRACT_AUDIO_LINE.length()).strip();
            }
        }
        return destination;
    }

    /** yt-dlp writes {@code <id>.<language>.<ext>}; json3 is preferred when an earlier try left another format. */
    static Optional<Path> captionFile(Path directory, @Nullable String id, String language) {
        String suffix = "." + language + ".";
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return id != null ? name.startsWith(id + suffix) : name.contains(suffix);
                    })
                    .filter(file -> CAPTION_EXTENSIONS.contains(extension(file)))
                    .min(Comparator.comparingInt(file -> CAPTION_EXTENSIONS.indexOf(extension(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cues of a caption file: json3 by its own parser, vtt and srt by the VTT one. */
    static List<CaptionCue> parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return extension(file).equals("json3") ? CaptionParsers.parseJson3(text) : CaptionParsers.parseVtt(text);
        } catch (IllegalArgumentException e) {
            throw new YtDlpException(YtDlpFailure.UNKNOWN, 0, "", "Unreadable captions in " + file, e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
