package dev.tubebatch.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.tubebatch.format.Durations;
import dev.tubebatch.intake.PreviewResult;
import dev.tubebatch.intake.YouTubeUrls;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The videos a preview found, in batch order: thumbnail, title, channel, duration, upload date and source line. */
class PreviewGrid extends Grid<PreviewResult.PreviewVideo> {

    PreviewGrid(List<PreviewResult.PreviewVideo> videos) {
        addColumn(new ComponentRenderer<>(PreviewGrid::thumbnail)).setHeader("").setKey("thumbnail")
                .setWidth("8.5em").setFlexGrow(0);
        addColumn(v -> v.title() == null ? v.videoId() : v.title()).setHeader("Title").setKey("title")
                .setFlexGrow(4);
        addColumn(v -> v.channel() == null ? "" : v.channel()).setHeader("Channel").setKey("channel")
                .setFlexGrow(2);
        addColumn(v -> v.durationSeconds() == null ? "" : Durations.elapsed(v.durationSeconds()))
                .setHeader("Duration").setKey("duration").setAutoWidth(true).setFlexGrow(0);
        addColumn(v -> v.uploadDate() == null ? "" : v.uploadDate().toString()).setHeader("Uploaded")
                .setKey("uploaded").setAutoWidth(true).setFlexGrow(0);
        addColumn(v -> v.source().toString()).setHeader("Source").setKey("source").setFlexGrow(2);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        addClassName("preview-videos");
        setWidthFull();
        setHeight(videos.size() > 8 ? "30em" : null);
        setAllRowsVisible(videos.size() <= 8);
        setItems(videos);
    }

    /**
     * YouTube's medium thumbnail of a video, built from its validated 11-character id only (never from input text);
     * null for anything else.
     */
    static @Nullable String thumbnailUrl(String videoId) {
        return YouTubeUrls.isVideoId(videoId) ? "https://i.ytimg.com/vi/" + videoId + "/mqdefault.jpg" : null;
    }

    static Component thumbnail(PreviewResult.PreviewVideo video) {
        String url = thumbnailUrl(video.videoId());
        if (url == null) {
            return new Span();
        }
        Image image = new Image(url, video.title() == null ? video.videoId() : video.title());
        image.setWidth("8em");
        image.getElement().setAttribute("loading", "lazy");
        image.addClassName("preview-thumbnail");
        return image;
    }
}
