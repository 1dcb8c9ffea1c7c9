package dev.tubebatch.export;

import dev.tubebatch.export.render.Snapshots;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeNamesTest {

    @Test
    void titles_become_lowercase_dashed_slugs() {
        assertThat(SafeNames.slug("Never Gonna Give You Up (Official Video)", 60, "video"))
                .isEqualTo("never-gonna-give-you-up-official-video");
    }

    @Test
    void letters_of_any_script_are_kept() {
        assertThat(SafeNames.slug("東京の夜 — ночь в Москве", 60, "video")).isEqualTo("東京の夜-ночь-в-москве");
    }

    @Test
    void combining_marks_stay_with_their_letters() {
        assertThat(SafeNames.slug("नमस्ते दुनिया", 60, "video")).isEqualTo("नमस्ते-दुनिया");
    }

    @Test
    void right_to_left_titles_keep_their_letters_and_lose_bidi_controls() {
        assertThat(SafeNames.slug("\u202Eשלום עולם\u202C", 60, "video")).isEqualTo("שלום-עולם");
        assertThat(SafeNames.slug("مرحبا بالعالم", 60, "video")).isEqualTo("مرحبا-بالعالم");
        assertThat(SafeNames.slug("evil\u202Efdp.exe", 60, "video")).isEqualTo("evil-fdp-exe");
    }

    @Test
    void traversal_separators_and_control_characters_never_survive() {
        assertThat(SafeNames.slug("../../etc/passwd\u0000\n", 60, "video")).isEqualTo("etc-passwd");
        assertThat(SafeNames.slug("..", 60, "video")).isEqualTo("video");
        assertThat(SafeNames.slug("/", 60, "video")).isEqualTo("video");
        assertThat(SafeNames.slug("a\\b/c:d", 60, "video")).isEqualTo("a-b-c-d");
        assertThat(SafeNames.slug("", 60, "video")).isEqualTo("video");
        assertThat(SafeNames.slug(null, 60, "video")).isEqualTo("video");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "NUL", "Prn", "aux", "COM1", "lpt9", "CON.txt", "nul "})
    void names_windows_reserves_are_never_produced(String title) {
        String slug = SafeNames.slug(title, 60, "video");
        assertThat(SafeNames.isSafePart(slug)).as(slug).isTrue();
        assertThat(slug.toLowerCase()).isNotIn("con", "nul", "prn", "aux", "com1", "lpt9");
    }

    @Test
    void a_title_of_300_emoji_gets_the_fallback_and_a_long_title_stays_under_the_byte_limit() {
        assertThat(SafeNames.slug("😀".repeat(300), 60, "video")).isEqualTo("video");
        String gothic = "𐌰".repeat(300); // letters outside the BMP: four bytes each
        String slug = SafeNames.slug(gothic, 60, "video");
        assertThat(slug.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SafeNames.MAX_BYTES);
        assertThat(slug).isNotEmpty().isEqualTo(SafeNames.slug(gothic, 60, "video"));
    }

    @Test
    void names_are_capped_in_length_and_stable() {
        String title = "a very long title ".repeat(20);
        String slug = SafeNames.slug(title, 30, "video");

        assertThat(slug.codePointCount(0, slug.length())).isLessThanOrEqualTo(30);
        assertThat(slug).doesNotEndWith("-").isEqualTo(SafeNames.slug(title, 30, "video"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x", "/etc/passwd", "CON", "😀😀😀", "שלום", "a\u0000b", "..", "\u202E"})
    void hostile_titles_give_video_folders_inside_the_batch_folder(String title) {
        var batch = Snapshots.batch("Hostile", 1);
        var item = Snapshots.item(batch, 7, "abcdefghijk", title, dev.tubebatch.batch.ItemStatus.COMPLETED);
        OutputLayout layout = new OutputLayout(new OutputProperties(Path.of("target/test-output/names")));

        Path folder = layout.videoFolder(batch, item);

        assertThat(folder.getParent()).isEqualTo(layout.batchFolder(batch).resolve("videos"));
        assertThat(folder.getFileName().toString()).startsWith("007-abcdefghijk-").matches("[^/\\\\:\\p{Cntrl}]+");
        assertThat(layout.batchFolder(batch).getParent()).isEqualTo(layout.root());
    }

    @Test
    void zip_entry_names_that_could_leave_the_root_are_refused() {
        for (String name : new String[] {"../x", "root/../../x", "/etc/passwd", "root/a\\b", "root//x", "root/",
                "root/CON", "root/nul.txt", "root/.hidden", "root/x\u0000y", "C:/x"}) {
            assertThatThrownBy(() -> BatchZip.checkName(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        BatchZip.checkName("batch-20250125-123456/videos/001-abcdefghijk-שלום/transcript.md");
    }
}
