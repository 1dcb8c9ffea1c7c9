package dev.tubebatch.inference;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a generator under src/test/python with Debian's /usr/bin/python3 (python3-onnx, python3-numpy) once per
 * build into target/tiny-models/NAME. Tests are skipped, saying why, where that Python lacks onnx.
 */
public final class TinyGraphs {

    private TinyGraphs() {}

    public static synchronized Path generate(String script, String name) throws IOException, InterruptedException {
        Path out = Path.of("target", "tiny-models", name).toAbsolutePath();
        if (Files.isRegularFile(out.resolve("done"))) {
            return out;
        }
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "/usr/bin/python3 is not installed");
        Process process = new ProcessBuilder(python.toString(), Path.of("src", "test", "python", script).toString(),
                out.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish in 120 s");
        }
        assumeTrue(!output.contains("No module named 'onnx'") && !output.contains("No module named 'numpy'"),
                "/usr/bin/python3 lacks onnx or numpy (apt-get install python3-onnx python3-numpy)");
        if (process.exitValue() != 0) {
            throw new IllegalStateException(script + " failed:\n" + output);
        }
        Files.writeString(out.resolve("done"), "");
        return out;
    }
}
