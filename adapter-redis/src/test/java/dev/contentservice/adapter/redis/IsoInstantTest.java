package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain reading of timestamps gives exactly what {@link Instant#parse} gives, errors included. */
class IsoInstantTest {
    @Test
    void every_precision_instant_toString_writes_reads_back_the_same_instant() {
        Random random = new Random(16);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(
                    Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String text = instant.toString();

            assertThat(IsoInstant.parse(text)).as(text).isEqualTo(instant).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void format_writes_exactly_what_instant_toString_writes() {
        Random random = new Random(29);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(
                    Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("+12000-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 5) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                case 3 -> random.nextInt(10) * 100_000_000 + 1;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);

            assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
        }
        for (Instant edge : List.of(
                Instant.EPOCH,
                Instant.MIN,
                Instant.MAX,
                Instant.parse("0999-12-31T23:59:59.999999999Z"),
                Instant.parse("1000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.001Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.ofEpochSecond(-1, 1))) {
            assertThat(IsoInstant.format(edge)).isEqualTo(edge.toString());
        }
    }

    @Test
    void fractions_of_any_length_read_as_instant_parse_reads_them() {
        for (String text : List.of(
                "2026-11-29T19:05:59.1Z",
                "2026-11-29T19:05:59.12Z",
                "2026-11-29T19:05:59.1234Z",
                "2026-11-29T19:05:59.12345Z",
                "2026-11-29T19:05:59.1234567Z",
                "2026-11-29T19:05:59.12345678Z",
                "2026-11-29T19:05:59.123456789Z",
                "2026-11-29T23:59:60Z",
                "2024-02-29T00:00:00Z",
                "+12026-11-29T19:05:59Z")) {
            assertThat(IsoInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void odd_and_malformed_text_gets_instant_parse_s_answer_or_its_error() {
        for (String text : List.of(
                "",
                "2026-11-29T19:05:59",
                "2026-11-29T19:05:59.Z",
                "2026-11-29T19:05:59.1234567890Z",
                "2026-13-29T19:05:59Z",
                "2026-02-30T19:05:59Z",
                "2026-11-29T24:00:00Z",
                "2026-11-29T19:60:00Z",
                "2026-11-29 19:05:59Z",
                "2026-11-2aT19:05:59Z",
                "2026-11-29T19:05:59+01:00",
                "٢٠٢٦-11-29T19:05:59Z")) {
            Throwable expected = catchThrowable(() -> Instant.parse(text));
            if (expected == null) {
                assertThat(IsoInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
            } else {
                assertThat(expected).as(text).isInstanceOf(DateTimeParseException.class);
                assertThat(catchThrowable(() -> IsoInstant.parse(text)))
                        .as(text)
                        .isInstanceOf(DateTimeParseException.class)
                        .hasMessage(expected.getMessage());
            }
        }
    }
}
