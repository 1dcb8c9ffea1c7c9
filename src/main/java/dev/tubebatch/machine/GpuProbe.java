package dev.tubebatch.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GPU memory from {@code nvidia-smi --query-gpu=memory.total,memory.used --format=csv,noheader,nounits}. No
 * nvidia-smi, or one that fails, means no GPU: logged once, never an error.
 */
public class GpuProbe {

    private static final Logger log = LoggerFactory.getLogger(GpuProbe.class);
    static final List<String> ARGUMENTS = List.of("--query-gpu=memory.total,memory.used",
            "--format=csv,noheader,nounits");

    private final String executable;
    private volatile boolean absenceLogged;

    public GpuProbe(String executable) {
        this.executable = executable;
    }

    public List<Gpu> gpus() {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(ARGUMENTS);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readNBytes(64 * 1024);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return absent("nvidia-smi did not answer in 10 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                return absent("nvidia-smi exited with " + process.exitValue() + ": " + text.strip());
            }
            return parse(text);
        } catch (IOException e) {
            return absent(executable + " cannot be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** Parses nvidia-smi's CSV, one GPU a line: "total, used" in MiB. */
    static List<Gpu> parse(String csv) {
        List<Gpu> gpus = new ArrayList<>();
        String[] lines = csv.strip().split("\\R");
        for (int i = 0; i < lines.length && i < 64; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length != 2) {
                throw new IllegalArgumentException("nvidia-smi line " + (i + 1) + ": expected 'total, used', got '"
                        + line + "'");
            }
            try {
                gpus.add(new Gpu(gpus.size(), Long.parseLong(fields[0].strip()), Long.parseLong(fields[1].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("nvidia-smi line " + (i + 1) + ": not numbers in MiB: '" + line
                        + "'");
            }
        }
        return gpus;
    }

    private List<Gpu> absent(String why) {
        if (!absenceLogged) {
            absenceLogged = true;
            log.info("No GPU seen: {}", why);
        }
        return List.of();
    }
}
