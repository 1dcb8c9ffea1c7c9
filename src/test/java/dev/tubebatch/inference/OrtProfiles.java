package dev.tubebatch.inference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ONNX Runtime's profiles (written by {@link ExecutionProviders#profiledInto}), read back: for each session, how many
 * node runs and how many microseconds each execution provider took, and which operators ran on the CPU. This is
 * what proves that CUDA really ran a model: a session created with CUDA can still place every node on the CPU.
 */
public record OrtProfiles(List<Session> sessions) {

    /** One session's profile file and its node runs per provider. */
    public record Session(String file, Map<String, Usage> providers, Map<String, Long> cpuOperators) {

        public long nodes(String provider) {
            Usage usage = providers.get(provider);
            return usage == null ? 0 : usage.nodes();
        }

        /** The share of node time the provider took, 0 to 1. */
        public double timeShare(String provider) {
            long total = providers.values().stream().mapToLong(Usage::micros).sum();
            Usage usage = providers.get(provider);
            return total == 0 || usage == null ? 0 : (double) usage.micros() / total;
        }
    }

    public record Usage(long nodes, long micros) {}

    public static final String CUDA = "CUDAExecutionProvider";
    public static final String CPU = "CPUExecutionProvider";

    public static OrtProfiles read(Path folder) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Session> sessions = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().limit(100).toList();
        }
        for (Path file : files) {
            Map<String, Usage> providers = new TreeMap<>();
            Map<String, Long> cpuOperators = new TreeMap<>();
            for (JsonNode event : json.readTree(file.toFile())) {
                JsonNode args = event.path("args");
                // Copies between the devices count for neither: they exist only around nodes that CUDA runs.
                if (!"Node".equals(event.path("cat").asString()) || !args.has("provider")
                        || args.path("op_name").asString().startsWith("Memcpy")) {
                    continue;
                }
                String provider = args.path("provider").asString();
                long micros = event.path("dur").asLong();
                providers.merge(provider, new Usage(1, micros),
                        (a, b) -> new Usage(a.nodes() + b.nodes(), a.micros() + b.micros()));
                if (provider.equals(CPU)) {
                    cpuOperators.merge(args.path("op_name").asString(), 1L, Long::sum);
                }
            }
            sessions.add(new Session(file.getFileName().toString(), providers, cpuOperators));
        }
        return new OrtProfiles(sessions);
    }
}
