package dev.tubebatch.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Where a model's files are: a folder on disk (configured models) or a folder inside the jar (bundled models). */
public sealed interface ModelSource {

    /** File names are fixed by the code, never taken from input; checked anyway so none leaves its folder. */
    Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    String describe();

    boolean has(String file);

    InputStream open(String file) throws IOException;

    default byte[] read(String file) {
        try (InputStream in = open(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " from " + describe(), e);
        }
    }

    static String checked(String file) {
        if (!FILE_NAME.matcher(file).matches() || file.startsWith(".")) {
            throw new IllegalArgumentException("not a model file name: " + file);
        }
        return file;
    }

    static ModelSource folder(Path folder) {
        return new Folder(folder.toAbsolutePath().normalize());
    }

    static ModelSource classpath(String folder) {
        return new Classpath(folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/");
    }

    record Folder(Path folder) implements ModelSource {
        @Override
        public String describe() {
            return folder.toString();
        }

        @Override
        public boolean has(String file) {
            return Files.isRegularFile(folder.resolve(checked(file)));
        }

        @Override
        public InputStream open(String file) throws IOException {
            return Files.newInputStream(folder.resolve(checked(file)));
        }
    }

    record Classpath(String folder) implements ModelSource {
        @Override
        public String describe() {
            return "classpath:" + folder;
        }

        @Override
        public boolean has(String file) {
            return ModelSource.class.getClassLoader().getResource(folder + checked(file)) != null;
        }

        @Override
        public InputStream open(String file) throws IOException {
            InputStream in = ModelSource.class.getClassLoader().getResourceAsStream(folder + checked(file));
            if (in == null) {
                throw new IOException("no " + file + " in " + describe());
            }
            return in;
        }
    }
}
