package dev.tubebatch.inference.summary;

import dev.tubebatch.inference.Summarizer;
import dev.tubebatch.format.Durations;
import dev.tubebatch.inference.TimedText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An abstractive summary with a seq2seq model: the transcript's sentences are grouped into pieces that fit the
 * encoder, each piece is summarized (these partial summaries are the key points, with the time their piece
 * starts), and the partial summaries are summarized again into one text; when they are still too long together,
 * they are grouped and merged once more (at most {@value #MAX_ROUNDS} rounds).
 */
public final class AbstractiveSummarizer implements Summarizer {

    static final int MAX_ROUNDS = 4;
    /** Room left in each piece for the tokens the tokenizer adds (prefix, end of sequence). */
    static final int MARGIN = 8;

    private final Supplier<Seq2SeqModel> model;
    private final int maxNewTokens;

    public AbstractiveSummarizer(Supplier<Seq2SeqModel> model, int maxNewTokens) {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("summary tokens must be at least 1: " + maxNewTokens);
        }
        this.model = model;
        this.maxNewTokens = maxNewTokens;
    }

    @Override
    public Result summarize(String title, String text) {
        return summarize(title, List.of(new TimedText(0, 0, text)));
    }

    @Override
    public Result summarize(String title, List<TimedText> segments) {
        Seq2SeqModel seq2seq = model.get();
        String method = "abstractive-" + seq2seq.family();
        List<Sentences.Sentence> sentences = Sentences.split(segments);
        if (sentences.isEmpty()) {
            return new Result(method, "", List.of());
        }
        int budget = Math.max(1, seq2seq.maxInputTokens() - MARGIN);
        List<Sentences.Sentence> partials = condense(sentences, budget, seq2seq);
        List<String> keyPoints = partials.size() < 2 ? List.of() : partials.stream()
                .map(p -> "[" + Durations.timestamp(p.start()) + "] " + p.text()).toList();
        List<Sentences.Sentence> level = partials;
        for (int round = 0; level.size() > 1 && round < MAX_ROUNDS; round++) {
            level = condense(level, budget, seq2seq);
        }
        String text = String.join(" ", level.stream().map(Sentences.Sentence::text).toList());
        return new Result(method, text, keyPoints);
    }

    /** Each group of sentences that fits the budget, summarized into one sentence dated at the group's start. */
    private List<Sentences.Sentence> condense(List<Sentences.Sentence> sentences, int budget, Seq2SeqModel seq2seq) {
        List<Sentences.Sentence> condensed = new ArrayList<>();
        for (List<Sentences.Sentence> piece : group(sentences, budget, seq2seq)) {
            String joined = String.join(" ", piece.stream().map(Sentences.Sentence::text).toList());
            condensed.add(new Sentences.Sentence(seq2seq.generate(joined, maxNewTokens), piece.get(0).start()));
        }
        return condensed;
    }

    /** Consecutive sentences in groups that fit the budget; a sentence longer than it is a group of its own. */
    static List<List<Sentences.Sentence>> group(List<Sentences.Sentence> sentences, int budget, Seq2SeqModel model) {
        return Groups.consecutive(sentences, sentence -> model.countTokens(sentence.text()), budget, Integer.MAX_VALUE);
    }
}
