package dev.tubebatch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 10,000 random and mutated lines: no exception escapes the grammar or the line reader, every line is either a
 * reference or a rejection with a reason, and every accepted reference's canonical URL reads back as itself.
 * The seed is fixed so a failure repeats; the failing line is printed.
 */
class UrlGrammarFuzzTest {

    private static final long SEED = 20261124L;
    private static final int LINES = 10_000;
    private static final List<String> SEEDS = List.of(
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&index=3",
            "https://youtu.be/dQw4w9WgXcQ?si=abc", "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://m.youtube.com/live/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://music.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG",
            "https://www.youtube.com/@veritasium/streams", "https://www.youtube.com/channel/UCHnyfMqiRRG1u-2MsSQLbXA",
            "https://www.youtube.com/c/Veritasium", "https://www.youtube.com/user/1veritasium/videos",
            "dQw4w9WgXcQ", "javascript:alert(1)", "-o/etc/passwd", "file:///etc/passwd", "url,title",
            "\"https://youtu.be/dQw4w9WgXcQ\",x");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "-_.~:/?#[]@!$&'()*+,;=%\"\\ \t\u0000\u00e9\u4e2d\ud83d\ude00\ufeff\r\n<>{}|^`";

    @Test
    void ten_thousand_random_and_mutated_lines_never_throw() {
        Random random = new Random(SEED);
        List<String> lines = new ArrayList<>(LINES);
        for (int i = 0; i < LINES; i++) {
            lines.add(i % 3 == 0 ? randomLine(random) : mutate(SEEDS.get(random.nextInt(SEEDS.size())), random));
        }
        int accepted = 0;
        for (String line : lines) {
            try {
                YouTubeUrls.Parsed parsed = YouTubeUrls.parse(line);
                if (parsed.isOk()) {
                    accepted++;
                    assertThat(parsed.error()).as(line).isNull();
                    YouTubeUrls.Parsed again = YouTubeUrls.parse(parsed.ref().canonicalUrl());
                    assertThat(again.ref()).as("canonical form of %s", line).isEqualTo(parsed.ref());
                } else {
                    assertThat(parsed.error()).as(line).isNotBlank();
                }
            } catch (RuntimeException e) {
                fail("parse threw on " + escape(line), e);
            }
        }
        // The mutations keep many lines valid: the test would be weak if nearly all were rejected.
        assertThat(accepted).isBetween(LINES / 20, LINES - LINES / 20);

        UrlListReader reader = new UrlListReader(new IntakeLimits(10_000_000, 100_000, null, null, null, null));
        for (int chunk = 0; chunk < LINES; chunk += 500) {
            String text = String.join("\n", lines.subList(chunk, chunk + 500));
            try {
                UrlList list = reader.read(text);
                assertThat(list.entries().size() + list.rejections().size()).isPositive();
                list.rejections().forEach(r -> assertThat(r.reason()).isNotBlank());
                reader.read(text.getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException expected) {
                // a chunk holding a NUL byte is a binary file: refused whole, with a message
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                fail("the reader threw on chunk " + chunk, e);
            }
        }
    }

    private static String randomLine(Random random) {
        int length = random.nextInt(random.nextInt(10) == 0 ? 3000 : 80);
        StringBuilder line = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            line.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return line.toString();
    }

    private static String mutate(String seed, Random random) {
        StringBuilder line = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !line.isEmpty(); e++) {
            int at = random.nextInt(line.length());
            switch (random.nextInt(6)) {
                case 0 -> line.deleteCharAt(at);
                case 1 -> line.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> line.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 3 -> line.insert(at, "%" + "0123456789ABCDEFZ".charAt(random.nextInt(17)));
                case 4 -> line.setLength(at);
                default -> { } // unchanged: keeps a share of valid lines
            }
        }
        return line.toString();
    }

    private static String escape(String line) {
        StringBuilder out = new StringBuilder();
        line.chars().forEach(c -> out.append(c < 32 || c > 126 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
