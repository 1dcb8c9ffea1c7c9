package dev.tubebatch.export;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param root the folder that holds one folder per batch */
@ConfigurationProperties("tubebatch.output")
public record OutputProperties(Path root) {

    public OutputProperties {
        root = root == null ? Path.of("output") : root;
    }
}
