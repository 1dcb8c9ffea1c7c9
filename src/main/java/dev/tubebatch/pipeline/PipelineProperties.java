package dev.tubebatch.pipeline;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param workDirectory scratch space for downloads; each item gets a folder, removed when the item ends */
@ConfigurationProperties("tubebatch.pipeline")
public record PipelineProperties(Path workDirectory) {

    public PipelineProperties {
        workDirectory = workDirectory == null ? Path.of(System.getProperty("java.io.tmpdir"), "tubebatch-work")
                : workDirectory;
    }
}
