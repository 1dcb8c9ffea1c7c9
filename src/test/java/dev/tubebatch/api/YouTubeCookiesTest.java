package dev.tubebatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.youtube.CookieJar;
import dev.tubebatch.youtube.FakeYtDlp;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * YouTube cookies from an admin: an age-restricted video fails saying cookies would help, the admin gives them
 * (the API's PUT, as the System view does), and "retry failed" completes it. The cookies' value appears in no log
 * line, no API answer, no item and no byte of the batch's ZIP; yt-dlp gets a copy of its own each call.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
class YouTubeCookiesTest {

    static final String SECRET = "COOKIEVALUE-7f3a9c51d2";
    static final long EXPIRES = 1_900_000_000L;
    static final String COOKIES = "# Netscape HTTP Cookie File\n"
            + ".youtube.com\tTRUE\t/\tTRUE\t" + EXPIRES + "\t__Secure-3PSID\t" + SECRET + "\n"
            + "#HttpOnly_.youtube.com\tTRUE\t/\tTRUE\t" + (EXPIRES + 1000) + "\tLOGIN_INFO\t" + SECRET + "-login\n"
            + ".youtube.com\tTRUE\t/\tFALSE\t0\tPREF\tf6=40000000\n";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EngineHarness engine;

    @Autowired
    YouTubeApi api;

    @Autowired
    BatchService batches;

    @Autowired
    ExportService exports;

    @Autowired
    YtDlpProperties ytDlp;

    @AfterEach
    void noCookiesForTheOtherEngineTests() {
        api.removeCookies();
    }

    @Test
    void an_age_restricted_video_says_cookies_would_help_and_retry_failed_uses_them_without_the_cookies_leaking(
            CapturedOutput output) throws Exception {
        Batch batch = engine.create("Cookies", 0, EngineHarness.ids("age", 1));
        engine.awaitFinished(batch);
        VideoItem failed = engine.queries().items(batch.id()).getFirst();
        assertThat(failed.errorKind()).isEqualTo(ErrorKind.AGE_RESTRICTED);
        assertThat(failed.errorMessage()).contains(YtDlpClient.COOKIES_WOULD_HELP);

        CookieJar.Info stored = api.storeCookies(COOKIES);
        assertThat(stored.present()).isTrue();
        assertThat(stored.cookies()).isEqualTo(3);
        assertThat(stored.expires()).isEqualTo(java.time.Instant.ofEpochSecond(EXPIRES));
        Path file = ytDlp.cookiesFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(file.toAbsolutePath().normalize().startsWith(
                exports.folder(batch.id()).getParent().toAbsolutePath().normalize())).as("inside the output root").isFalse();

        assertThat(batches.retryFailed(batch.id())).isEqualTo(1);
        engine.awaitFinished(batch);
        assertThat(engine.queries().get(batch.id()).status()).as(engine.failures(batch))
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(engine.queries().items(batch.id())).extracting(VideoItem::status).containsOnly(ItemStatus.COMPLETED);

        // Each call had a copy of its own, gone after the call; the stored file is as the admin gave it.
        List<String> copies = FakeYtDlp.argvs(EngineHarness.FAKE).stream().filter(a -> a.contains("--cookies"))
                .map(a -> a.get(a.indexOf("--cookies") + 1)).toList();
        assertThat(copies).isNotEmpty().doesNotHaveDuplicates()
                .noneMatch(copy -> Path.of(copy).toAbsolutePath().equals(file.toAbsolutePath()))
                .allSatisfy(copy -> assertThat(Path.of(copy)).doesNotExist());
        assertThat(Files.readString(file)).isEqualTo(COOKIES);

        // The value is nowhere people or files can see.
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        exports.writeZip(batch.id(), List.of(), zip);
        StringBuilder unzipped = new StringBuilder();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                unzipped.append(entry.getName()).append('\n')
                        .append(new String(entries.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(unzipped).contains("manifest");
        List<String> seen = List.of(output.getAll(), unzipped.toString(),
                JSON.writeValueAsString(api.status()), JSON.writeValueAsString(api.cookies()),
                JSON.writeValueAsString(engine.queries().items(batch.id())), engine.failures(batch));
        assertThat(seen).noneMatch(text -> text.contains(SECRET));
    }

    @Test
    void a_file_that_is_not_a_netscape_cookies_file_is_refused_naming_the_line_but_never_its_text() {
        assertThatThrownBy(() -> api.storeCookies("# Netscape HTTP Cookie File\n.youtube.com\tTRUE\t/\n"))
                .hasMessageStartingWith("Line 2: not a Netscape cookie line").message().doesNotContain("youtube");
        assertThatThrownBy(() -> api.storeCookies(".youtube.com\tTRUE\t/\tTRUE\tsoon\tSID\t" + SECRET + "\n"))
                .hasMessageStartingWith("Line 1: the expiry").message().doesNotContain(SECRET);
        assertThat(api.cookies().present()).isFalse();
    }
}
