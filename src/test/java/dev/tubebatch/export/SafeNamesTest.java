package dev.tubebatch.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeNamesTest {

    @Test
    void titles_become_lowercase_dashed_slugs() {
        assertThat(SafeNames.slug("Never Gonna Give You Up (Official Video)", 60, "video"))
                .isEqualTo("never-gonna-give-you-up-official-video");
    }

    @Test
    void letters_of_any_script_are_kept() {
        assertThat(SafeNames.slug("東京の夜 — ночь в Москве", 60, "video")).isEqualTo("東京の夜-ночь-в-москве");
    }

    @Test
    void traversal_separators_and_control_characters_never_survive() {
        assertThat(SafeNames.slug("../../etc/passwd\u0000\n", 60, "video")).isEqualTo("etc-passwd");
        assertThat(SafeNames.slug("..", 60, "video")).isEqualTo("video");
        assertThat(SafeNames.slug("", 60, "video")).isEqualTo("video");
        assertThat(SafeNames.slug(null, 60, "video")).isEqualTo("video");
    }

    @Test
    void names_are_capped_in_length_and_stable() {
        String title = "a very long title ".repeat(20);
        String slug = SafeNames.slug(title, 30, "video");

        assertThat(slug.codePointCount(0, slug.length())).isLessThanOrEqualTo(30);
        assertThat(slug).doesNotEndWith("-").isEqualTo(SafeNames.slug(title, 30, "video"));
    }
}
