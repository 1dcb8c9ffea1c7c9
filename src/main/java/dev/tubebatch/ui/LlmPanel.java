package dev.tubebatch.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import dev.tubebatch.inference.LanguageModel;
import dev.tubebatch.inference.LlmProperties;
import dev.tubebatch.inference.SummaryFailedException;
import org.jspecify.annotations.Nullable;

/**
 * The System view's LLM part: the endpoint and the model (never the key), and a "Test connection" button that makes
 * one small request, off the UI thread, and shows the model's answer or the error.
 */
class LlmPanel extends Div {

    static final String PROMPT = "Answer in at most five words: are you ready to summarize transcripts?";

    final Button test = new Button("Test connection");
    final Div result = new Div();
    private final @Nullable LanguageModel model;

    LlmPanel(LlmProperties settings, @Nullable LanguageModel model) {
        this.model = model;
        if (model == null) {
            add(new Paragraph("No LLM is configured (tubebatch.llm.base-url and tubebatch.llm.model)."));
            return;
        }
        add(new Paragraph("Endpoint " + model.endpoint() + " · model " + model.model() + " · context "
                + settings.contextTokens() + " tokens · " + settings.concurrency() + " calls at once · key "
                + (settings.apiKey() != null || settings.apiKeyFile() != null ? "set" : "not set")));
        test.addClickListener(click -> start(click.getSource().getUI().orElseThrow()));
        add(test, result);
    }

    private void start(UI ui) {
        LanguageModel llm = java.util.Objects.requireNonNull(model);
        test.setEnabled(false);
        result.removeAll();
        result.add(new Paragraph("Asking " + llm.model() + "…"));
        Thread.ofVirtual().name("llm-connection-test").start(() -> {
            String shown;
            boolean ok;
            try {
                LanguageModel.Reply reply = llm.askOnce("You answer briefly.", PROMPT, 32);
                shown = reply.text().strip() + "\n(" + reply.usage().millis() + " ms, " + reply.usage().tokensIn()
                        + " tokens in, " + reply.usage().tokensOut() + " out, finish: " + reply.finishReason() + ")";
                ok = true;
            } catch (SummaryFailedException e) {
                shown = String.valueOf(e.getMessage());
                ok = false;
            }
            String text = shown;
            boolean answered = ok;
            ui.access(() -> show(answered, text));
        });
    }

    void show(boolean answered, String text) {
        result.removeAll();
        result.add(new Paragraph(answered ? "The model answered:" : "The test failed:"), new Pre(text));
        test.setEnabled(true);
    }
}
