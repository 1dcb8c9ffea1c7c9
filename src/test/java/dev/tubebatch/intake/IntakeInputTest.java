package dev.tubebatch.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The preview's pasted lines and files: no yt-dlp when not needed, duplicates, already processed videos. */
class IntakeInputTest extends IntakeServiceTestBase {

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Autowired
    TranscriptStore transcripts;

    @Test
    void pasted_videos_without_filters_that_need_facts_run_no_yt_dlp_at_all() {
        PreviewResult result = preview("dQw4w9WgXcQ\nhttps://youtu.be/9bZkp7q19f0\n", NONE);

        assertThat(ids(result)).containsExactly("dQw4w9WgXcQ", "9bZkp7q19f0");
        assertThat(result.totals()).isEqualTo("2 videos, 0:00 in all (2 of unknown length)");
        assertThat(newCalls()).isEmpty();
    }

    @Test
    void duplicates_across_text_file_and_listings_keep_the_first_position() {
        byte[] file = """
                url,title
                https://www.youtube.com/watch?v=filtAAAAA01,first of the playlist
                filtAAAAA02,pasted already
                https://youtu.be/newAAAAAA01,new
                """.getBytes(StandardCharsets.UTF_8);
        PreviewResult result = intake.preview(new PreviewRequest("https://youtu.be/filtAAAAA02\n" + FILTERS, file,
                "C:\\Users\\me\\lists/list.csv", 10, NONE));

        assertThat(ids(result)).containsExactly("filtAAAAA02", "filtAAAAA01", "filtAAAAA03", "filtAAAAA07",
                "filtAAAAA08", "filtAAAAA09", "newAAAAAA01");
        assertThat(result.videos().getFirst().source()).hasToString("pasted text line 1");
        assertThat(result.videos().getLast().source()).hasToString("list.csv line 4");
        assertThat(skipped(result)).contains(
                "pasted text line 2, entry 2: duplicate of pasted text line 1 (filtAAAAA02 Rust async deep dive)",
                "list.csv line 2: duplicate of pasted text line 2, entry 1 (filtAAAAA01)",
                "list.csv line 3: duplicate of pasted text line 1 (filtAAAAA02)");
    }

    @Test
    void a_video_with_a_stored_transcript_is_skipped_by_default_and_points_at_it() {
        Batch earlier = batches.create(new NewBatch("Earlier " + UUID.randomUUID(), List.of(
                new NewBatch.NewVideo("https://www.youtube.com/watch?v=doneAAAAA01", "doneAAAAA01"),
                new NewBatch.NewVideo("https://www.youtube.com/watch?v=pendAAAAA01", "pendAAAAA01")),
                null, 0, OnErrorPolicy.CONTINUE), "tester");
        UUID doneItem = queries.items(earlier.id()).getFirst().id();
        transcripts.save(new Transcript(doneItem, "en", TranscriptSource.CAPTIONS,
                List.of(new Segment(0, 1, "Hello."))));

        PreviewResult result = intake.preview(PreviewRequest.ofText("doneAAAAA01\npendAAAAA01\nfreshAAAA01"));

        assertThat(ids(result)).containsExactly("pendAAAAA01", "freshAAAA01");
        assertThat(result.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.source()).hasToString("pasted text line 1");
            assertThat(skip.reason()).isEqualTo("already processed in batch '" + earlier.name()
                    + "': its transcript is stored (turn off 'skip already processed' to run it again)");
            assertThat(skip.earlier().itemId()).isEqualTo(doneItem);
            assertThat(skip.earlier().batchId()).isEqualTo(earlier.id());
        });

        PreviewResult again = preview("doneAAAAA01\npendAAAAA01", NONE);
        assertThat(ids(again)).containsExactly("doneAAAAA01", "pendAAAAA01");
    }
}
