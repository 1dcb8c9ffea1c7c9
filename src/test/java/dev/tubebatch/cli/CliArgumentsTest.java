package dev.tubebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.batch.OnErrorPolicy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {

    @Test
    void the_seeds_flags_and_every_input_form_are_read() {
        CliOptions o = CliArguments.parse("--max-workers", "4", "--retry-limit=2", "--batch-name", "Weekly talks",
                "--output-manifest", "--on-error", "retry", "--urls-file", "a.txt", "--urls-file=b.csv",
                "--playlist", "https://www.youtube.com/playlist?list=PL123", "--channel", "https://www.youtube.com/@x",
                "--recent", "5", "--min-duration", "1:30", "--max-duration", "1h", "--after", "2024-01-01",
                "--before", "20241231", "--title", "keynote", "--exclude-title", "trailer", "--no-shorts",
                "--no-live", "--output", "out", "dQw4w9WgXcQ", "--", "-notAnOption");
        assertThat(o.mode()).isEqualTo(CliOptions.Mode.RUN);
        assertThat(o.maxWorkers()).isEqualTo(4);
        assertThat(o.retryLimit()).isEqualTo(2);
        assertThat(o.batchName()).isEqualTo("Weekly talks");
        assertThat(o.outputManifest()).isTrue();
        assertThat(o.onError()).isEqualTo(OnErrorPolicy.RETRY);
        assertThat(o.urlFiles()).containsExactly(Path.of("a.txt"), Path.of("b.csv"));
        assertThat(o.playlists()).containsExactly("https://www.youtube.com/playlist?list=PL123");
        assertThat(o.channels()).containsExactly("https://www.youtube.com/@x");
        assertThat(o.recent()).isEqualTo(5);
        assertThat(o.filters()).isEqualTo(new CliOptions.Filters(90, 3600, LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), "keynote", "trailer", true, true));
        assertThat(o.output()).isEqualTo(Path.of("out"));
        assertThat(o.urls()).containsExactly("dQw4w9WgXcQ", "-notAnOption");
        assertThat(CliArguments.parse("--summary-sentences", "3", "x").summarySentences()).isEqualTo(3);
        assertThat(CliArguments.parse("--no-summary", "x").summaries()).isFalse();
        CliOptions llm = CliArguments.parse("--summary", "LLM", "--summary-preset", "action-items",
                "--summary-instruction", " Name every tool. ", "x");
        assertThat(llm.summaryMethod()).isEqualTo("llm");
        assertThat(llm.summaryPreset()).isEqualTo("action-items");
        assertThat(llm.summaryInstruction()).isEqualTo("Name every tool.");
        assertThat(Cli.springProperties(llm)).containsEntry("tubebatch.inference.summary.method", "llm");
        assertThat(Cli.springProperties(CliArguments.parse("x"))).doesNotContainKey(
                "tubebatch.inference.summary.method");
    }

    @Test
    void langs_gives_the_batch_its_caption_languages_in_order_and_orig_is_the_video_s_own() {
        CliOptions o = CliArguments.parse("--langs", "de, EN,orig", "--translated-captions", "x");

        assertThat(o.captionLanguages()).containsExactly("de", "EN", "orig");
        assertThat(o.translatedCaptions()).isTrue();
        CliOptions none = CliArguments.parse("x");
        assertThat(none.captionLanguages()).isEmpty();
        assertThat(none.translatedCaptions()).isFalse();
    }

    @Test
    void defaults_follow_the_seed() {
        CliOptions o = CliArguments.parse("dQw4w9WgXcQ");
        assertThat(o.retryLimit()).isEqualTo(3);
        assertThat(o.onError()).isEqualTo(OnErrorPolicy.CONTINUE);
        assertThat(o.maxWorkers()).isNull();
        assertThat(o.filters()).isEqualTo(CliOptions.Filters.NONE);
    }

    @Test
    void modes_take_their_argument() {
        UUID id = UUID.randomUUID();
        assertThat(CliArguments.parse("--resume", id.toString()).resume()).isEqualTo(id.toString());
        assertThat(CliArguments.parse("--resume", "out/batch.json").mode()).isEqualTo(CliOptions.Mode.RESUME);
        assertThat(CliArguments.parse("--retry-failed", id.toString()).batchId()).isEqualTo(id);
        assertThat(CliArguments.parse("--status=" + id).mode()).isEqualTo(CliOptions.Mode.STATUS);
        assertThat(CliArguments.parse("--dry-run", "dQw4w9WgXcQ").mode()).isEqualTo(CliOptions.Mode.DRY_RUN);
        assertThat(CliArguments.parse("--help").mode()).isEqualTo(CliOptions.Mode.HELP);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "--max-workers                         | --max-workers   | needs a value",
        "--max-workers x dQw4w9WgXcQ           | --max-workers   | whole number",
        "--max-workers 0 dQw4w9WgXcQ           | --max-workers   | between 1 and",
        "--retry-limit 11 dQw4w9WgXcQ          | --retry-limit   | between 0 and 10",
        "--retry-limit -1 dQw4w9WgXcQ          | --retry-limit   | between 0 and 10",
        "--on-error sometimes dQw4w9WgXcQ      | --on-error      | continue, stop or retry",
        "--resume                              | --resume        | needs a value",
        "--retry-failed 42                     | --retry-failed  | batch id",
        "--status nope                         | --status        | batch id",
        "--min-duration soon dQw4w9WgXcQ       | --min-duration  | duration",
        "--max-duration 1:75 dQw4w9WgXcQ       | --max-duration  | not a valid time",
        "--min-duration 2h --max-duration 1h x | --min-duration  | longer than --max-duration",
        "--after 2024-13-01 dQw4w9WgXcQ        | --after         | YYYY-MM-DD",
        "--after 2025-01-01 --before 2024-01-01 x | --after      | later than --before",
        "--recent 5 dQw4w9WgXcQ                | --recent        | no channel",
        "--channel u --recent 0                | --recent        | between 1 and",
        "--frobnicate dQw4w9WgXcQ              | --frobnicate    | unknown option",
        "--no-shorts=yes dQw4w9WgXcQ           | --no-shorts     | takes no value",
        "--dry-run                             | --dry-run       | at least one URL",
        "--max-workers 2                       | URL             | at least one URL",
        "--status 3f2b6c1e-0000-4000-8000-000000000000 dQw4w9WgXcQ | --status | takes no URLs",
        "--dry-run --resume x                  | --resume        | cannot be combined with --dry-run",
        "--batch-name --max-workers 2 x        | --batch-name    | needs a value",
        "--title= dQw4w9WgXcQ                  | --title         | needs a value",
        "--summary-sentences 0 dQw4w9WgXcQ     | --summary-sentences | between 1 and 20",
        "--no-summary --summary-sentences 3 x  | --summary-sentences | cannot be combined with --no-summary",
        "--summary gpt x                       | --summary       | must be one of extractive, abstractive, llm, none",
        "--summary-preset short x              | --summary-preset | must be one of brief, detailed, study-notes",
        "--no-summary --summary-preset brief x | --summary-preset | cannot be combined with --no-summary",
        "--langs de,e.* x                      | --langs         | (entry 2) is not a language code",
        "--langs=-en x                         | --langs         | (entry 1) is not a language code",
        "--langs= x                            | --langs         | needs a value",
    })
    void every_usage_error_names_its_flag(String line, String flag, String message) {
        assertThatThrownBy(() -> CliArguments.parse(line.trim().split("\\s+")))
                .isInstanceOfSatisfying(UsageException.class, e -> {
                    assertThat(e.flag()).isEqualTo(flag);
                    assertThat(e.getMessage()).startsWith(flag + ": ").contains(message);
                });
    }

    @Test
    void an_unknown_option_is_answered_with_the_options_it_may_have_meant() {
        assertThatThrownBy(() -> CliArguments.parse("--max-worker", "2", "dQw4w9WgXcQ"))
                .isInstanceOfSatisfying(UsageException.class, e -> {
                    assertThat(e.flag()).isEqualTo("--max-worker");
                    assertThat(e.getMessage()).startsWith("--max-worker: unknown option (see --help)")
                            .contains("did you mean one of --max-duration, --max-workers, --max-video-minutes?");
                });
        assertThatThrownBy(() -> CliArguments.parse("--stauts=3f2b6c1e-0000-4000-8000-000000000000"))
                .hasMessage("--stauts: unknown option (see --help); did you mean --status?");
    }

    @Test
    void arguments_mean_what_they_always_meant() {
        // No @file expansion: an input that starts with '@' is an input.
        assertThat(CliArguments.parse("@list.txt").urls()).containsExactly("@list.txt");
        // A value may start with one dash, or be "--" itself, which then does not end the options.
        assertThat(CliArguments.parse("--resume", "-h").resume()).isEqualTo("-h");
        assertThatThrownBy(() -> CliArguments.parse("--title", "--", "-1"))
                .isInstanceOfSatisfying(UsageException.class, e -> assertThat(e.flag()).isEqualTo("-1"));
        assertThat(CliArguments.parse("--title", "--", "--", "-1").urls()).containsExactly("-1");
        // Before "--", anything starting with a dash is an option, a lone dash or a negative number too.
        assertThatThrownBy(() -> CliArguments.parse("-")).hasMessageStartingWith("-: unknown option");
        assertThatThrownBy(() -> CliArguments.parse("-h=x")).hasMessageStartingWith("-h=x: unknown option");
        // A repeated option counts again: the last value wins.
        assertThat(CliArguments.parse("--max-workers", "2", "--max-workers=3", "x").maxWorkers()).isEqualTo(3);
    }

    @Test
    void help_lists_every_option_in_its_section_and_the_exit_codes() {
        String help = CliArguments.usage();

        assertThat(help).startsWith("Usage: tubebatch batch [options] [URL|ID ...]").containsSubsequence(
                "Inputs (any mix, de-duplicated in order):", "URL|ID", "--urls-file", "--playlist", "--channel",
                "--recent", "Filters:", "--min-duration", "--max-duration", "--after", "--before", "--title",
                "--exclude-title", "--no-shorts", "--no-live", "Batch options:", "--batch-name", "--max-workers",
                "--retry-limit", "--on-error", "--output", "--no-summary", "--summary-sentences", "--summary",
                "--summary-preset", "--summary-instruction", "--langs", "--translated-captions",
                "--output-manifest",
                "Modes (instead of a new batch):", "--dry-run", "--resume", "--retry-failed", "--status", "--help",
                "Exit codes:", "0", "all videos done", "1", "some failed (or the batch was cancelled)", "2",
                "usage error", "3", "stopped by --on-error stop");
        assertThat(help).contains("0 to 10 (default 3)").containsPattern("\\(default\\s+50\\)");
    }

    @Test
    void durations_and_dates_have_several_forms() {
        assertThat(CliArguments.duration("--x", "90")).isEqualTo(90);
        assertThat(CliArguments.duration("--x", "90s")).isEqualTo(90);
        assertThat(CliArguments.duration("--x", "5m")).isEqualTo(300);
        assertThat(CliArguments.duration("--x", "2h")).isEqualTo(7200);
        assertThat(CliArguments.duration("--x", "4:30")).isEqualTo(270);
        assertThat(CliArguments.duration("--x", "1:02:03")).isEqualTo(3723);
        assertThat(CliArguments.date("--x", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> CliArguments.date("--x", "2023-02-29")).isInstanceOf(UsageException.class);
    }
}
