package dev.tubebatch.youtube;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Installs the fake yt-dlp (src/test/resources/fake-yt-dlp, see its README) into a folder and reads back what it
 * was asked to do. Tests elsewhere in tubebatch may use it too.
 */
public final class FakeYtDlp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FakeYtDlp() {}

    /** Copies the script into {@code directory} as an executable {@code yt-dlp} and returns its path. */
    public static Path install(Path directory) {
        try (InputStream script = FakeYtDlp.class.getResourceAsStream("/fake-yt-dlp/yt-dlp")) {
            if (script == null) {
                throw new IllegalStateException("fake-yt-dlp/yt-dlp is not on the test classpath");
            }
            Files.createDirectories(directory);
            Path fake = directory.resolve("yt-dlp");
            Files.copy(script, fake, StandardCopyOption.REPLACE_EXISTING);
            if (!fake.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + fake + " executable");
            }
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON object per call, oldest first: {@code argv} (without the program name), {@code id}, {@code pid}. */
    public static List<JsonNode> invocations(Path fake) {
        Path log = fake.resolveSibling("invocations.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        try {
            return Files.readAllLines(log).stream().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code faults.json} next to the fake (see the fake's README, "Fault injection"): from then on its
     * calls fail transiently or permanently, deterministically for the seed, and may take a simulated time.
     */
    public static void faults(Path fake, String json) {
        try {
            Files.writeString(fake.resolveSibling("faults.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fault the fake injected: the video, the call number for that video (null for permanent ones), the kind. */
    public record InjectedFault(String videoId, Integer call, String kind, boolean permanent) {}

    /** The faults injected so far, oldest first. */
    public static List<InjectedFault> injectedFaults(Path fake) {
        Path log = fake.resolveSibling("state").resolve("faults.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        try {
            return Files.readAllLines(log).stream().filter(line -> !line.isBlank()).map(JSON::readTree)
                    .map(f -> new InjectedFault(f.path("id").stringValue(),
                            f.path("call").isNull() ? null : f.path("call").intValue(), f.path("kind").stringValue(),
                            f.path("permanent").booleanValue()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code rate-limit.json} next to the fake: a video call beyond {@code calls} within {@code perSeconds}
     * (per {@code --proxy}) starts a block, in which every call fails with a bot check or a 429 and extends it; it
     * lifts after {@code quietSeconds} without calls.
     */
    public static void rateLimit(Path fake, int calls, double perSeconds, double quietSeconds) {
        try {
            Files.writeString(fake.resolveSibling("rate-limit.json"), "{\"calls\": " + calls + ", \"per_seconds\": "
                    + perSeconds + ", \"quiet_seconds\": " + quietSeconds + "}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A video call as the rate limit saw it: when (epoch seconds), which video, through which proxy, blocked or not. */
    public record RatedCall(double at, String videoId, String proxy, boolean blocked) {}

    /** The calls the rate limit saw, oldest first. */
    public static List<RatedCall> ratedCalls(Path fake) {
        Path log = fake.resolveSibling("state").resolve("rate.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        try {
            return Files.readAllLines(log).stream().filter(line -> !line.isBlank()).map(JSON::readTree)
                    .map(c -> new RatedCall(c.path("t").doubleValue(), c.path("id").stringValue(),
                            c.path("proxy").stringValue(), c.path("blocked").booleanValue()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arguments of each call, oldest first. */
    public static List<List<String>> argvs(Path fake) {
        return invocations(fake).stream()
                .map(call -> call.path("argv").valueStream().map(JsonNode::stringValue).toList())
                .toList();
    }
}
