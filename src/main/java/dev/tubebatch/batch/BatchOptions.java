package dev.tubebatch.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A batch's own options, over the node's configuration ({@code tubebatch.inference.summary.*},
 * {@code tubebatch.pipeline.max-video-duration}, {@code tubebatch.ytdlp.caption-languages}).
 *
 * @param summaries false: no summaries for this batch (the SUMMARIZE step is skipped and says why)
 * @param summarySentences the summary's length in sentences (extractive summaries); null for the configured length
 * @param summaryPreset an LLM summary's style, one of {@link #PRESETS}; null for the plain summary
 * @param summaryInstruction the user's own instruction to the LLM; null for none
 * @param maxVideoMinutes the longest video this batch processes, in minutes; null for the node's limit. A batch can
 *     lower the node's limit, not raise it.
 * @param captionLanguages caption languages in order of preference ({@code de}, {@code pt-BR}, or {@link #ORIGINAL}
 *     for the language yt-dlp reports for the video); empty for the node's {@code tubebatch.ytdlp.caption-languages}
 * @param translatedCaptions whether YouTube's machine translations of automatic captions may be taken, after no
 *     uploader's or automatic track in any wanted language exists
 */
public record BatchOptions(boolean summaries, @Nullable Integer summarySentences, @Nullable String summaryPreset,
        @Nullable String summaryInstruction, @Nullable Integer maxVideoMinutes, List<String> captionLanguages,
        boolean translatedCaptions) {

    public static final int MAX_SUMMARY_SENTENCES = 20;
    public static final int MAX_INSTRUCTION_CHARS = 2000;
    /** The LLM summary styles (the same names as the summarizers' presets). */
    public static final List<String> PRESETS = List.of("brief", "detailed", "study-notes", "action-items");
    /** The longest limit a batch may name: 100 hours. */
    public static final int MAX_VIDEO_MINUTES = 6_000;
    /** The caption-language entry that stands for the video's original (spoken) language, as yt-dlp reports it. */
    public static final String ORIGINAL = "orig";
    public static final int MAX_CAPTION_LANGUAGES = 10;
    /**
     * A language code as YouTube lists caption tracks: a 2-3 letter language with up to two subtags ({@code en},
     * {@code pt-BR}, {@code zh-Hans}). Never starts with '-' and holds no regex characters, since yt-dlp reads
     * {@code --sub-langs} values as regexes and a leading '-' as "exclude".
     */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,2}");
    public static final BatchOptions DEFAULTS = new BatchOptions(true, null, null, null, null, List.of(), false);

    public BatchOptions {
        if (summarySentences != null && (summarySentences < 1 || summarySentences > MAX_SUMMARY_SENTENCES)) {
            throw new IllegalArgumentException("summarySentences: must be between 1 and " + MAX_SUMMARY_SENTENCES);
        }
        summaryPreset = summaryPreset == null || summaryPreset.isBlank() ? null
                : summaryPreset.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '-').replace('_', '-');
        if (summaryPreset != null && !PRESETS.contains(summaryPreset)) {
            throw new IllegalArgumentException("summaryPreset: expected one of " + String.join(", ", PRESETS)
                    + ", got '" + summaryPreset + "'");
        }
        summaryInstruction = summaryInstruction == null || summaryInstruction.isBlank() ? null
                : summaryInstruction.strip();
        if (summaryInstruction != null && summaryInstruction.length() > MAX_INSTRUCTION_CHARS) {
            throw new IllegalArgumentException("summaryInstruction: at most " + MAX_INSTRUCTION_CHARS
                    + " characters, got " + summaryInstruction.length());
        }
        if (maxVideoMinutes != null && (maxVideoMinutes < 1 || maxVideoMinutes > MAX_VIDEO_MINUTES)) {
            throw new IllegalArgumentException("maxVideoMinutes: must be between 1 and " + MAX_VIDEO_MINUTES);
        }
        captionLanguages = checkedLanguages(captionLanguages);
    }

    /** Summary options and a length limit; the node's caption languages. */
    public BatchOptions(boolean summaries, @Nullable Integer summarySentences, @Nullable String summaryPreset,
            @Nullable String summaryInstruction, @Nullable Integer maxVideoMinutes) {
        this(summaries, summarySentences, summaryPreset, summaryInstruction, maxVideoMinutes, List.of(), false);
    }

    /** Summary options only; the node's video length limit. */
    public BatchOptions(boolean summaries, @Nullable Integer summarySentences) {
        this(summaries, summarySentences, null, null, null);
    }

    /** These options with other caption languages. */
    public BatchOptions withCaptions(List<String> languages, boolean translated) {
        return new BatchOptions(summaries, summarySentences, summaryPreset, summaryInstruction, maxVideoMinutes,
                languages, translated);
    }

    /**
     * Caption languages as a person types them: {@code "de, en"} or {@code "orig en"} (commas and/or spaces). Blank
     * gives an empty list (the node's languages); each entry is checked as {@link #captionLanguages} are.
     *
     * @throws IllegalArgumentException "captionLanguages: ..." naming the entry at fault
     */
    public static List<String> parseLanguages(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String entry : text.strip().split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return checkedLanguages(entries);
    }

    private static List<String> checkedLanguages(@Nullable List<? extends @Nullable String> languages) {
        if (languages == null || languages.isEmpty()) {
            return List.of();
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < languages.size(); i++) {
            String raw = languages.get(i);
            String entry = raw == null ? "" : raw.strip();
            if (entry.equalsIgnoreCase(ORIGINAL)) {
                entry = ORIGINAL;
            } else if (!LANGUAGE.matcher(entry).matches()) {
                throw new IllegalArgumentException("captionLanguages: '" + printable(entry) + "' (entry " + (i + 1)
                        + ") is not a language code such as en, de or pt-BR, nor " + ORIGINAL
                        + " (the video's original language)");
            }
            String candidate = entry;
            if (checked.stream().noneMatch(c -> c.equalsIgnoreCase(candidate))) {
                checked.add(entry);
            }
        }
        if (checked.size() > MAX_CAPTION_LANGUAGES) {
            throw new IllegalArgumentException("captionLanguages: at most " + MAX_CAPTION_LANGUAGES
                    + " languages, got " + checked.size());
        }
        return List.copyOf(checked);
    }

    /** An entry as an error message may repeat it: short, without control characters. */
    private static String printable(String entry) {
        String shown = entry.codePoints().filter(c -> !Character.isISOControl(c)).limit(24)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return shown.length() < entry.length() ? shown + "…" : shown;
    }
}
