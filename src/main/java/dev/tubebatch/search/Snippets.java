package dev.tubebatch.search;

/**
 * Turns {@code ts_headline}'s output into safe HTML. PostgreSQL marks matches with whatever it is given and escapes
 * nothing, so it marks them with STX/ETX (which stored segment text never contains); here the text is escaped first
 * and only then are the marks turned into {@code <mark>} elements.
 */
public final class Snippets {

    static final char START = '\u0002';
    static final char STOP = '\u0003';
    /** ts_headline's options: the marks above, and the whole segment (segments are caption-sized). */
    static final String HEADLINE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP + ", HighlightAll=true";

    private Snippets() {}

    /**
     * Puts back what {@code search_text} replaced: {@code marked} is the headline of {@code search_text(original)},
     * which keeps every character in place, so each character that is not a mark is the original's next one. If the
     * two do not line up, the headline is returned as it is.
     */
    static String restore(String original, String marked) {
        StringBuilder restored = new StringBuilder(marked.length());
        int next = 0;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START || c == STOP) {
                restored.append(c);
            } else if (next < original.length()) {
                restored.append(original.charAt(next++));
            } else {
                return marked;
            }
        }
        return next == original.length() ? restored.toString() : marked;
    }

    public static String toHtml(String marked) {
        StringBuilder html = new StringBuilder(marked.length() + 32);
        boolean open = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> {
                    if (!open) {
                        html.append("<mark>");
                        open = true;
                    }
                }
                case STOP -> {
                    if (open) {
                        html.append("</mark>");
                        open = false;
                    }
                }
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        if (open) {
            html.append("</mark>");
        }
        return html.toString();
    }

    /** The snippet as plain text for a terminal, matches as {@code *word*}, other control characters as spaces. */
    public static String toPlain(String marked) {
        StringBuilder text = new StringBuilder(marked.length() + 8);
        marked.chars().forEach(c -> text.append(c == START || c == STOP ? '*'
                : Character.isISOControl(c) ? ' ' : (char) c));
        return text.toString();
    }
}
