package dev.tubebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.support.FakeOpenAi;
import dev.tubebatch.youtube.FakeYtDlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code tubebatch batch --summary llm} as a user runs it, against the fake OpenAI-compatible server. */
class CliLlmTest {

    @Test
    void a_run_with_summary_llm_writes_llm_summaries_with_the_preset_and_instruction_and_never_the_key()
            throws Exception {
        String key = "sk-cli-" + UUID.randomUUID();
        Path dir = Path.of("target", "cli-llm-" + UUID.randomUUID()).toAbsolutePath();
        Path fake = FakeYtDlp.install(dir.resolve("bin"));
        try (FakeOpenAi llm = new FakeOpenAi("fake-model", key, 8192)) {
            CliProcessTest.Run run = CliProcessTest.cli(dir, fake, false, Map.of(
                    "TUBEBATCH_LLM_BASE_URL", llm.baseUrl(), "TUBEBATCH_LLM_MODEL", "fake-model",
                    "TUBEBATCH_LLM_API_KEY", key),
                    "--summary", "llm", "--summary-preset", "study-notes", "--summary-instruction",
                    "Name every speaker.", "chpCLILLM01", "capCLILLM02").await();

            assertThat(run.exitCode).as(run.describe()).isZero();
            assertThat(llm.refusals()).isEmpty();
            assertThat(llm.calls()).filteredOn(call -> call.system().startsWith("You summarize transcripts"))
                    .hasSize(5) // three chapters and their combination, one short video
                    .allSatisfy(call -> assertThat(call.system()).contains("study notes")
                            .contains("Name every speaker."));
            try (Stream<Path> batches = Files.list(dir.resolve("output"))) {
                Path folder = batches.findFirst().orElseThrow();
                String chapters = Files.readString(folder.resolve("videos").resolve(videoFolder(folder,
                        "chpCLILLM01")).resolve("summary.md"));
                assertThat(chapters).contains("_Method: llm:fake-model_").contains("## Chapters")
                        .contains("(https://youtu.be/chpCLILLM01?t=0) Welcome");
                assertThat(Files.readString(folder.resolve("stats.json"))).contains("\"calls\" : 5,");
            }
            assertThat(run.stdout + run.stderr).doesNotContain(key);
            assertThat(Files.readString(dir.resolve("logs/tubebatch-cli.log"))).doesNotContain(key);
        }
    }

    private static String videoFolder(Path batch, String videoId) throws Exception {
        try (Stream<Path> videos = Files.list(batch.resolve("videos"))) {
            List<Path> matching = videos.filter(v -> v.getFileName().toString().contains(videoId)).toList();
            assertThat(matching).hasSize(1);
            return matching.getFirst().getFileName().toString();
        }
    }
}
