package dev.tubebatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docker-compose.yml and the Dockerfile say what the README says. */
class DeploymentFilesTest {

    @Test
    void compose_validates_where_docker_compose_is_installed() throws Exception {
        Assumptions.assumeTrue(run("docker", "compose", "version") == 0, "docker compose is not installed here");
        ProcessBuilder config = new ProcessBuilder("docker", "compose", "-f", "docker-compose.yml", "config", "-q")
                .redirectErrorStream(true);
        config.environment().put("POSTGRES_PASSWORD", "check");
        config.environment().put("TUBEBATCH_DASHBOARD_PASSWORD", "check");
        Process process = config.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void compose_runs_one_web_node_and_scalable_workers_with_a_liveness_check() throws IOException {
        String compose = Files.readString(Path.of("docker-compose.yml"));
        assertThat(compose).contains("TUBEBATCH_NODE_ROLE: web").contains("TUBEBATCH_NODE_ROLE: worker")
                .contains("/actuator/health/liveness").contains("--scale worker=");
        assertThat(compose).doesNotContainPattern("PASSWORD: [^$]");
    }

    @Test
    void compose_publishes_the_job_dashboard_on_the_hosts_loopback_only_and_sets_no_password_of_its_own()
            throws IOException {
        String compose = Files.readString(Path.of("docker-compose.yml"));
        assertThat(compose).contains("- \"127.0.0.1:8000:8000\"").doesNotContain("- \"8000:8000\"")
                .doesNotContain("tubebatch-dev").contains("TUBEBATCH_DASHBOARD_PASSWORD: ${TUBEBATCH_DASHBOARD_PASSWORD:-}");
    }

    @Test
    void the_dockerfile_builds_the_jar_with_the_readmes_command() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(readme).contains("./mvnw -Pproduction -DskipTests package");
        assertThat(dockerfile).contains("-Pproduction -DskipTests package").contains("USER tubebatch")
                .contains("yt-dlp").contains("ffmpeg");
    }

    @Test
    void the_build_stage_installs_npm_from_the_base_images_packages_so_the_image_carries_the_speech_model()
            throws IOException {
        String build = buildStage(Files.readString(Path.of("Dockerfile")));
        assertThat(build).contains("FROM eclipse-temurin:25-jdk AS build")
                .containsPattern("apt-get install -y --no-install-recommends [^\\n]*\\bnpm\\b")
                .contains("./mvnw -B -ntp -Pproduction -DskipTests package")
                .doesNotContain("tubebatch.models.skip");
        // The production package fails when the jar lacks a model: the check runs in the package phase.
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<id>check-packaged-models</id>").contains("check-packaged-models.sh");
    }

    @Test
    void the_gpu_image_runs_the_same_jar_on_cuda_12_and_cudnn_9_with_java_25() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        String gpu = Files.readString(Path.of("Dockerfile.gpu"));
        assertThat(buildStage(gpu)).as("the GPU image's build stage is the Dockerfile's").isEqualTo(
                buildStage(dockerfile));
        assertThat(gpu).containsPattern("ARG CUDA_IMAGE=nvidia/cuda:12\\.[0-9.]+-cudnn-runtime-ubuntu24\\.04")
                .contains("ARG JAVA_IMAGE=eclipse-temurin:25-jre").contains("COPY --from=java /opt/java/openjdk")
                .contains("FROM ${CUDA_IMAGE}").contains("yt-dlp").contains("ffmpeg").contains("USER tubebatch")
                .contains("TUBEBATCH_INFERENCE_PROVIDER=cuda");
        assertThat(lastLine(gpu, "ENTRYPOINT")).isEqualTo(lastLine(dockerfile, "ENTRYPOINT"));
        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("<onnxruntime.version>1.29.0</onnxruntime.version>");
        String cudaImage = gpu.replaceAll("(?s).*ARG CUDA_IMAGE=(\\S+).*", "$1");
        assertThat(Files.readString(Path.of("README.md"))).as("the README's GPU table")
                .contains("| `com.microsoft.onnxruntime:onnxruntime_gpu` | 1.29.0").contains("| cuDNN | 9.x |")
                .contains("`" + cudaImage + "`").contains("| Java | 25");
    }

    @Test
    void the_gpu_profile_adds_workers_that_each_reserve_a_gpu() throws IOException {
        String compose = Files.readString(Path.of("docker-compose.yml"));
        String gpuWorker = compose.substring(compose.indexOf("  worker-gpu:"));
        gpuWorker = gpuWorker.substring(0, gpuWorker.indexOf("\nvolumes:"));
        assertThat(gpuWorker).contains("profiles: [gpu]").contains("dockerfile: Dockerfile.gpu")
                .contains("TUBEBATCH_NODE_ROLE: worker").contains("TUBEBATCH_INFERENCE_PROVIDER: cuda")
                .contains("    deploy:\n      resources:\n        reservations:\n          devices:\n"
                        + "            - driver: nvidia\n              count: 1\n              capabilities: [gpu]\n");
        String cpuWorker = compose.substring(compose.indexOf("  worker:"), compose.indexOf("  worker-gpu:"));
        assertThat(cpuWorker).doesNotContain("profiles:").doesNotContain("driver: nvidia");
    }

    /** From the build stage's FROM to the first blank line. */
    private static String buildStage(String dockerfile) {
        int start = dockerfile.indexOf("FROM eclipse-temurin:25-jdk AS build");
        assertThat(start).as("a build stage").isNotNegative();
        int end = dockerfile.indexOf("\n\n", start);
        return dockerfile.substring(start, end < 0 ? dockerfile.length() : end).strip();
    }

    private static String lastLine(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b).orElse("");
    }

    @Test
    void the_image_installs_a_pinned_yt_dlp_and_its_javascript_runtime_named_by_documented_build_arguments()
            throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        var ytDlp = java.util.regex.Pattern.compile("(?m)^ARG YTDLP_VERSION=(\\S+)$").matcher(dockerfile);
        var deno = java.util.regex.Pattern.compile("(?m)^ARG DENO_VERSION=(\\d+\\.\\d+\\.\\d+)$").matcher(dockerfile);
        assertThat(ytDlp.find()).as("ARG YTDLP_VERSION=<release>").isTrue();
        assertThat(deno.find()).as("ARG DENO_VERSION=<x.y.z>").isTrue();
        assertThat(dev.tubebatch.youtube.YtDlpVersion.parse(ytDlp.group(1))).as("a yt-dlp release date").isPresent();
        assertThat(dockerfile).contains("yt-dlp[default]==${YTDLP_VERSION}").contains("v${DENO_VERSION}")
                .contains("--build-arg YTDLP_VERSION=");
        // The GPU image installs the same pinned versions.
        String gpu = Files.readString(Path.of("Dockerfile.gpu"));
        assertThat(gpu).contains("ARG YTDLP_VERSION=" + ytDlp.group(1)).contains("ARG DENO_VERSION=" + deno.group(1))
                .contains("yt-dlp[default]==${YTDLP_VERSION}").contains("v${DENO_VERSION}");
        assertThat(Files.readString(Path.of("docs", "ARCHITECTURE.md"))).contains("YTDLP_VERSION")
                .contains("DENO_VERSION");
    }

    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
