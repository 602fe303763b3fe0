package dev.contentservice.adapter.redis;

import java.util.Random;

/**
 * Random AI records of every shape, the same for a seed: objects of the known fields holding every kind of
 * scalar (blank, control characters, big and fractional numbers, null), arrays and objects where text is
 * expected, wrong shapes where objects are, and unknown fields.
 */
final class RandomRecords {
    private static final String[] EVENT_FIELDS = {
        "storeName", "industry", "region", "title", "prize", "startDate", "endDate"
    };
    private static final String[] SELECTED_FIELDS = {"title", "description", "keywords", "targetAudience", "tone"};
    private static final String[] SCALARS = {
        "\"봄맞이 이벤트\"",
        "\"  딸기 \"",
        "\"\"",
        "\"a\\u0000b\\n\"",
        "2026",
        "-7",
        "12345678901234567890",
        "1.50",
        "1e3",
        "-0.0",
        "3.0E-5",
        "true",
        "false",
        "null",
        "\"\\\"quoted\\\"\"",
        "\"\\u3000\"",
        "\"\u3000\u2003\"",
        "\" \\u00a0 \"",
        "\"\\u2003\\u0085\\u001f\"",
        "\"\\u200b\"",
        "\"\u1680\u205f\u2028\u2029x\""
    };

    private final Random random;

    RandomRecords(long seed) {
        random = new Random(seed);
    }

    /** A record: an object with eventInfo, selectedRecommendation and other fields of every shape. */
    String next() {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(5);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                json.append(',');
            }
            switch (random.nextInt(4)) {
                case 0, 1 ->
                    json.append("\"eventInfo\":").append(random.nextInt(6) == 0 ? value(1) : object(EVENT_FIELDS));
                case 2 ->
                    json.append("\"selectedRecommendation\":")
                            .append(random.nextInt(6) == 0 ? value(1) : object(SELECTED_FIELDS));
                default -> json.append("\"other\":").append(value(2));
            }
        }
        return json.append('}').toString();
    }

    private String object(String[] names) {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(8);
        for (int f = 0; f < fields; f++) {
            if (f > 0) {
                json.append(',');
            }
            String name = random.nextInt(8) == 0 ? "unknown" : names[random.nextInt(names.length)];
            json.append('"').append(name).append("\":").append(value(2));
        }
        return json.append('}').toString();
    }

    private String value(int depth) {
        int kind = random.nextInt(depth > 0 ? 10 : 7);
        if (kind < 7) {
            return SCALARS[random.nextInt(SCALARS.length)];
        }
        StringBuilder json = new StringBuilder(kind == 9 ? "{" : "[");
        int items = random.nextInt(4);
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                json.append(',');
            }
            if (kind == 9) {
                json.append("\"k").append(i).append("\":");
            }
            json.append(value(depth - 1));
        }
        return json.append(kind == 9 ? "}" : "]").toString();
    }
}
