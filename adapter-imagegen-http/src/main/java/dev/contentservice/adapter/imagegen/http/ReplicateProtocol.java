package dev.contentservice.adapter.imagegen.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageRequest;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Replicate's predictions API (an official model, {@code owner/name}): create with {@code POST
 * /models/{owner}/{name}/predictions} and {@code Prefer: wait=N}; a prediction still {@code starting} or {@code
 * processing} is polled at {@code GET /predictions/{id}} and stopped with {@code POST /predictions/{id}/cancel}.
 * Poll and cancel URLs are built from the configured base URL and the prediction's id, never taken from the
 * answer, so the key only ever goes to the configured host.
 */
final class ReplicateProtocol implements ImageProtocol {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final byte[] EMPTY_JSON = "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ProviderSettings settings;
    private final int preferWait;
    private final HttpUrl createUrl;
    private final ObjectMapper mapper;

    ReplicateProtocol(ProviderSettings settings, int preferWait, long maxAnswerBytes) {
        this.settings = settings;
        this.preferWait = preferWait;
        String[] ownerName = settings.model().split("/", 2);
        this.createUrl =
                OpenAiProtocol.endpoint(settings, List.of("models", ownerName[0], ownerName[1], "predictions"));
        this.mapper = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE - 16, maxAnswerBytes))
                        .build())
                .build());
    }

    @Override
    public String generatorName() {
        return "replicate:" + settings.model();
    }

    @Override
    public Request create(ImageRequest request) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode input = body.putObject("input");
        input.put("prompt", request.prompt());
        input.put("aspect_ratio", aspectRatio(settings.size()));
        return authorized(new Request.Builder()
                        .url(createUrl)
                        .header("Accept", "application/json")
                        .header("Prefer", "wait=" + preferWait)
                        .post(RequestBody.create(write(body), OpenAiProtocol.JSON)))
                .build();
    }

    @Override
    public Step read(byte[] body) {
        JsonNode prediction;
        try {
            prediction = mapper.readTree(body);
        } catch (IOException e) {
            throw OpenAiProtocol.badResponse("the provider's answer is not JSON");
        }
        if (prediction == null || !prediction.isObject()) {
            throw OpenAiProtocol.badResponse("the provider's answer is not a prediction object");
        }
        String status = OpenAiProtocol.text(prediction.get("status")).orElse("");
        return switch (status) {
            case "starting", "processing" -> new Step.Pending(id(prediction));
            case "succeeded" -> output(prediction.get("output"));
            case "failed" ->
                new Step.Failed(
                        ImageGenerationException.REJECTED,
                        "the prediction failed at the provider",
                        OpenAiProtocol.text(prediction.get("error")));
            case "canceled", "aborted" ->
                new Step.Failed(
                        ImageGenerationException.UNAVAILABLE,
                        "the prediction was " + status + " at the provider",
                        OpenAiProtocol.text(prediction.get("error")));
            default -> throw OpenAiProtocol.badResponse("the prediction has no known status");
        };
    }

    private Step output(JsonNode output) {
        JsonNode first = output != null && output.isArray() && !output.isEmpty() ? output.get(0) : output;
        Optional<String> url = OpenAiProtocol.text(first);
        if (url.isEmpty()) {
            throw OpenAiProtocol.badResponse("the prediction succeeded without an output URL");
        }
        String value = url.get();
        if (value.startsWith("data:")) {
            int comma = value.indexOf(',');
            if (comma < 0 || !value.substring(0, comma).endsWith(";base64")) {
                throw OpenAiProtocol.badResponse("the prediction's data URL is not base64");
            }
            try {
                return new Step.Image(Base64.getDecoder().decode(value.substring(comma + 1)));
            } catch (IllegalArgumentException e) {
                throw OpenAiProtocol.badResponse("the prediction's data URL is not valid base64");
            }
        }
        HttpUrl parsed = HttpUrl.parse(value);
        if (parsed == null) {
            throw OpenAiProtocol.badResponse("the prediction's output is not an http(s) URL");
        }
        return new Step.Download(parsed);
    }

    @Override
    public Request poll(Step.Pending pending) {
        return authorized(new Request.Builder()
                        .url(OpenAiProtocol.endpoint(settings, List.of("predictions", pending.id())))
                        .header("Accept", "application/json")
                        .get())
                .build();
    }

    @Override
    public Request cancel(Step.Pending pending) {
        return authorized(new Request.Builder()
                        .url(OpenAiProtocol.endpoint(settings, List.of("predictions", pending.id(), "cancel")))
                        .header("Accept", "application/json")
                        .post(RequestBody.create(EMPTY_JSON, OpenAiProtocol.JSON)))
                .build();
    }

    /** Replicate answers errors as {@code {"detail": …}} (or {@code {"title","detail"}}). */
    @Override
    public Optional<String> describeError(byte[] body) {
        try {
            JsonNode error = mapper.readTree(body);
            if (error == null || !error.isObject()) {
                return Optional.empty();
            }
            return OpenAiProtocol.text(error.get("detail")).or(() -> OpenAiProtocol.text(error.get("title")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Request.Builder authorized(Request.Builder builder) {
        settings.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder;
    }

    private static String id(JsonNode prediction) {
        Optional<String> id = OpenAiProtocol.text(prediction.get("id"));
        if (id.isEmpty() || !ID.matcher(id.get()).matches()) {
            throw OpenAiProtocol.badResponse("the pending prediction has no usable id");
        }
        return id.get();
    }

    /** {@code 1024x1024} → {@code 1:1}, {@code 1536x1024} → {@code 3:2}; {@code auto} → {@code 1:1}. */
    static String aspectRatio(String size) {
        if (!size.contains("x")) {
            return "1:1";
        }
        String[] parts = size.split("x");
        BigInteger width = new BigInteger(parts[0]);
        BigInteger height = new BigInteger(parts[1]);
        BigInteger gcd = width.gcd(height);
        return width.divide(gcd) + ":" + height.divide(gcd);
    }

    private byte[] write(ObjectNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
    }
}
