package dev.tubebatch.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GPU memory from {@code nvidia-smi --query-gpu=index,memory.total,memory.used --format=csv,noheader,nounits}, the
 * index being the one CUDA's device ids follow (without {@code CUDA_VISIBLE_DEVICES}). No nvidia-smi, one that fails,
 * "No devices were found", and a GPU whose memory reads {@code [N/A]} (MIG, some virtual GPUs) all mean no usable
 * GPU memory figure: one log line per distinct cause, never an exception.
 */
public class GpuProbe {

    private static final Logger log = LoggerFactory.getLogger(GpuProbe.class);
    static final List<String> ARGUMENTS = List.of("--query-gpu=index,memory.total,memory.used",
            "--format=csv,noheader,nounits");
    private static final int MAX_LINES = 64;

    private final String executable;
    private volatile @Nullable String lastLogged;

    public GpuProbe(String executable) {
        this.executable = executable;
    }

    /** The GPUs with a memory figure; empty without one. */
    public List<Gpu> gpus() {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(ARGUMENTS);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readNBytes(64 * 1024);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return unusable("nvidia-smi did not answer in 10 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                return unusable("nvidia-smi exited with " + process.exitValue() + ": " + firstLine(text));
            }
            List<String> problems = new ArrayList<>();
            List<Gpu> gpus = parse(text, problems::add);
            if (!problems.isEmpty()) {
                note("nvidia-smi gives no usable memory figure for " + String.join("; ", problems)
                        + (gpus.isEmpty() ? "" : " (the other GPUs are used)"));
            } else if (gpus.isEmpty()) {
                note("nvidia-smi lists no GPU");
            } else {
                lastLogged = null; // readable again: a later problem is logged anew
            }
            return gpus;
        } catch (IOException e) {
            return unusable(executable + " cannot be run (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The free memory of one GPU (a CUDA device id), empty when it has no memory figure. */
    public OptionalLong freeMib(int index) {
        return gpus().stream().filter(g -> g.index() == index).mapToLong(Gpu::freeMib).findFirst();
    }

    /**
     * Parses nvidia-smi's CSV, one GPU a line: "index, total, used" in MiB. A line that is not three whole numbers
     * ({@code [N/A]}, {@code [Not Supported]}, "No devices were found") is left out and told to {@code unusable},
     * which gets the line's number and text.
     */
    static List<Gpu> parse(String csv, Consumer<String> unusable) {
        List<Gpu> gpus = new ArrayList<>();
        String[] lines = csv.strip().split("\\R");
        for (int i = 0; i < lines.length && i < MAX_LINES; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",");
            try {
                if (fields.length != 3) {
                    throw new NumberFormatException();
                }
                int index = Integer.parseInt(fields[0].strip());
                long total = Long.parseLong(fields[1].strip());
                long used = Long.parseLong(fields[2].strip());
                if (index < 0 || total <= 0 || used < 0) {
                    throw new NumberFormatException();
                }
                gpus.add(new Gpu(index, total, used));
            } catch (NumberFormatException e) {
                unusable.accept("line " + (i + 1) + " '" + abbreviated(line) + "'");
            }
        }
        return gpus;
    }

    private List<Gpu> unusable(String why) {
        note(why);
        return List.of();
    }

    /** Logs a cause once, and again only when it changes: the probe runs every few seconds. */
    private void note(String why) {
        if (!why.equals(lastLogged)) {
            lastLogged = why;
            log.info("No usable GPU memory figure: {}", why);
        }
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return abbreviated(newline < 0 ? stripped : stripped.substring(0, newline));
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
