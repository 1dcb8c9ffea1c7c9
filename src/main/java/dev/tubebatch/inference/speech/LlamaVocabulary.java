package dev.tubebatch.inference.speech;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SentencePiece vocabulary Moonshine writes its tokens in (LLaMA's 32,000 pieces, one a line). Decodes token ids
 * the way llama-tokenizer-js does: byte pieces {@code <0xNN>} are raw bytes, {@code ▁} is a space, and the leading
 * space is dropped. Ids past the vocabulary (Moonshine's extra special tokens) and control tokens are left out.
 */
final class LlamaVocabulary {

    private static final String SPACE = "\u2581";

    private final List<String> pieces;

    LlamaVocabulary(List<String> pieces) {
        if (pieces.size() < 3) {
            throw new IllegalArgumentException("vocabulary has " + pieces.size() + " pieces");
        }
        this.pieces = List.copyOf(pieces);
    }

    static LlamaVocabulary read(InputStream in) throws IOException {
        List<String> pieces = new ArrayList<>(32_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && pieces.size() < 1_000_000) {
                pieces.add(line);
            }
        }
        return new LlamaVocabulary(pieces);
    }

    int size() {
        return pieces.size();
    }

    String decode(List<Integer> ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            if (id < 3 || id >= pieces.size()) {
                continue; // <unk>, <s>, </s> and Moonshine's extra ids
            }
            String piece = pieces.get(id);
            if (piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
                bytes.write(Integer.parseInt(piece.substring(3, 5), 16));
            } else {
                bytes.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8).replace(SPACE, " ");
        return text.startsWith(" ") ? text.substring(1) : text;
    }
}
