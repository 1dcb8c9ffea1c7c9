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
    void a_quoted_value_holding_a_comma_keeps_its_row() {
        UrlList list = reader.read("title,url,notes\n\"Talk, part 1\",https://youtu.be/dQw4w9WgXcQ,x\n");

        assertThat(list.videos()).extracting(YouTubeRef.Video::videoId).containsExactly("dQw4w9WgXcQ");
        assertThat(list.entries()).extracting(UrlList.Entry::line).containsExactly(2);
        assertThat(list.rejections()).isEmpty();
    }

    @Test
    void doubled_quotes_inside_a_quoted_value_are_one_quote() {
        UrlList list = reader.read(String.join("\n", "title,url",
                "\"The \"\"best\"\" talk, really\",https://youtu.be/dQw4w9WgXcQ",
                "\"He said \"\"hi\"\"\",\"https://www.youtube.com/watch?v=9bZkp7q19f0\""));

        assertThat(list.videos()).extracting(YouTubeRef.Video::videoId).containsExactly("dQw4w9WgXcQ", "9bZkp7q19f0");
        assertThat(list.rejections()).isEmpty();
    }

    @Test
    void a_record_spanning_lines_is_numbered_by_the_line_it_starts_on() {
        String text = "title,url,notes\r\n"
                + "\"First line\r\nsecond line, with a comma\",https://youtu.be/dQw4w9WgXcQ,\"a\nb\"\r\n"
                + "Next,https://www.youtube.com/watch?v=9bZkp7q19f0,x\r\n"
                + "\"Again\nand again\",https://youtu.be/dQw4w9WgXcQ,\r\n";

        UrlList list = reader.read(text);

        assertThat(list.entries()).extracting(UrlList.Entry::line).containsExactly(2, 5);
        assertThat(list.rejections()).extracting(UrlList.Rejection::toString)
                .containsExactly("line 6: duplicate of line 2 (https://youtu.be/dQw4w9WgXcQ)");
    }

    @Test
    void a_csv_file_with_a_byte_order_mark_is_read_by_its_url_column() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] csv = "url,title\r\nhttps://youtu.be/dQw4w9WgXcQ,\"One, two\"\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + csv.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(csv, 0, content, bom.length, csv.length);

        UrlList list = reader.read(content);

        assertThat(list.videos()).extracting(YouTubeRef.Video::videoId).containsExactly("dQw4w9WgXcQ");
        assertThat(list.rejections()).isEmpty();
    }

    @Test
    void semicolons_separate_columns_when_the_header_uses_them() {
        String text = "# exported from a spreadsheet\r\nTitel;URL;Notiz\r\n"
                + "\"Vortrag; Teil 1, mit Komma\";https://youtu.be/dQw4w9WgXcQ;x\r\n"
                + "Zweiter;\"https://www.youtube.com/watch?v=9bZkp7q19f0\";\r\n"
                + "kaputt\r\n";

        UrlList list = reader.read(text);

        assertThat(list.videos()).extracting(YouTubeRef.Video::videoId).containsExactly("dQw4w9WgXcQ", "9bZkp7q19f0");
        assertThat(list.entries()).extracting(UrlList.Entry::line).containsExactly(3, 4);
        assertThat(list.rejections()).extracting(UrlList.Rejection::toString)
                .containsExactly("line 5: no value in the url column (kaputt)");
    }

    @Test
    void a_malformed_row_is_reported_on_its_line_and_the_rows_after_it_are_still_read() {
        String text = String.join("\n", "title,url", "Good,https://youtu.be/dQw4w9WgXcQ",
                "\"Stray\" quote,https://youtu.be/capAAAAAAAA", "# a comment", "",
                "Also good,https://www.youtube.com/watch?v=9bZkp7q19f0", "\"Never closed,https://youtu.be/capBBBBBBBB",
                "Last,https://youtu.be/capCCCCCCCC");

        UrlList list = reader.read(text);

        assertThat(list.entries()).extracting(UrlList.Entry::line).containsExactly(2, 6, 8);
        assertThat(list.videos()).extracting(YouTubeRef.Video::videoId)
                .containsExactly("dQw4w9WgXcQ", "9bZkp7q19f0", "capCCCCCCCC");
        assertThat(list.rejections()).extracting(UrlList.Rejection::line).containsExactly(3, 7);
        assertThat(list.rejections()).allSatisfy(r -> assertThat(r.reason()).startsWith("not valid CSV: "));
        assertThat(list.rejections().get(1).text()).isEqualTo("\"Never closed,https://youtu.be/capBBBBBBBB");
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
