package dev.contentservice.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.contract.Fixtures;
import dev.contentservice.testfixtures.ProviderStub;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The posters of the four sample drafts the embedded service offers ({@link SampleRecommendations}), drawn
 * through the real wiring in every style and format, by the local renderer and over a provider's art, and
 * written under {@code target/posters/} with one contact sheet per sample and mode, so that people can look
 * at a whole sample at once. The typography's faults are pinned at pixel level in the renderer's own tests
 * ({@code PosterFaultsTest}); this test proves the real samples come out whole through the service.
 */
class SamplePostersTest {
    static final Path POSTERS = Path.of("target", "posters");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String ALL_FORMATS = "{\"formats\":[\"square\",\"portrait\",\"story\"]}";
    /** The contact sheet shows each poster at a third of its size. */
    private static final int SHEET_SCALE = 3;

    @Test
    void the_local_renderer_draws_every_sample_in_every_style_and_format() throws Exception {
        try (ContentService service = ContentService.start(ContentConfig.embedded())) {
            for (Recommendation sample : SampleRecommendations.all()) {
                Map<String, BufferedImage> posters =
                        generate(service, sample.eventDraftId().value(), "local");

                assertThat(posters).hasSize(9);
                sheet(sample, "local", posters);
            }
        }
    }

    @Test
    void over_a_providers_art_every_sample_is_set_in_every_style_and_format_from_one_call_per_style() throws Exception {
        try (ProviderStub provider = ProviderStub.start(Duration.ZERO)) {
            provider.answerWith(png(photoLikeArt(1024, 1536)));
            try (ContentService service = ContentService.start(ContentConfig.fromEnvironment(
                    Map.of(
                            "CONTENT_HTTP_PORT", "0",
                            "CONTENT_IMAGEGEN_URL", provider.baseUrl(),
                            "CONTENT_IMAGEGEN_SIZE", "1024x1536",
                            "CONTENT_IMAGEGEN_TEXT", "overlay"),
                    new Properties()))) {
                for (Recommendation sample : SampleRecommendations.all()) {
                    long callsBefore = provider.received();

                    Map<String, BufferedImage> posters =
                            generate(service, sample.eventDraftId().value(), "overlay");

                    assertThat(posters).hasSize(9);
                    assertThat(provider.received() - callsBefore).isEqualTo(3);
                    sheet(sample, "overlay", posters);
                }
            }
        }
    }

    /** Generates the draft's nine posters, checks their sizes, writes them and returns them by "style-format". */
    private static Map<String, BufferedImage> generate(ContentService service, String draft, String mode)
            throws Exception {
        HttpResponse<String> accepted = CLIENT.send(
                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/content/images/" + draft + "/generate"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ALL_FORMATS))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode done =
                awaitEnd(service, JSON.readTree(accepted.body()).get("jobId").asText());
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMPLETED");

        Path folder = Files.createDirectories(POSTERS.resolve(mode));
        Map<String, BufferedImage> posters = new HashMap<>();
        for (PosterFormat format : PosterFormat.values()) {
            for (ImageStyle style : ImageStyle.values()) {
                String url =
                        done.get("formats").get(format.key()).get(style.key()).asText();
                HttpResponse<byte[]> image = CLIENT.send(
                        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(image.statusCode()).isEqualTo(200);
                Path file = folder.resolve(draft + "-" + style.key() + "-" + format.key() + ".png");
                Files.write(file, image.body());
                BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));

                assertThat(file).isNotEmptyFile();
                assertThat(decoded.getWidth())
                        .as("%s %s %s", draft, style, format)
                        .isEqualTo(format.width());
                assertThat(decoded.getHeight())
                        .as("%s %s %s", draft, style, format)
                        .isEqualTo(format.height());
                posters.put(style.key() + "-" + format.key(), decoded);
            }
        }
        return posters;
    }

    private static JsonNode awaitEnd(ContentService service, String jobId) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Fixtures.eventually(Duration.ofSeconds(60), () -> {
            try {
                HttpResponse<String> status = CLIENT.send(
                        HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/content/jobs/" + jobId + "/status"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                last.set(JSON.readTree(status.body()));
                return !last.get().get("status").asText().equals("PROCESSING");
            } catch (Exception e) {
                return false;
            }
        });
        return last.get();
    }

    /** One PNG with the sample's nine posters scaled down: a row per style, a column per format. */
    private static void sheet(Recommendation sample, String mode, Map<String, BufferedImage> posters) throws Exception {
        int gap = 16;
        int label = 40;
        int cell = PosterFormat.STORY.height() / SHEET_SCALE;
        int width = gap;
        for (PosterFormat format : PosterFormat.values()) {
            width += format.width() / SHEET_SCALE + gap;
        }
        int height = label + ImageStyle.values().length * (cell + gap + label);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x2B2B2B));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(sample.eventDraftId().value() + " · " + mode, gap, 28);
        int y = label;
        for (ImageStyle style : ImageStyle.values()) {
            g.setColor(Color.WHITE);
            g.drawString(style.key(), gap, y + 28);
            int x = gap;
            for (PosterFormat format : PosterFormat.values()) {
                BufferedImage poster = posters.get(style.key() + "-" + format.key());
                int w = format.width() / SHEET_SCALE;
                int h = format.height() / SHEET_SCALE;
                g.drawImage(poster, x, y + label, w, h, null);
                x += w + gap;
            }
            y += label + cell + gap;
        }
        g.dispose();
        Path file = POSTERS.resolve(sample.eventDraftId().value() + "-" + mode + "-sheet.png");
        ImageIO.write(sheet, "png", file.toFile());

        assertThat(file).isNotEmptyFile();
    }

    /**
     * A picture as an image model draws for a bakery or café poster with room for text: a warm gradient,
     * soft out-of-focus lights, a darker table in front. Bright and dark areas at once: the worst case for
     * the legibility of type set over it.
     */
    static BufferedImage photoLikeArt(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0xF6D7B0), 0, height, new Color(0x8A4B2C)));
        g.fillRect(0, 0, width, height);
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 70; i++) {
            int r = 30 + random.nextInt(140);
            int cx = random.nextInt(width);
            int cy = random.nextInt(height);
            Color light = new Color(Color.HSBtoRGB(0.02f + random.nextFloat() * 0.15f, 0.5f, 1f));
            g.setPaint(new RadialGradientPaint(
                    cx, cy, r, new float[] {0f, 1f}, new Color[] {withAlpha(light, 150), withAlpha(light, 0)}));
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        }
        g.setPaint(new GradientPaint(0, height * 0.7f, new Color(0x4A2A1A), 0, height, new Color(0x24130B)));
        g.fillRect(0, (int) (height * 0.72), width, height);
        g.setColor(new Color(0xE8C07A));
        g.fillOval(width / 5, (int) (height * 0.6), width * 3 / 5, height / 7);
        g.dispose();
        return image;
    }

    private static Color withAlpha(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
