package dev.contentservice.adapter.imagegen.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who the provider is and what to ask it for: the protocol's half of {@link HttpImageGeneratorSettings}.
 * {@link #toString()} never shows the API key.
 *
 * @param protocol {@link Protocol#OPENAI} ({@code POST {baseUrl}/images/generations}) or {@link
 *     Protocol#REPLICATE} ({@code POST {baseUrl}/models/{owner}/{name}/predictions})
 * @param baseUrl for example {@code https://api.openai.com/v1} or {@code https://api.replicate.com/v1}
 * @param apiKey sent as {@code Authorization: Bearer …} to the provider's API and nowhere else; empty for
 *     servers without auth
 * @param model OpenAI: the {@code model} field, for example {@code gpt-image-1}; Replicate: {@code owner/name}
 * @param size OpenAI's {@code size} field, {@code auto} or {@code WIDTHxHEIGHT}; Replicate's
 *     {@code aspect_ratio} is derived from it
 * @param responseFormat OpenAI's {@code response_format} ({@code url} or {@code b64_json}); only sent to models
 *     that accept it: dall-e models get {@code b64_json} unless told otherwise, GPT image models never get it
 * @param allowPrivateUrls downloads from loopback, private, link-local or metadata addresses are allowed (tests,
 *     private deployments); otherwise only the provider's own host may be such an address
 */
public record ProviderSettings(
        Protocol protocol,
        URI baseUrl,
        Optional<String> apiKey,
        String model,
        String size,
        Optional<String> responseFormat,
        boolean allowPrivateUrls) {

    /** The wire protocols this adapter speaks. */
    public enum Protocol {
        OPENAI("https://api.openai.com/v1", "gpt-image-1"),
        REPLICATE("https://api.replicate.com/v1", "black-forest-labs/flux-schnell");

        private final URI defaultUrl;
        private final String defaultModel;

        Protocol(String defaultUrl, String defaultModel) {
            this.defaultUrl = URI.create(defaultUrl);
            this.defaultModel = defaultModel;
        }

        public URI defaultUrl() {
            return defaultUrl;
        }

        public String defaultModel() {
            return defaultModel;
        }

        /** {@code openai} or {@code replicate}, case-insensitive. */
        public static Optional<Protocol> named(String name) {
            for (Protocol protocol : values()) {
                if (protocol.name().equalsIgnoreCase(name.strip())) {
                    return Optional.of(protocol);
                }
            }
            return Optional.empty();
        }
    }

    public static final String DEFAULT_SIZE = "1024x1024";
    static final Set<String> RESPONSE_FORMATS = Set.of("url", "b64_json");
    private static final Pattern SIZE = Pattern.compile("auto|[1-9][0-9]{1,4}x[1-9][0-9]{1,4}");
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    private static final Pattern OWNER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");

    public ProviderSettings {
        Objects.requireNonNull(protocol, "protocol must not be null");
        Objects.requireNonNull(baseUrl, "baseUrl must not be null");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!baseUrl.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was " + safe(baseUrl));
        }
        if (baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not carry user info, a query or a fragment");
        }
        Objects.requireNonNull(apiKey, "apiKey must not be null (use Optional.empty())");
        apiKey.ifPresent(key -> {
            if (!TOKEN.matcher(key).matches()) {
                // never echo the key itself
                throw new IllegalArgumentException("apiKey must be printable ASCII without spaces");
            }
        });
        if (model == null || !MODEL.matcher(model).matches()) {
            throw new IllegalArgumentException("model must be a model name such as gpt-image-1, was '" + model + "'");
        }
        if (protocol == Protocol.REPLICATE && !OWNER_NAME.matcher(model).matches()) {
            throw new IllegalArgumentException(
                    "model must be owner/name for Replicate, such as black-forest-labs/flux-schnell, was '" + model
                            + "'");
        }
        if (size == null || !SIZE.matcher(size).matches()) {
            throw new IllegalArgumentException(
                    "size must be 'auto' or WIDTHxHEIGHT such as 1024x1024, was '" + size + "'");
        }
        Objects.requireNonNull(responseFormat, "responseFormat must not be null (use Optional.empty())");
        responseFormat.ifPresent(format -> {
            if (!RESPONSE_FORMATS.contains(format)) {
                throw new IllegalArgumentException("responseFormat must be url or b64_json, was '" + format + "'");
            }
        });
        if (responseFormat.isPresent() && isGptImageModel(model)) {
            throw new IllegalArgumentException(
                    "responseFormat is not accepted by GPT image models (they always answer b64_json): " + model);
        }
    }

    /** The defaults of an OpenAI-compatible provider at {@code baseUrl}. */
    public static ProviderSettings openAi(URI baseUrl, Optional<String> apiKey) {
        return new ProviderSettings(
                Protocol.OPENAI,
                baseUrl,
                apiKey,
                Protocol.OPENAI.defaultModel(),
                DEFAULT_SIZE,
                Optional.empty(),
                false);
    }

    public ProviderSettings withProtocol(Protocol value) {
        return new ProviderSettings(value, baseUrl, apiKey, model, size, responseFormat, allowPrivateUrls);
    }

    public ProviderSettings withModel(String value) {
        return new ProviderSettings(protocol, baseUrl, apiKey, value, size, responseFormat, allowPrivateUrls);
    }

    public ProviderSettings withSize(String value) {
        return new ProviderSettings(protocol, baseUrl, apiKey, model, value, responseFormat, allowPrivateUrls);
    }

    public ProviderSettings withResponseFormat(Optional<String> value) {
        return new ProviderSettings(protocol, baseUrl, apiKey, model, size, value, allowPrivateUrls);
    }

    public ProviderSettings withAllowPrivateUrls(boolean value) {
        return new ProviderSettings(protocol, baseUrl, apiKey, model, size, responseFormat, value);
    }

    /** The {@code response_format} actually sent: only to models that accept the field. */
    Optional<String> effectiveResponseFormat() {
        if (isGptImageModel(model)) {
            return Optional.empty();
        }
        if (model.toLowerCase(Locale.ROOT).startsWith("dall-e")) {
            return Optional.of(responseFormat.orElse("b64_json"));
        }
        return responseFormat;
    }

    static boolean isGptImageModel(String model) {
        return model.toLowerCase(Locale.ROOT).startsWith("gpt-image");
    }

    @Override
    public String toString() {
        return "ProviderSettings[protocol=" + protocol.name().toLowerCase(Locale.ROOT)
                + ", baseUrl=" + safe(baseUrl)
                + ", apiKey=" + (apiKey.isPresent() ? "****" : "<none>")
                + ", model=" + model
                + ", size=" + size
                + ", responseFormat=" + responseFormat.orElse("<default>")
                + ", allowPrivateUrls=" + allowPrivateUrls
                + "]";
    }

    static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
