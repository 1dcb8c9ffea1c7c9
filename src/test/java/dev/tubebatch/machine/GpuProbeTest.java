package dev.tubebatch.machine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * nvidia-smi as machines really answer it, played by small scripts that check their arguments: whole numbers,
 * {@code [N/A]} (drivers that cannot read the memory), MIG mode, no device at all, and several GPUs.
 */
class GpuProbeTest {

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(GpuProbe.class);

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void one_gpu_with_whole_numbers_is_read() throws IOException {
        GpuProbe probe = new GpuProbe(nvidiaSmi("0, 16384, 4096", 0));

        assertThat(probe.gpus()).containsExactly(new Gpu(0, 16384, 4096));
        assertThat(probe.freeMib(0)).hasValue(12288);
        assertThat(logged.list).isEmpty();
    }

    @Test
    void memory_that_reads_not_available_means_no_figure_logged_once_and_never_an_exception() throws IOException {
        GpuProbe probe = new GpuProbe(nvidiaSmi("0, [N/A], [N/A]", 0));

        for (int i = 0; i < 3; i++) {
            assertThat(probe.gpus()).isEmpty();
        }
        assertThat(probe.freeMib(0)).isEmpty();
        assertThat(messages()).containsExactly(
                "No usable GPU memory figure: nvidia-smi gives no usable memory figure for line 1 '0, [N/A], [N/A]'");
    }

    @Test
    void a_gpu_in_mig_mode_counts_as_no_figure_while_a_readable_one_beside_it_is_used() throws IOException {
        // In MIG mode the memory fields of the whole GPU are not supported; its slices are not listed here.
        GpuProbe probe = new GpuProbe(nvidiaSmi("0, [N/A], [N/A]\n1, 81559, 0", 0));

        assertThat(probe.gpus()).containsExactly(new Gpu(1, 81559, 0));
        assertThat(messages()).singleElement().asString().contains("line 1 '0, [N/A], [N/A]'")
                .endsWith("(the other GPUs are used)");
    }

    @Test
    void no_devices_found_with_either_exit_code_means_no_gpu() throws IOException {
        assertThat(new GpuProbe(nvidiaSmi("No devices were found", 6)).gpus()).isEmpty();
        assertThat(new GpuProbe(nvidiaSmi("No devices were found", 0)).gpus()).isEmpty();
        assertThat(messages()).containsExactly(
                "No usable GPU memory figure: nvidia-smi exited with 6: No devices were found",
                "No usable GPU memory figure: nvidia-smi gives no usable memory figure for line 1 "
                        + "'No devices were found'");
    }

    @Test
    void a_missing_or_failing_nvidia_smi_means_no_gpu() throws IOException {
        assertThat(new GpuProbe(dir.resolve("no-such-nvidia-smi").toString()).gpus()).isEmpty();
        assertThat(new GpuProbe(nvidiaSmi("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA "
                + "driver.", 9)).gpus()).isEmpty();
        assertThat(messages()).hasSize(2);
    }

    @Test
    void several_gpus_keep_nvidia_smis_indexes_and_only_the_configured_device_limits() throws IOException {
        GpuProbe probe = new GpuProbe(nvidiaSmi("0, 24576, 24000\n1, 24576, 576\n", 0));

        assertThat(probe.gpus()).containsExactly(new Gpu(0, 24576, 24000), new Gpu(1, 24576, 576));
        assertThat(probe.freeMib(1)).hasValue(24000);
        assertThat(probe.freeMib(2)).isEmpty();
        assertThat(new MachineProbe(probe).snapshot().gpu(0)).hasValue(new Gpu(0, 24576, 24000));
    }

    @Test
    void nvidia_smi_that_cannot_be_read_leaves_the_worker_count_to_the_cpu_at_start() throws IOException {
        for (String answer : List.of("0, [N/A], [N/A]", "No devices were found", "")) {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                    "jobrunr.background-job-server.enabled", "true",
                    "tubebatch.resources.nvidia-smi", nvidiaSmi(answer, 0))));

            new AdvisedWorkerCount().postProcessEnvironment(environment, null);

            assertThat(environment.getRequiredProperty(AdvisedWorkerCount.IO_WORKERS, Integer.class)).as(answer)
                    .isBetween(1, ResourceAdvisor.MAX_WORKERS);
        }
    }

    @Test
    void the_worker_count_at_start_counts_the_configured_device_only() throws IOException {
        // Device 0 is full, device 1 empty: one slot on 0, eight on 1 (and so more workers, memory allowing).
        org.junit.jupiter.api.Assumptions.assumeTrue(new MachineProbe(new GpuProbe("no-such-nvidia-smi")).snapshot()
                .availableMemory() > 6L << 30, "less than 6 GiB of memory available: memory would cap both counts");
        String smi = nvidiaSmi("0, 8192, 8192\n1, 81559, 0", 0);
        int onFull = workers(smi, "0");
        int onEmpty = workers(smi, "1");
        assertThat(onEmpty).isGreaterThan(onFull);
    }

    private int workers(String smi, String device) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "jobrunr.background-job-server.enabled", "true", "tubebatch.resources.nvidia-smi", smi,
                ResourceAdvisor.CUDA_DEVICE_PROPERTY, device)));
        new AdvisedWorkerCount().postProcessEnvironment(environment, null);
        return environment.getRequiredProperty(AdvisedWorkerCount.PROPERTY, Integer.class);
    }

    private List<String> messages() {
        List<String> out = new ArrayList<>();
        logged.list.forEach(e -> out.add(e.getFormattedMessage()));
        return out;
    }

    /** A fake nvidia-smi that insists on the probe's arguments, prints {@code answer} and exits with {@code code}. */
    private String nvidiaSmi(String answer, int code) throws IOException {
        Path script = Files.createTempFile(dir, "nvidia-smi", "");
        Files.writeString(script, "#!/bin/sh\n"
                + "[ \"$1\" = \"--query-gpu=index,memory.total,memory.used\" ] || { echo \"bad $1\"; exit 2; }\n"
                + "[ \"$2\" = \"--format=csv,noheader,nounits\" ] || { echo \"bad $2\"; exit 2; }\n"
                + "cat <<'ANSWER'\n" + answer + "\nANSWER\nexit " + code + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }
}
