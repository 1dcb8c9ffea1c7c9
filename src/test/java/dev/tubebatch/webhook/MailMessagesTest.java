package dev.tubebatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** Addresses from input, the subject and body made from a payload, and how a failed try is told. */
class MailMessagesTest {

    static final EventPayload WATCH = new EventPayload("watch.found_videos", null,
            new EventPayload.WatchFacts("w1", "Talks <b>&</b> more", "https://www.youtube.com/@talks"),
            new EventPayload.Counts(null, null, null, null, 12, 3),
            EventPayload.Links.of("https://tb.example.org", java.util.UUID.fromString(
                    "00000000-0000-0000-0000-000000000001")));

    @Test
    void a_recipient_must_be_one_plain_address_and_the_refusal_names_the_field() {
        assertThat(MailAddresses.recipient("  ops@example.org ", "address")).isEqualTo("ops@example.org");
        for (String bad : List.of("", "not an address", "ops@", "a@b.org, c@d.org", "Ops <ops@example.org>")) {
            assertThatThrownBy(() -> MailAddresses.recipient(bad, "address")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("address: ");
        }
        assertThatThrownBy(() -> MailAddresses.recipient("ops@example.org\r\nBcc: x@example.org", "address"))
                .hasMessage("address: no line breaks or other control characters");
        assertThat(MailAddresses.sender("tubebatch <tb@example.org>", "tubebatch.mail.from"))
                .isEqualTo("tubebatch <tb@example.org>");
        assertThatThrownBy(() -> new MailSettings("tb@example.org\nBcc: x@example.org"))
                .hasMessageStartingWith("tubebatch.mail.from: ");
    }

    @Test
    void a_watch_email_tells_the_counts_and_links_as_text_and_escaped_html() {
        assertThat(MailText.subject(WATCH)).isEqualTo("[tubebatch] Watch found 3 new videos: Talks <b>&</b> more");
        assertThat(MailText.text(WATCH)).contains("12 listed, 3 new")
                .contains("https://tb.example.org/batches/00000000-0000-0000-0000-000000000001");
        assertThat(MailText.html(WATCH)).contains("Talks &lt;b&gt;&amp;&lt;/b&gt; more").doesNotContain("<b>");
    }

    @Test
    void a_long_name_is_cut_and_control_characters_become_spaces() {
        assertThat(MailText.oneLine("a\r\n\tb\u0000c  d")).isEqualTo("a b c d");
        EventPayload longName = new EventPayload("batch.stopped", new EventPayload.BatchFacts("b1", "x".repeat(500),
                "STOPPED", "ops", ""), null, new EventPayload.Counts(1, 0, 0, 0, null, null), WATCH.links());
        assertThat(MailText.subject(longName)).hasSize("[tubebatch] Batch stopped: ".length()
                + MailText.MAX_NAME_IN_SUBJECT).endsWith("…");
    }

    @Test
    void a_4xx_reply_is_retried_a_5xx_is_not_and_the_smtp_password_is_masked() {
        MailFailure busy = MailFailure.of(new MailSendException("Failed messages",
                new MessagingException("451 4.3.0 Try later")), null);
        assertThat(busy).isEqualTo(new MailFailure(451, "SMTP 451 4.3.0 Try later", true));
        MailFailure refused = MailFailure.of(new MessagingException("535 5.7.8 Bad credentials s3cret-pw"),
                "s3cret-pw");
        assertThat(refused.code()).isEqualTo(535);
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.error()).doesNotContain("s3cret-pw").contains("********");
        MailFailure down = MailFailure.of(new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host", new java.net.ConnectException("refused"))), null);
        assertThat(down.code()).isNull();
        assertThat(down.retryable()).isTrue();
        assertThat(down.error()).startsWith("Mail server connection failed").contains("Couldn't connect to host");
    }
}
