package dev.tubebatch.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.lingala.zip4j.io.outputstream.ZipOutputStream;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.CompressionLevel;
import net.lingala.zip4j.model.enums.CompressionMethod;

/**
 * Streams files of a batch folder as a ZIP: entries are written as they are read, so the archive is never held in
 * memory. Every entry name is {@code <batch-folder>/<generated parts>} and is checked part by part, so an entry can
 * never point outside its root when unpacked.
 */
final class BatchZip {

    private BatchZip() {}

    /** A file to put in the archive under {@code name} (relative to the archive's root folder). */
    record Entry(String name, Path file) {}

    static void write(String root, List<Entry> entries, OutputStream out) throws IOException {
        checkName(root);
        // zip4j closes the stream it wraps; the caller owns it (a servlet response, say), so it is shielded.
        try (ZipOutputStream zip = new ZipOutputStream(new NonClosing(out))) {
            byte[] buffer = new byte[1 << 16];
            for (Entry entry : entries) {
                String name = root + "/" + entry.name();
                checkName(name);
                ZipParameters parameters = new ZipParameters();
                parameters.setFileNameInZip(name);
                parameters.setLastModifiedFileTime(Files.getLastModifiedTime(entry.file()).toMillis());
                // Deflate for every entry, the PDF too: a stored entry followed by a data descriptor (which
                // streaming needs) is something java.util.zip and other readers refuse.
                parameters.setCompressionMethod(CompressionMethod.DEFLATE);
                parameters.setCompressionLevel(CompressionLevel.FASTER);
                zip.putNextEntry(parameters);
                try (InputStream in = Files.newInputStream(entry.file())) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        zip.write(buffer, 0, n);
                    }
                }
                zip.closeEntry();
            }
        }
        out.flush();
    }

    /** Refuses an entry name that is absolute, climbs up, or has a part a generated name never has. */
    static void checkName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/")) {
            throw new IllegalArgumentException("Refusing the ZIP entry name " + name);
        }
        for (String part : name.split("/", -1)) {
            if (!SafeNames.isSafePart(part)) {
                throw new IllegalArgumentException("Refusing the ZIP entry name " + name);
            }
        }
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
