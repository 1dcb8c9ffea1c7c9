package dev.tubebatch.intake;

import dev.tubebatch.youtube.FakeYtDlp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The fake yt-dlp with intake's fixtures next to it: flat listings ({@code playlists/}, yt-dlp's
 * {@code --flat-playlist -J} shape) and video metadata ({@code videos/}) from
 * {@code src/test/resources/dev/tubebatch/intake/fake}. Used by the intake and view tests.
 */
public final class IntakeFixtures {

    static final List<String> FILES = List.of("playlists/PLintakeFilters.json", "playlists/@intakechannel.json",
            "playlists/@intakeshorts.json", "videos/filtAAAAA09.json", "videos/filtAAAAA07.json", "videos/chanAAAAA01.json", "videos/pasteAAAA01.json",
            "videos/pasteAAAA02.json", "videos/pasteAAAA03.json");

    private IntakeFixtures() {}

    /** A fresh copy of the fake with the fixtures, under target/test-bin. */
    public static Path installFake(String name) {
        Path fake = FakeYtDlp.install(Path.of("target", "test-bin", name + "-" + UUID.randomUUID()));
        for (String file : FILES) {
            try (InputStream in = IntakeFixtures.class.getResourceAsStream("/dev/tubebatch/intake/fake/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + file);
                }
                Path target = fake.resolveSibling(file);
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fake.toAbsolutePath();
    }
}
