package dev.tubebatch.cli;

import dev.tubebatch.batch.OnErrorPolicy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What {@code tubebatch batch}'s options set while picocli reads the line (see {@link CliSpec}), in the order given;
 * null means "not given". {@link CliArguments} checks the whole and turns it into {@link CliOptions}.
 */
final class ParsedArguments {
    final List<String> urls = new ArrayList<>();
    final List<Path> urlFiles = new ArrayList<>();
    final List<String> playlists = new ArrayList<>();
    final List<String> channels = new ArrayList<>();
    @Nullable Integer recent;
    @Nullable Integer minDuration;
    @Nullable Integer maxDuration;
    @Nullable LocalDate after;
    @Nullable LocalDate before;
    @Nullable String title;
    @Nullable String excludeTitle;
    boolean noShorts;
    boolean noLive;
    @Nullable Integer maxWorkers;
    @Nullable Integer retryLimit;
    @Nullable OnErrorPolicy onError;
    @Nullable String batchName;
    boolean manifest;
    boolean summaries = true;
    @Nullable Integer summarySentences;
    @Nullable String summaryMethod;
    @Nullable String summaryPreset;
    @Nullable String summaryInstruction;
    @Nullable Integer maxVideoMinutes;
    List<String> captionLanguages = List.of();
    boolean translatedCaptions;
    @Nullable Path output;
    @Nullable String resume;
    @Nullable UUID batchId;
    CliOptions.Mode mode = CliOptions.Mode.RUN;
    /** The mode option already on the line, if any: a second one is a usage error. */
    @Nullable String modeFlag;
}
