package dev.tubebatch.inference.summary;

import dev.tubebatch.inference.Summarizer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.format.Durations;
import dev.tubebatch.inference.ExecutionProviders;
import dev.tubebatch.inference.TimedText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled MiniLM summarizer on texts whose central sentences are clear. */
class ExtractiveSummarizerTest {

    static final String CENTRAL = "To bake bread, you knead a dough of flour and yeast, let the dough rise, shape the "
            + "loaf and bake the bread in a hot oven.";
    static final List<String> OFF_TOPIC = List.of(
            "My cousin's cat likes to sleep on the red sofa all day.",
            "The football match on Saturday was cancelled because of the storm.",
            "Remember to subscribe to the channel and press the bell icon.");
    static final List<String> BREAD = List.of(
            "Today I want to show you how to bake a simple loaf of bread at home.",
            CENTRAL,
            "First, mix the flour and the salt in a large bowl, then add the yeast dissolved in warm water.",
            "Knead the dough for about ten minutes until it is smooth and elastic.",
            "Let the dough rise in a warm place until it has doubled in size, which takes about an hour.",
            "Shape the risen dough into a loaf and let it rise once more on the baking tray.",
            "Bake the bread in a hot oven for thirty minutes until the crust is golden brown.",
            "Let the baked loaf cool before you cut the bread, or the crumb will be gummy.");

    static MiniLmEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = MiniLmEmbedder.load(MiniLmEmbedder.BUNDLED, ExecutionProviders.cpu(2));
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void the_summary_keeps_the_central_sentence_and_leaves_the_digressions_out() {
        List<String> text = new ArrayList<>(BREAD);
        text.add(2, OFF_TOPIC.get(0));
        text.add(6, OFF_TOPIC.get(1));
        text.add(OFF_TOPIC.get(2));

        Summarizer.Result result = new ExtractiveSummarizer(() -> embedder, 3, 5)
                .summarize("Bread", String.join(" ", text));

        assertThat(result.method()).isEqualTo("extractive-minilm");
        assertThat(result.text()).contains(CENTRAL);
        for (String digression : OFF_TOPIC) {
            assertThat(result.text()).doesNotContain(digression);
            assertThat(result.keyPoints()).noneMatch(p -> p.contains(digression));
        }
    }

    @Test
    void a_point_said_three_times_is_summarized_once_and_sentences_keep_their_spoken_order() {
        List<String> text = new ArrayList<>(BREAD);
        text.add(4, CENTRAL);
        text.add(CENTRAL);

        Summarizer.Result result = new ExtractiveSummarizer(() -> embedder, 3, 3)
                .summarize("Bread", String.join(" ", text));

        assertThat(result.text().split(java.util.regex.Pattern.quote(CENTRAL), -1)).hasSize(2);
        List<Integer> positions = new ArrayList<>();
        for (String point : result.keyPoints()) {
            String sentence = point.substring(point.indexOf("] ") + 2);
            positions.add(text.indexOf(sentence));
        }
        assertThat(positions).doesNotContain(-1).isSorted();
    }

    @Test
    void key_points_carry_the_time_their_sentence_is_spoken() {
        List<TimedText> segments = new ArrayList<>();
        for (int i = 0; i < BREAD.size(); i++) {
            segments.add(new TimedText(i * 75.0, i * 75.0 + 10, BREAD.get(i)));
        }

        Summarizer.Result result = new ExtractiveSummarizer(() -> embedder, 2, 4).summarize("Bread", segments);

        assertThat(result.keyPoints()).hasSize(4);
        for (String point : result.keyPoints()) {
            String sentence = point.substring(point.indexOf("] ") + 2);
            int index = BREAD.indexOf(sentence);
            assertThat(point).startsWith("[" + Durations.timestamp(index * 75.0) + "] ");
        }
        assertThat(result.keyPoints()).anyMatch(p -> p.startsWith("[01:15] " + CENTRAL));
    }

    @Test
    void sentences_are_cut_at_their_ends_but_not_after_abbreviations_and_long_runs_are_cut_into_pieces() {
        List<Sentences.Sentence> sentences = Sentences.split(List.of(
                new TimedText(0, 5, "Dr. Smith came home. Was it late?"),
                new TimedText(5, 9, "Yes! It was.")));
        assertThat(sentences).extracting(Sentences.Sentence::text)
                .containsExactly("Dr. Smith came home.", "Was it late?", "Yes!", "It was.");
        assertThat(sentences).extracting(Sentences.Sentence::start).containsExactly(0.0, 0.0, 5.0, 5.0);

        String run = String.join(" ", java.util.Collections.nCopies(60, "word"));
        assertThat(Sentences.split(List.of(new TimedText(0, 1, run))))
                .extracting(s -> s.text().split(" ").length).containsExactly(25, 25, 10);
    }
}
