package dev.tubebatch.inference.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Speaks known text with espeak-ng into a WAV file (22,050 Hz mono, as espeak writes it). The voice is espeak's "en"
 * at 150 words a minute; TEST_ESPEAK_VOICE and TEST_ESPEAK_SPEED try others (en-us scores about 10 points worse).
 */
public final class Espeak {

    private Espeak() {}

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/espeak-ng"));
    }

    public static Path speak(String text, Path wav) {
        try {
            Process process = new ProcessBuilder(List.of("espeak-ng", "-v", envOr("TEST_ESPEAK_VOICE", "en"), "-s", envOr("TEST_ESPEAK_SPEED", "150"), "-w", wav.toString(),
                    "--", text)).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("espeak-ng did not finish in 60 s");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(wav)) {
                throw new IllegalStateException("espeak-ng failed with exit code " + process.exitValue());
            }
            return wav;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run espeak-ng", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
