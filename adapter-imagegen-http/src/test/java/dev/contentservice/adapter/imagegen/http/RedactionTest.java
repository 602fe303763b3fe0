package dev.contentservice.adapter.imagegen.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedactionTest {
    private static final String KEY = "gw_live_AbCdEf0123456789XyZ";

    @Test
    void the_key_whole_masked_cut_short_or_lower_cased_is_blanked() {
        String text = "key " + KEY + " or gw_live_AbCd****…XyZ or " + KEY.substring(0, 20) + " or " + KEY.toLowerCase()
                + " or " + KEY.toUpperCase().substring(5, 15);

        String clean = Redaction.clean(text, Optional.of(KEY));

        assertThat(clean).doesNotContain("AbCd").doesNotContain("abcd").doesNotContain("0123456789");
        for (int start = 0; start + Redaction.MIN_RUN <= KEY.length(); start++) {
            assertThat(clean.toLowerCase())
                    .doesNotContain(
                            KEY.substring(start, start + Redaction.MIN_RUN).toLowerCase());
        }
    }

    @Test
    void bidirectional_overrides_and_control_characters_are_removed() {
        String clean = Redaction.clean("safe\u202Etxt.exe\u2066 and\u0007 more", Optional.empty());

        assertThat(clean).doesNotContain("\u202E").doesNotContain("\u2066").doesNotContain("\u0007");
        assertThat(clean).contains("safe").contains("txt.exe");
    }

    @Test
    void short_runs_of_ordinary_words_are_kept() {
        assertThat(Redaction.clean("Your request was rejected by the safety system", Optional.of(KEY)))
                .isEqualTo("Your request was rejected by the safety system");
    }
}
