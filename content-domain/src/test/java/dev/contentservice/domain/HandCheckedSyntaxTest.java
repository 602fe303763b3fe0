package dev.contentservice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ids and names read on every request and claim are checked by hand loops instead of regular
 * expressions; each loop accepts exactly what its documented pattern accepts, over random text drawn from
 * near the edges of each alphabet and length.
 */
class HandCheckedSyntaxTest {
    private static final String NEAR_ALPHABET = "aAzZ09_-.fFgG/%é가 \u0000";
    private final Random random = new Random(16);

    @Test
    void event_draft_ids_are_accepted_exactly_as_their_pattern_says() {
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random.nextInt(68), NEAR_ALPHABET);
            boolean accepted = accepts(() -> EventDraftId.of(text));
            assertThat(accepted)
                    .as(text)
                    .isEqualTo(EventDraftId.PATTERN.matcher(text).matches());
        }
    }

    @Test
    void image_file_names_are_accepted_exactly_as_their_pattern_says() {
        String[] extensions = {".png", ".jpg", ".webp", ".gif", ".PNG", "png", ".pn", ""};
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random.nextInt(104), "az09-.A_") + extensions[random.nextInt(extensions.length)];
            assertThat(ImageFileName.parse(text).isPresent())
                    .as(text)
                    .isEqualTo(ImageFileName.PATTERN.matcher(text).matches());
        }
    }

    @Test
    void job_ids_are_accepted_exactly_in_their_canonical_form() {
        Pattern canonical =
                Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder(JobId.random().toString());
            int changes = random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                int at = random.nextInt(text.length());
                text.setCharAt(at, "09afAFgG-z٣ ".charAt(random.nextInt(12)));
            }
            if (random.nextInt(10) == 0) {
                text.deleteCharAt(random.nextInt(text.length()));
            }
            String candidate = text.toString();
            assertThat(JobId.parse(candidate).isPresent())
                    .as(candidate)
                    .isEqualTo(canonical.matcher(candidate).matches());
        }
    }

    private String randomText(int length, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static boolean accepts(Runnable construct) {
        try {
            construct.run();
            return true;
        } catch (InvalidEventDraftIdException e) {
            return false;
        }
    }
}
