package dev.tubebatch.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void text_is_escaped_before_the_marks_become_elements() {
        assertThat(Snippets.toHtml("a \u0002<b>\u0003 & \"c\" 'd'"))
                .isEqualTo("a <mark>&lt;b&gt;</mark> &amp; &quot;c&quot; &#39;d&#39;");
    }

    @Test
    void an_unclosed_mark_is_closed_and_a_stray_stop_is_dropped() {
        assertThat(Snippets.toHtml("\u0003x \u0002y")).isEqualTo("x <mark>y</mark>");
    }

    @Test
    void other_control_characters_become_spaces() {
        assertThat(Snippets.toHtml("a\u0007b\u001bc")).isEqualTo("a b c");
        assertThat(Snippets.toPlain("a\u0002b\u0003\u0007")).isEqualTo("a*b* ");
    }

    @Test
    void the_original_characters_come_back_where_search_text_replaced_them() {
        assertThat(Snippets.restore("x <b>y", "x  \u0002b\u0003>y")).isEqualTo("x <\u0002b\u0003>y");
        assertThat(Snippets.restore("short", "much longer text")).isEqualTo("much longer text");
    }

    @Test
    void a_deep_link_gives_whole_seconds_from_the_start() {
        assertThat(SearchHit.deepLink("abcdefghijk", 75.9)).isEqualTo("https://youtu.be/abcdefghijk?t=75");
        assertThat(SearchHit.deepLink("abcdefghijk", -1)).isEqualTo("https://youtu.be/abcdefghijk?t=0");
    }
}
