package dev.tubebatch.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The embedded PostgreSQL superuser's password: random, made at the first start, kept in a file only its owner may
 * read, so that other users of the machine cannot connect while every tubebatch process of this user can.
 *
 * @param value the password itself; never logged
 * @param created whether this start made it (an existing database then still has to learn it)
 */
record DatabasePassword(String value, boolean created) {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int RANDOM_BYTES = 32; // 43 characters of base64url
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String toString() {
        return "DatabasePassword[created=" + created + "]";
    }

    /** Reads the password file, or makes one with a new password; tightens its permissions to owner-only. */
    static DatabasePassword loadOrCreate(Path file) throws IOException {
        String existing = read(file);
        if (existing != null) {
            restrict(file);
            return new DatabasePassword(existing, false);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // Created with owner-only permissions, never widened first; an empty file left by a crash is replaced.
        try {
            Files.createFile(file, ownerOnly());
        } catch (FileAlreadyExistsException e) {
            String raced = read(file);
            if (raced != null) {
                return new DatabasePassword(raced, false);
            }
        }
        restrict(file);
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        return new DatabasePassword(password, true);
    }

    /** The password in the file, or null when there is none yet. */
    static @Nullable String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? null : text;
    }

    private static FileAttribute<?>[] ownerOnly() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static void restrict(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
