package dev.tubebatch.export;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;

/** The headers of a file download, the same for the download links, the API and the library's exports. */
public final class DownloadHeaders {

    private DownloadHeaders() {}

    /** {@code Content-Disposition: attachment} with the file's name, encoded for any language (RFC 6266). */
    public static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }
}
