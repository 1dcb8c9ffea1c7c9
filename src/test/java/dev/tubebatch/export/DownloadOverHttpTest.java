package dev.tubebatch.export;

import dev.tubebatch.export.render.PdfText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Downloads over real HTTP: refused to anonymous callers, served to a signed-in browser session. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/downloads",
        "tubebatch.output.root=target/test-output/downloads",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false"})
class DownloadOverHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    private Batch batch;

    @BeforeEach
    void batch() {
        batch = batches.create(new NewBatch("Downloads " + UUID.randomUUID(), List.of(
                new NewBatch.NewVideo("https://www.youtube.com/watch?v=capDOWNLD01", "capDOWNLD01"),
                new NewBatch.NewVideo("https://www.youtube.com/watch?v=capDOWNLD02", "capDOWNLD02")),
                null, 0, OnErrorPolicy.CONTINUE), "tester");
    }

    @Test
    void anonymous_downloads_are_sent_to_the_login_page() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String suffix : new String[] {".zip", ".pdf"}) {
            HttpResponse<byte[]> response = anonymous.send(request("/downloads/batches/" + batch.id() + suffix),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(suffix).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
            assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain("PK").doesNotContain("%PDF");
        }
    }

    @Test
    void a_signed_in_user_downloads_the_zip_and_the_pdf() throws Exception {
        HttpClient browser = signIn("viewer", "tubebatch-dev");

        HttpResponse<byte[]> zip = browser.send(request("/downloads/batches/" + batch.id() + ".zip"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
        String root = OutputLayout.batchFolderName(queries.get(batch.id()));
        assertThat(zip.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment").contains(root + ".zip");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
                if (entry.getName().endsWith("batch.json")) {
                    BatchStateFile state = BatchStateFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                            "batch.json");
                    assertThat(state.batchId()).isEqualTo(batch.id());
                    assertThat(state.unfinishedUrls()).hasSize(2);
                }
            }
        }
        assertThat(names).containsExactlyElementsOf(OutputLayout.BATCH_FILES.stream().map(f -> root + "/" + f)
                .toList());

        HttpResponse<byte[]> pdf = browser.send(request("/downloads/batches/" + batch.id() + ".pdf"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        var file = Files.createTempFile("download", ".pdf");
        try {
            Files.write(file, pdf.body());
            assertThat(PdfText.outline(file)).extracting(PdfText.Bookmark::title)
                    .containsExactly("1. capDOWNLD01", "2. capDOWNLD02");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void an_unknown_batch_is_404_and_a_foreign_video_selection_is_400() throws Exception {
        HttpClient browser = signIn("admin", "tubebatch-dev");

        assertThat(browser.send(request("/downloads/batches/" + UUID.randomUUID() + ".zip"),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        HttpResponse<String> bad = browser.send(request("/downloads/batches/" + batch.id()
                + ".zip?videos=capDOWNLD01,..%2F..%2Fetc"), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not a video of this batch");
        HttpResponse<byte[]> one = browser.send(request("/downloads/batches/" + batch.id()
                + ".zip?videos=capDOWNLD01"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(one.statusCode()).isEqualTo(200);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
                .build();
    }

    /** Signs in with the login form and the session's CSRF token, as a browser does. */
    private HttpClient signIn(String user, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(request("/login"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("_csrf[^>]*?content=\"([^\"]+)\"|\"csrfToken\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(page);
        String token = csrf.find() ? (csrf.group(1) != null ? csrf.group(1) : csrf.group(2)) : "";
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("login").isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
