package dev.tubebatch.export.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CombinedPdfTest {

    @TempDir
    Path dir;

    @Test
    void every_video_has_a_bookmark_to_its_page_and_its_summary_is_on_that_page() throws Exception {
        Batch batch = Snapshots.batch("Mixed scripts", 4);
        BatchSnapshot snapshot = new BatchSnapshot(batch, List.of(
                Snapshots.completed(batch, 1, "capAAAAAAA1", "Первое видео о Москве", 40,
                        "Moscow summary: the first video talks about winter."),
                Snapshots.completed(batch, 2, "capAAAAAAA2", "שלום עולם: a Hebrew title", 5,
                        "Hebrew summary with שלום inside."),
                Snapshots.failed(batch, 3, "prvAAAAAAA3"),
                Snapshots.completed(batch, 4, "capAAAAAAA4", "../../CON 😀 Ελληνικά", 3, null)),
                Snapshots.START.plusSeconds(100));
        Path pdf = write(snapshot);

        List<PdfText.Bookmark> outline = PdfText.outline(pdf);
        assertThat(outline).extracting(PdfText.Bookmark::title).containsExactly("1. Первое видео о Москве",
                "2. שלום עולם: a Hebrew title", "3. prvAAAAAAA3", "4. ../../CON 😀 Ελληνικά");
        // Cover, one page of contents, then the chapters in order; the first one is long enough for two pages.
        assertThat(outline.getFirst().page()).isEqualTo(3);
        assertThat(outline).extracting(PdfText.Bookmark::page).isSorted().doesNotHaveDuplicates();

        String first = PdfText.page(pdf, outline.get(0).page());
        assertThat(first).contains("Первое видео о Москве").contains("Moscow summary: the first video talks about winter.")
                .contains("Channel 1").contains("https://www.youtube.com/watch?v=capAAAAAAA1")
                .contains("First point of capAAAAAAA1").contains("[00:00] Sentence 1 of video capAAAAAAA1");
        assertThat(PdfText.page(pdf, outline.get(1).page())).contains("Hebrew summary with").contains("שלום");
        assertThat(PdfText.page(pdf, outline.get(2).page())).contains("Private video prvAAAAAAA3");
        assertThat(PdfText.page(pdf, outline.get(3).page())).contains("Ελληνικά").contains("No summary was made");
    }

    @Test
    void the_cover_has_the_batch_and_the_contents_list_each_video_with_its_page() throws Exception {
        Batch batch = Snapshots.batch("Cover test", 2);
        BatchSnapshot snapshot = new BatchSnapshot(batch, List.of(
                Snapshots.completed(batch, 1, "capAAAAAAA1", "Alpha", 2, "Alpha summary"),
                Snapshots.failed(batch, 2, "prvAAAAAAA2")), Snapshots.START.plusSeconds(100));
        Path pdf = write(snapshot);

        String cover = PdfText.page(pdf, 1);
        assertThat(cover).contains("Cover test").contains("Videos: 2").contains("completed: 1").contains("failed: 1");
        String contents = PdfText.page(pdf, 2);
        assertThat(contents).contains("Contents").containsPattern("1\\. Alpha\\s+3").containsPattern("2\\. prvAAAAAAA2\\s+4");
        assertThat(PdfText.pages(pdf)).isEqualTo(4);
    }

    @Test
    void contents_longer_than_a_page_keep_the_page_numbers_right() throws Exception {
        Batch batch = Snapshots.batch("Many", 120);
        List<BatchSnapshot.Video> videos = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            videos.add(Snapshots.completed(batch, i, String.format("cap%08d", i), "Video number " + i, 1,
                    "Summary number " + i + "."));
        }
        Path pdf = write(new BatchSnapshot(batch, videos, Snapshots.START));

        int tocPages = CombinedPdf.tocPages(120);
        assertThat(tocPages).isGreaterThan(1);
        List<PdfText.Bookmark> outline = PdfText.outline(pdf);
        assertThat(outline).hasSize(120);
        assertThat(outline.get(0).page()).isEqualTo(2 + tocPages);
        assertThat(PdfText.page(pdf, outline.get(119).page())).contains("Summary number 120.");
        String lastContents = PdfText.page(pdf, 1 + tocPages);
        assertThat(lastContents).containsPattern("120\\. Video number 120\\s+" + outline.get(119).page());
    }

    @Test
    void an_empty_batch_still_makes_a_pdf() throws Exception {
        Batch batch = Snapshots.batch("Empty", 0);
        Path pdf = write(new BatchSnapshot(batch, List.of(), Snapshots.START));

        assertThat(PdfText.pages(pdf)).isEqualTo(2);
        assertThat(PdfText.page(pdf, 2)).contains("This batch has no videos.");
    }

    @Test
    void long_titles_are_cut_to_fit_a_line_of_the_contents() {
        String cut = PdfFonts.get().fit("W".repeat(500), 10, 200);
        assertThat(cut).endsWith("…").hasSizeLessThan(40);
        String cjk = PdfFonts.get().fit("東京の夜".repeat(100), 10, 200);
        assertThat(cjk).endsWith("…").hasSizeLessThan(30);
    }

    @Test
    void chinese_japanese_and_korean_text_falls_back_to_the_standard_cjk_fonts() throws Exception {
        Batch batch = Snapshots.batch("CJK", 1);
        Path pdf = write(new BatchSnapshot(batch, List.of(Snapshots.completed(batch, 1, "capAAAAAAA1",
                "東京の夜 — 北京 — 서울", 1, "中文摘要：这是一个测试。")), Snapshots.START));

        assertThat(PdfText.outline(pdf).getFirst().title()).isEqualTo("1. 東京の夜 — 北京 — 서울");
        // The fallback fonts are referenced on the page that uses them...
        try (var reader = new org.openpdf.text.pdf.PdfReader(pdf.toString())) {
            var fonts = reader.getPageN(3).getAsDict(org.openpdf.text.pdf.PdfName.RESOURCES)
                    .getAsDict(org.openpdf.text.pdf.PdfName.FONT);
            List<String> names = new ArrayList<>();
            for (var key : fonts.getKeys()) {
                names.add(String.valueOf(fonts.getAsDict(key).get(org.openpdf.text.pdf.PdfName.BASEFONT)));
            }
            assertThat(names).anyMatch(n -> n.contains("STSong-Light")).anyMatch(n -> n.contains("HYGoThic-Medium"))
                    .anyMatch(n -> n.contains("DejaVuSans"));
        }
        // ...and a reader that knows them gets the text back. poppler needs its language pack for that (Debian:
        // poppler-data); OpenPDF's own extractor does not map these fonts.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/share/poppler/cMap")),
                "poppler-data is not installed");
        String page = PdfText.page(pdf, 3);
        assertThat(page).contains("北京").contains("中文摘要").contains("서울").contains("東京");
        assertThat(PdfText.page(pdf, 2)).contains("北京");
    }

    private Path write(BatchSnapshot snapshot) throws Exception {
        Path pdf = dir.resolve("combined.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            CombinedPdf.write(snapshot, out);
        }
        return pdf;
    }
}
