package dev.tubebatch.api;

import static dev.tubebatch.api.ApiCalls.ADMIN;
import static dev.tubebatch.api.ApiCalls.JSON;
import static dev.tubebatch.api.ApiCalls.VIEWER;
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
import dev.tubebatch.export.render.PdfText;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/search} and {@code /api/library} over real HTTP; the API tests' one context ({@link ApiTest}). */
@ApiTest
class SearchApiTest {

    @LocalServerPort
    int port;

    private ApiCalls api;

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Autowired
    TranscriptStore transcripts;

    /** For the PDF and ZIP downloads, which {@link ApiCalls} (JSON only) does not fetch. */
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void connect() {
        api = new ApiCalls(port);
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void a_viewer_gets_ranked_hits_with_snippets_and_links_and_pages() throws Exception {
        Batch batch = batches.create(new NewBatch("search api", List.of(
                new NewBatch.NewVideo("https://youtu.be/apiSearch01", "apiSearch01")), null, 0,
                OnErrorPolicy.CONTINUE), "tester");
        transcripts.save(new Transcript(queries.items(batch.id()).getFirst().id(), "en", TranscriptSource.CAPTIONS,
                List.of(new Segment(0, 2, "Kettles <b>whistle</b>."), new Segment(62.7, 65, "Whistling kettles boil"),
                        new Segment(70, 72, "Nothing here."))));

        HttpResponse<String> response = api.send("GET", "/api/search?" + q("kettle whistles") + "&batch=" + batch.id()
                + "&size=1", VIEWER);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = JSON.readTree(response.body());
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        assertThat(page.path("hits").size()).isEqualTo(1);
        JsonNode hit = page.path("hits").get(0);
        assertThat(hit.path("videoId").asString()).isEqualTo("apiSearch01");
        assertThat(hit.path("batchName").asString()).isEqualTo("search api");
        assertThat(hit.path("source").asString()).isEqualTo("captions");
        JsonNode second = JSON.readTree(api.send("GET", "/api/search?" + q("kettle whistles") + "&batch="
                + batch.id() + "&size=1&page=1", VIEWER).body());
        assertThat(second.path("hasMore").asBoolean()).isFalse();
        List<String> snippets = List.of(hit.path("snippetHtml").asString(),
                second.path("hits").get(0).path("snippetHtml").asString());
        assertThat(snippets).containsExactlyInAnyOrder("<mark>Kettles</mark> &lt;b&gt;<mark>whistle</mark>&lt;/b&gt;.",
                "<mark>Whistling</mark> <mark>kettles</mark> boil");
        JsonNode late = hit.path("startSeconds").asDouble() > 1 ? hit : second.path("hits").get(0);
        assertThat(late.path("link").asString()).isEqualTo("https://youtu.be/apiSearch01?t=62");
    }

    @Test
    void the_library_lists_a_video_and_gives_its_transcript_with_links() throws Exception {
        Batch batch = batches.create(new NewBatch("library api", List.of(
                new NewBatch.NewVideo("https://youtu.be/apiLibrary1", "apiLibrary1")), null, 0,
                OnErrorPolicy.CONTINUE), "tester");
        transcripts.save(new Transcript(queries.items(batch.id()).getFirst().id(), "de", TranscriptSource.WHISPER,
                List.of(new Segment(0, 2, "Guten Tag."), new Segment(90.5, 93, "Auf Wiedersehen."))));

        HttpResponse<String> list = api.send("GET", "/api/library?q=apiLibrary", VIEWER);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).get(0).path("videoId").asString()).isEqualTo("apiLibrary1");
        HttpResponse<String> one = api.send("GET", "/api/library/apiLibrary1", VIEWER);
        JsonNode video = JSON.readTree(one.body());
        assertThat(video.path("video").path("source").asString()).isEqualTo("WHISPER");
        assertThat(video.path("transcript").get(1).path("link").asString())
                .isEqualTo("https://youtu.be/apiLibrary1?t=90");
        assertThat(api.send("GET", "/api/library/noSuchVid00", VIEWER).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/library/export.pdf?videos=apiLibrary1")).header("Authorization", VIEWER).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        java.nio.file.Path file = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target",
                "test-output", "api")).resolve("library-selection-" + UUID.randomUUID() + ".pdf");
        java.nio.file.Files.write(file, pdf.body());
        assertThat(PdfText.page(file, 1)).contains("Library selection");
        PdfText.Bookmark chapter = PdfText.outline(file).getFirst();
        assertThat(chapter.title()).contains("apiLibrary1");
        assertThat(PdfText.page(file, chapter.page())).contains("Auf Wiedersehen.");
        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/library/export.zip?videos=apiLibrary1")).header("Authorization", VIEWER).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).isNotEmpty().allMatch(n -> n.matches("library-selection-\\d{8}-\\d{6}/videos/"
                + "001-apiLibrary1-[^/]+/[^/]+"));
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/library/export.pdf?videos=apiLibrary1,../../etc")).header("Authorization", VIEWER).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("videos:").doesNotContain("../");

        assertThat(api.send("DELETE", "/api/library/apiLibrary1", VIEWER).statusCode()).isEqualTo(403);
        HttpResponse<String> deleted = api.send("DELETE", "/api/library/apiLibrary1", ADMIN);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(JSON.readTree(deleted.body()).path("items").asInt()).isEqualTo(1);
        assertThat(api.send("DELETE", "/api/library/apiLibrary1", ADMIN).statusCode()).isEqualTo(404);
        assertThat(transcripts.find(queries.items(batch.id()).getFirst().id())).isEmpty();
    }

    @Test
    void searching_needs_a_login() throws Exception {
        assertThat(api.send("GET", "/api/search?" + q("anything"), null).statusCode()).isEqualTo(401);
    }

    @Test
    void bad_parameters_are_refused_naming_the_field() throws Exception {
        HttpResponse<String> empty = api.send("GET", "/api/search?q=%20", VIEWER);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("q:");
        HttpResponse<String> source = api.send("GET", "/api/search?" + q("x") + "&source=radio", VIEWER);
        assertThat(source.statusCode()).isEqualTo(400);
        assertThat(source.body()).contains("source:");
        assertThat(api.send("GET", "/api/search?" + q("x") + "&from=yesterday", VIEWER).statusCode()).isEqualTo(400);
        HttpResponse<String> injection = api.send("GET", "/api/search?" + q("'); drop table transcript; --")
                + "&channel=" + URLEncoder.encode("' or 1=1 --", StandardCharsets.UTF_8), VIEWER);
        assertThat(injection.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(injection.body()).path("hits").size()).isZero();
    }
}
