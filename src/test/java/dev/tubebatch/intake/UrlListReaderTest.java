package dev.tubebatch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UrlListReaderTest {

    private final UrlListReader reader = new UrlListReader(IntakeLimits.defaults());

    @Test
    void blank_lines_comments_crlf_and_a_byte_order_mark_are_handled() {
        String text = "\uFEFF# my list\r\nhttps://youtu.be/dQw4w9WgXcQ\r\n\r\n   \r\nhttps://www.youtube.com/watch?v=9bZkp7q19f0\r\n";

        UrlList list = reader.read(text);

        assertThat(list.videos()).extracting(YouTubeRef.Video::videoId).containsExactly("dQw4w9WgXcQ", "9bZkp7q19f0");
        assertThat(list.entries()).extracting(UrlList.Entry::line).containsExactly(2, 5);
        assertThat(list.rejections()).isEmpty();
    }

    @Test
    void each_bad_line_is_reported_with_its_number_and_reason() {
        String text = String.join("\n", "https://youtu.be/dQw4w9WgXcQ", "junk", "https://vimeo.com/1",
                "javascript:alert(1)", "https://youtu.be/dQw4w9WgXcQ?t=5");

        UrlList list = reader.read(text);

        assertThat(list.videos()).hasSize(1);
        assertThat(list.rejections()).extracting(UrlList.Rejection::toString).containsExactly(
                "line 2: not a YouTube URL or video id (junk)",
                "line 3: not a YouTube URL (host vimeo.com) (https://vimeo.com/1)",
                "line 4: 'javascript:' links are not accepted: use an https YouTube URL (javascript:alert(1))",
                "line 5: duplicate of line 1 (https://youtu.be/dQw4w9WgXcQ?t=5)");
    }

    @Test
    void csv_with_a_url_column_is_read_by_that_column() {
        String text = "title,url,notes\n\"Never\",https://youtu.be/dQw4w9WgXcQ,x\nGangnam,\"https://www.youtube.com/watch?v=9bZkp7q19f0\",\nbroken\n";

        UrlList list = reader.read(text);

        assertThat(list.videos()).extracting(YouTubeRef.Video::videoId).containsExactly("dQw4w9WgXcQ", "9bZkp7q19f0");
        assertThat(list.rejections()).extracting(UrlList.Rejection::toString)
                .containsExactly("line 4: no value in the url column (broken)");
    }

    @Test
    void input_over_the_size_limit_is_refused_whole_with_the_sizes_named() {
        String fiveMegabytes = "https://youtu.be/dQw4w9WgXcQ\n".repeat(5 * 1024 * 1024 / 29 + 1);

        assertThatThrownBy(() -> reader.read(fiveMegabytes)).isInstanceOf(InputTooLargeException.class)
                .hasMessage("The input is 5.0 MB; the limit is 1.0 MB. Split it into several batches.");
    }

    @Test
    void too_many_lines_are_refused_whole() {
        UrlListReader small = new UrlListReader(new IntakeLimits(null, 3, null, null, null, null));

        assertThatThrownBy(() -> small.read("a\nb\nc\nd")).isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("4 lines; the limit is 3");
    }

    @Test
    void exactly_the_line_limit_is_accepted_with_or_without_a_final_line_break() {
        String lines = urls(10_000);

        assertThat(reader.read(lines).entries()).hasSize(10_000);
        assertThat(reader.read(lines + "\n").entries()).hasSize(10_000);
        assertThat(reader.read((lines + "\n").replace("\n", "\r\n")).entries()).hasSize(10_000);
        assertThat(reader.read((lines + "\n").getBytes(StandardCharsets.UTF_8)).entries())
                .hasSize(10_000);
    }

    @Test
    void one_line_over_the_limit_is_refused_with_or_without_a_final_line_break() {
        String lines = urls(10_001);

        assertThatThrownBy(() -> reader.read(lines)).isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("10001 lines; the limit is 10000");
        assertThatThrownBy(() -> reader.read(lines + "\n")).isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("10001 lines; the limit is 10000");
        assertThatThrownBy(() -> reader.read(urls(10_000) + "\n\n")).as("an empty line at the end is a line")
                .isInstanceOf(InputTooLargeException.class).hasMessageContaining("10001 lines");
    }

    /** {@code count} distinct video URLs, one a line, without a line break after the last. */
    private static String urls(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> "https://www.youtube.com/watch?v=" + String.format("v%010d", i))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void binary_and_non_utf8_files_are_refused() {
        assertThatThrownBy(() -> reader.read(new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00}))
                .hasMessage("The file is binary, not a text file of URLs");
        assertThatThrownBy(() -> reader.read(new byte[] {(byte) 0xC3, (byte) 0x28}))
                .hasMessage("The file is not UTF-8 text");
        assertThat(reader.read("https://youtu.be/dQw4w9WgXcQ".getBytes(StandardCharsets.UTF_8)).videos()).hasSize(1);
    }

    @Test
    void rejected_text_is_shortened_and_control_characters_are_masked() {
        UrlList list = reader.read("x".repeat(200) + "\u0007");

        UrlList.Rejection rejection = list.rejections().getFirst();
        assertThat(rejection.text()).hasSize(81).endsWith("…");
        assertThat(rejection.line()).isEqualTo(1);
    }
}
