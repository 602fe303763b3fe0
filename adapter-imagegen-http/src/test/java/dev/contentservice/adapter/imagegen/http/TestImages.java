package dev.contentservice.adapter.imagegen.http;

import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.contract.Fixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Real images, provider answers and settings for the tests. */
final class TestImages {
    static final String KEY = "sk-test-Th1sIsTheSecretKey0123456789";

    private TestImages() {}

    static byte[] png(Color color) {
        return draw(color, "png");
    }

    static byte[] jpeg(Color color) {
        return draw(color, "jpeg");
    }

    /** Just the WEBP container header: enough for the magic-number check. */
    static byte[] webp() {
        byte[] bytes = new byte[32];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        bytes[4] = 24;
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 8);
        return bytes;
    }

    private static byte[] draw(Color color, String format) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, 16, 16);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static MockResponse b64Answer(byte[] image) {
        return json(
                200,
                "{\"created\":1713833628,\"data\":[{\"b64_json\":\""
                        + Base64.getEncoder().encodeToString(image) + "\"}]}");
    }

    static MockResponse urlAnswer(String url) {
        return json(200, "{\"created\":1713833628,\"data\":[{\"url\":\"" + url + "\"}]}");
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static MockResponse imageFile(byte[] bytes, String mediaType) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", mediaType)
                .body(new okio.Buffer().write(bytes))
                .build();
    }

    static MockResponse status(int code) {
        return json(
                code, "{\"error\":{\"message\":\"try later\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");
    }

    /** Fast settings for a test server: small timeouts and backoffs, a breaker that stays out of the way. */
    static HttpImageGeneratorSettings fastSettings(MockWebServer server) {
        return HttpImageGeneratorSettings.of(URI.create(server.url("/v1").toString()), Optional.of(KEY))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(40))
                .withBreaker(new HttpImageGeneratorSettings.Breaker(
                        100, 100, Duration.ofSeconds(60), Duration.ofSeconds(30), 3))
                .withProvider(
                        ProviderSettings.openAi(URI.create(server.url("/v1").toString()), Optional.of(KEY))
                                .withAllowPrivateUrls(true))
                .withDeadlineMargin(Duration.ZERO);
    }

    static ImageRequest request(ImageStyle style, Duration deadlineIn) {
        return ImageRequest.of(
                JobId.random(),
                style,
                Fixtures.recommendation(Fixtures.uniqueDraft()),
                Instant.now().plus(deadlineIn));
    }

    static ImageRequest request() {
        return request(ImageStyle.SIMPLE, Duration.ofSeconds(20));
    }
}
