package dev.tubebatch.intake;

/** What a line of input points at on YouTube. */
public sealed interface YouTubeRef permits YouTubeRef.Video, YouTubeRef.Playlist, YouTubeRef.Channel {

    /** The canonical URL, safe to hand to yt-dlp after {@code --}. */
    String canonicalUrl();

    /** One video, by its 11-character id. */
    record Video(String videoId) implements YouTubeRef {
        public Video {
            if (!YouTubeUrls.isVideoId(videoId)) {
                throw new IllegalArgumentException("not a video id: " + videoId);
            }
        }

        @Override
        public String canonicalUrl() {
            return "https://www.youtube.com/watch?v=" + videoId;
        }
    }

    /** A playlist, by its list id. */
    record Playlist(String listId) implements YouTubeRef {
        @Override
        public String canonicalUrl() {
            return "https://www.youtube.com/playlist?list=" + listId;
        }
    }

    /**
     * A channel: {@code kind} is {@code @} for a handle, or {@code channel}, {@code c}, {@code user};
     * {@code tab} is {@code videos}, {@code shorts} or {@code streams}.
     */
    record Channel(String kind, String name, String tab) implements YouTubeRef {
        @Override
        public String canonicalUrl() {
            String path = kind.equals("@") ? "@" + name : kind + "/" + name;
            return "https://www.youtube.com/" + path + "/" + tab;
        }
    }
}
