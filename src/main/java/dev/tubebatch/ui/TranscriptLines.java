package dev.tubebatch.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.format.Durations;
import dev.tubebatch.search.SearchHit;
import java.util.List;

/**
 * A transcript, one line per segment, each line's timestamp linking to that moment of the video on YouTube
 * ({@link SearchHit#deepLink}). The library's video page and the batch view's drawer show transcripts this way.
 */
class TranscriptLines extends Div {

    /**
     * @param limit at most this many lines are shown; the rest is counted in a last line
     */
    TranscriptLines(String videoId, List<Segment> segments, int limit) {
        addClassName("transcript-lines");
        segments.stream().limit(limit).forEach(segment -> {
            Anchor moment = new Anchor(SearchHit.deepLink(videoId, segment.start()),
                    Durations.timestamp(segment.start()));
            moment.setTarget(AnchorTarget.BLANK);
            moment.getElement().setAttribute("rel", "noopener noreferrer");
            add(new Div(moment, new Span(" " + segment.text())));
        });
        if (segments.size() > limit) {
            add(new Div("… and " + (segments.size() - limit) + " more lines"));
        }
    }
}
