package dev.tubebatch.intake;

import dev.tubebatch.batch.NewBatch;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Turns what a user handed over into the videos of a batch, and says what was left out and why. Nothing is
 * stored here: the caller shows the preview, then creates the batch from {@link Preview#videos()}.
 */
@Service
public class IntakeService {

    static final String NOT_EXPANDED = "playlists and channels are not expanded yet: paste the video URLs";

    private final IntakeLimits limits;

    IntakeService(IntakeLimits limits) {
        this.limits = limits;
    }

    /** The result of reading input: the videos in order, and every line left out with its reason. */
    public record Preview(List<NewBatch.NewVideo> videos, List<UrlList.Rejection> rejections) {
        public Preview {
            videos = List.copyOf(videos);
            rejections = List.copyOf(rejections);
        }
    }

    /**
     * Reads pasted text.
     *
     * @throws InputTooLargeException if the text is over the configured size or line limit
     */
    public Preview preview(String pastedText) {
        return preview(new UrlListReader(limits).read(pastedText));
    }

    /** Reads an uploaded URL file. */
    public Preview preview(byte[] fileContent) {
        return preview(new UrlListReader(limits).read(fileContent));
    }

    private Preview preview(UrlList list) {
        List<NewBatch.NewVideo> videos = new ArrayList<>();
        List<UrlList.Rejection> rejections = new ArrayList<>(list.rejections());
        for (UrlList.Entry entry : list.entries()) {
            if (entry.ref() instanceof YouTubeRef.Video video) {
                videos.add(new NewBatch.NewVideo(video.canonicalUrl(), video.videoId()));
            } else {
                rejections.add(new UrlList.Rejection(entry.line(), entry.ref().canonicalUrl(), NOT_EXPANDED));
            }
        }
        rejections.sort(java.util.Comparator.comparingInt(UrlList.Rejection::line));
        return new Preview(videos, rejections);
    }
}
