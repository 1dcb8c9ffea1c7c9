package dev.tubebatch.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tubebatch.inference.summary.MiniLmEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    record FakeModel(int number, AtomicInteger closed) implements AutoCloseable {
        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void a_model_asked_for_by_many_threads_at_once_is_loaded_once_and_shared() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        ModelRegistry registry = new ModelRegistry(ExecutionProviders.cpu(1));
        ModelRegistry.Handle<FakeModel> handle = registry.register("fake", "memory", () -> {
            sleep(100);
            return new FakeModel(loads.incrementAndGet(), closed);
        }, m -> 1234);
        assertThat(registry.models()).singleElement().satisfies(m -> assertThat(m.loaded()).isFalse());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<FakeModel>> got = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            got.add(pool.submit(handle::get));
        }
        for (Future<FakeModel> model : got) {
            assertThat(model.get(10, TimeUnit.SECONDS).number()).isEqualTo(1);
        }
        pool.shutdown();

        assertThat(loads.get()).isEqualTo(1);
        assertThat(registry.register("fake", "memory", () -> new FakeModel(99, closed), m -> 0)).isSameAs(handle);
        assertThat(registry.models()).singleElement().satisfies(m -> {
            assertThat(m.loaded()).isTrue();
            assertThat(m.bytes()).isEqualTo(1234);
        });
        assertThat(registry.loadedBytes()).isEqualTo(1234);
        registry.close();
        assertThat(closed.get()).isEqualTo(1);
    }

    @Test
    void load_all_loads_every_registered_model_for_eager_start() {
        AtomicInteger closed = new AtomicInteger();
        ModelRegistry registry = new ModelRegistry(ExecutionProviders.cpu(1));
        registry.register("b", "memory", () -> new FakeModel(2, closed), m -> 20);
        registry.register("a", "memory", () -> new FakeModel(1, closed), m -> 10);

        registry.loadAll();

        assertThat(registry.models()).extracting(ModelRegistry.ModelInfo::name).containsExactly("a", "b");
        assertThat(registry.models()).allMatch(ModelRegistry.ModelInfo::loaded);
        assertThat(registry.loadedBytes()).isEqualTo(30);
        registry.close();
        assertThat(closed.get()).isEqualTo(2);
    }

    @Test
    void a_configured_model_whose_files_are_absent_is_listed_as_missing_with_its_reason() {
        AtomicInteger closed = new AtomicInteger();
        ModelRegistry registry = new ModelRegistry(ExecutionProviders.cpu(1));
        registry.register("minilm", "memory", () -> new FakeModel(1, closed), m -> 10);
        registry.missing("whisper", "/models/whisper", "the folder lacks encoder_model.onnx");
        registry.missing("whisper", "/models/whisper", "told twice, listed once");

        assertThat(registry.models()).extracting(ModelRegistry.ModelInfo::name).containsExactly("minilm", "whisper");
        assertThat(registry.models().get(0).missing()).isNull();
        assertThat(registry.models().get(1)).satisfies(m -> {
            assertThat(m.loaded()).isFalse();
            assertThat(m.source()).isEqualTo("/models/whisper");
            assertThat(m.missing()).isEqualTo("the folder lacks encoder_model.onnx");
        });
        registry.close();
    }

    @Test
    void cuda_asked_for_on_a_machine_without_it_falls_back_to_the_cpu_and_says_why_once() throws Exception {
        assertThatThrownBy(() -> ExecutionProviders.Choice.parse("tpu"))
                .hasMessage("tubebatch.inference.provider: expected auto, cuda or cpu, got 'tpu'");
        ExecutionProviders auto = new ExecutionProviders(ExecutionProviders.Choice.AUTO, 0, 1);
        auto.options().close();
        auto.options().close();
        assumeFalse(auto.usesCuda(), "CUDA works here: the next test proves it runs the model");
        assertThat(auto.describe()).startsWith("cpu: CUDA device 0 is not usable (");
        ExecutionProviders required = new ExecutionProviders(ExecutionProviders.Choice.CUDA, 0, 1);
        assertThatThrownBy(required::options).hasMessageStartingWith(
                "tubebatch.inference.provider=cuda, but CUDA device 0 cannot be used");
    }

    @Test
    void on_a_gpu_the_cuda_provider_really_runs_the_model(@TempDir Path profiles) throws Exception {
        ExecutionProviders cuda = new ExecutionProviders(ExecutionProviders.Choice.AUTO, 0, 1);
        cuda.options().close();
        assumeTrue(cuda.usesCuda(), "no usable CUDA device here: " + cuda.describe());

        ExecutionProviders profiled = new ExecutionProviders(ExecutionProviders.Choice.CUDA, 0, 1)
                .profiledInto(profiles);
        try (MiniLmEmbedder minilm = MiniLmEmbedder.load(MiniLmEmbedder.BUNDLED, profiled)) {
            minilm.embed(List.of("The engine runs on the graphics card.", "Every node is placed once."));
        }

        assertThat(profiled.usesCuda()).isTrue();
        assertThat(OrtProfiles.read(profiles).sessions()).singleElement()
                .satisfies(session -> assertThat(session.nodes(OrtProfiles.CUDA)).as(session.toString()).isPositive());
    }

    @Test
    void the_profile_names_the_provider_that_ran_each_node(@TempDir Path profiles) throws Exception {
        try (MiniLmEmbedder minilm = MiniLmEmbedder.load(MiniLmEmbedder.BUNDLED,
                ExecutionProviders.cpu(1).profiledInto(profiles))) {
            minilm.embed(List.of("A sentence to embed."));
        }

        OrtProfiles.Session session = OrtProfiles.read(profiles).sessions().getFirst();
        assertThat(session.nodes(OrtProfiles.CPU)).isPositive();
        assertThat(session.nodes(OrtProfiles.CUDA)).isZero();
        assertThat(session.timeShare(OrtProfiles.CPU)).isEqualTo(1.0);
        assertThat(session.cpuOperators()).isNotEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
