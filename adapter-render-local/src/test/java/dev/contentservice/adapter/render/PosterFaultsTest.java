package dev.contentservice.adapter.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.adapter.render.Canvas.Placed;
import dev.contentservice.adapter.render.Canvas.Role;
import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.PosterRequest;
import dev.contentservice.domain.Recommendation;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The five faults a new user found on the posters (issue 13), each pinned at every style and format: the
 * layout the renderer records says where each piece of text and decoration went, and pixel checks make
 * sure the record tells the truth.
 */
class PosterFaultsTest {
    private final Posters posters = new Posters(BundledFonts.get());

    private Posters.Drawn draw(ImageStyle style, PosterFormat format, Recommendation recommendation) {
        return posters.drawWithLayout(PosterRequest.of(PosterFixtures.JOB, style, format, recommendation));
    }

    private static List<Placed> placed(Posters.Drawn drawn, Role role) {
        return drawn.canvas().texts().stream().filter(t -> t.role() == role).toList();
    }

    private static String joined(List<Placed> pieces) {
        return pieces.stream().flatMap(p -> p.lines().stream()).collect(Collectors.joining(" "));
    }

    @Test
    void the_description_how_to_take_part_appears_whole_on_every_poster() {
        for (Map.Entry<String, Recommendation> sample :
                PosterFixtures.everyday().entrySet()) {
            String description = sample.getValue().selected().description();
            if (description.isEmpty()) {
                continue; // the flowers have none
            }
            for (ImageStyle style : ImageStyle.values()) {
                for (PosterFormat format : PosterFormat.values()) {
                    List<Placed> drawn = placed(draw(style, format, sample.getValue()), Role.DESCRIPTION);

                    assertThat(joined(drawn).replace(" ", ""))
                            .as("%s %s %s", sample.getKey(), style, format)
                            .isEqualTo(description.replace(" ", ""));
                }
            }
        }
    }

    @Test
    void fancy_confetti_and_sparkles_never_touch_text_so_bakery_never_reads_bakera() {
        for (Recommendation sample : PosterFixtures.everyday().values()) {
            for (PosterFormat format : PosterFormat.values()) {
                Posters.Drawn drawn = draw(ImageStyle.FANCY, format, sample);
                List<Rectangle2D> decorations = drawn.canvas().decorations();

                assertThat(decorations).as("confetti is strewn at all").hasSizeGreaterThan(40);
                for (Placed text : drawn.canvas().texts()) {
                    for (Rectangle2D piece : decorations) {
                        assertThat(piece.intersects(text.bounds()))
                                .as("%s %s: %s over %s", format, text.role(), piece, text.lines())
                                .isFalse();
                    }
                }
            }
        }
    }

    @Test
    void the_fancy_texts_pixels_do_not_change_when_the_confetti_falls_elsewhere() {
        Recommendation bakery = PosterFixtures.bakery();
        for (PosterFormat format : PosterFormat.values()) {
            PosterRequest one = PosterRequest.of(PosterFixtures.JOB, ImageStyle.FANCY, format, bakery);
            PosterRequest other = new PosterRequest(
                    one.style(), one.format(), one.copy(), one.palette(), one.art(), one.seed() + 7919);

            Posters.Drawn first = posters.drawWithLayout(one);
            BufferedImage second = posters.draw(other);

            assertThat(differingPixels(first.image(), second, new Rectangle(0, 0, format.width(), format.height())))
                    .as("the confetti moved with the seed")
                    .isGreaterThan(500);
            for (Placed text : first.canvas().texts()) {
                assertThat(differingPixels(first.image(), second, text.bounds().getBounds()))
                        .as("%s %s %s", format, text.role(), text.lines())
                        .isZero();
            }
        }
    }

    @Test
    void latin_accents_are_kept_and_drawn_cafe_lumiere_is_not_cafe_lumiere() {
        BundledFonts fonts = BundledFonts.get();
        assertThat(fonts.drawable("Café Lumière")).isEqualTo("Café Lumière");

        PosterRequest accented = withHeadline(ImageStyle.SIMPLE, "Café Lumière 오픈");
        PosterRequest plain = withHeadline(ImageStyle.SIMPLE, "Cafe Lumiere 오픈");

        assertThat(differingPixels(posters.draw(accented), posters.draw(plain), headlineBox(accented)))
                .isGreaterThan(30);
        assertThat(ink(fonts, "é")).isNotEqualTo(ink(fonts, "e"));
    }

    @Test
    void emoji_are_drawn_in_monochrome_instead_of_vanishing() {
        BundledFonts fonts = BundledFonts.get();
        assertThat(fonts.drawable("Café Lumière ☕🍓")).isEqualTo("Café Lumière ☕🍓");
        assertThat(fonts.drawable("❤️")).as("the variation selector is dropped").isEqualTo("❤");

        PosterRequest withEmoji = withHeadline(ImageStyle.TRENDY, "카페 오픈 ☕");
        PosterRequest without = withHeadline(ImageStyle.TRENDY, "카페 오픈");

        assertThat(differingPixels(posters.draw(withEmoji), posters.draw(without), headlineBox(withEmoji)))
                .isGreaterThan(300);
        assertThat(ink(fonts, "☕")).isGreaterThan(100);
    }

    @Test
    void a_long_prize_in_the_trendy_starburst_stays_readable() {
        List<Recommendation> longPrizes = List.of(PosterFixtures.cafeLumiere(), PosterFixtures.longRecommendation());
        for (Recommendation recommendation : longPrizes) {
            for (PosterFormat format : PosterFormat.values()) {
                List<Placed> prize = placed(draw(ImageStyle.TRENDY, format, recommendation), Role.PRIZE);

                assertThat(prize).as(format.key()).isNotEmpty();
                assertThat(prize)
                        .allSatisfy(p -> assertThat(p.fontSize()).isGreaterThanOrEqualTo(TrendyPoster.MIN_PRIZE_SIZE));
                assertThat(joined(prize))
                        .startsWith(recommendation.eventInfo().prize().substring(0, 10));
            }
        }
        List<Placed> whole =
                placed(draw(ImageStyle.TRENDY, PosterFormat.SQUARE, PosterFixtures.cafeLumiere()), Role.PRIZE);
        assertThat(joined(whole).replace(" ", ""))
                .isEqualTo(PosterFixtures.cafeLumiere().eventInfo().prize().replace(" ", ""));
    }

    @Test
    void the_period_reads_the_korean_way_with_weekdays() {
        for (ImageStyle style : ImageStyle.values()) {
            for (PosterFormat format : PosterFormat.values()) {
                Posters.Drawn drawn = draw(style, format, PosterFixtures.bakery());

                assertThat(joined(placed(drawn, Role.PERIOD)))
                        .as("%s %s", style, format)
                        .isEqualTo("10.3(토) ~ 10.18(일)");
            }
        }
    }

    @Test
    void every_style_uses_the_whole_height_of_every_format_and_keeps_out_of_the_storys_app_bars() {
        for (Recommendation sample : PosterFixtures.everyday().values()) {
            for (ImageStyle style : ImageStyle.values()) {
                for (PosterFormat format : PosterFormat.values()) {
                    List<Placed> texts = draw(style, format, sample).canvas().texts();
                    double top = texts.stream()
                            .mapToDouble(t -> t.bounds().getMinY())
                            .min()
                            .orElseThrow();
                    double bottom = texts.stream()
                            .mapToDouble(t -> t.bounds().getMaxY())
                            .max()
                            .orElseThrow();
                    double left = texts.stream()
                            .mapToDouble(t -> t.bounds().getMinX())
                            .min()
                            .orElseThrow();
                    double right = texts.stream()
                            .mapToDouble(t -> t.bounds().getMaxX())
                            .max()
                            .orElseThrow();
                    String what = sample.eventDraftId() + " " + style + " " + format;

                    assertThat(top).as(what).isLessThan(format.height() * 0.2);
                    assertThat(bottom).as(what).isGreaterThan(format.height() * 0.72);
                    assertThat(left).as(what).isGreaterThanOrEqualTo(0);
                    assertThat(right).as(what).isLessThanOrEqualTo(format.width());
                    if (format == PosterFormat.STORY) {
                        assertThat(top).as(what).isGreaterThanOrEqualTo(150);
                        assertThat(bottom).as(what).isLessThanOrEqualTo(format.height() - 220);
                    }
                }
            }
        }
    }

    @Test
    void the_trendy_event_title_is_walled_off_in_ink_so_it_reads_on_art_as_light_as_the_type() throws Exception {
        for (Color ground : new Color[] {Color.WHITE, new Color(0xF6, 0xC8, 0xD0)}) {
            for (PosterFormat format : PosterFormat.values()) {
                Posters.Drawn drawn = posters.drawWithLayout(
                        PosterRequest.of(PosterFixtures.JOB, ImageStyle.TRENDY, format, PosterFixtures.bakery())
                                .withArt(PosterFixtures.flatArt(ground)));
                Rectangle title =
                        placed(drawn, Role.EVENT_TITLE).get(0).bounds().getBounds();
                title.grow(8, 8);

                assertThat(enclosedLightShare(drawn.image(), title))
                        .as("%s %s: light letters no light ground reaches", ground, format)
                        .isGreaterThan(0.08);
            }
        }
    }

    /**
     * The share of the area's light pixels that the area's edge cannot reach through light pixels: letters
     * walled off from the ground by a dark outline. Light letters that touch a light ground are reachable,
     * and cannot be told from it.
     */
    private static double enclosedLightShare(BufferedImage image, Rectangle area) {
        Rectangle box = area.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        boolean[] light = new boolean[box.width * box.height];
        for (int y = 0; y < box.height; y++) {
            for (int x = 0; x < box.width; x++) {
                int rgb = image.getRGB(box.x + x, box.y + y);
                light[y * box.width + x] =
                        (299 * ((rgb >> 16) & 255) + 587 * ((rgb >> 8) & 255) + 114 * (rgb & 255)) / 1000 >= 110;
            }
        }
        boolean[] reached = new boolean[light.length];
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
        for (int x = 0; x < box.width; x++) {
            todo.add(x);
            todo.add((box.height - 1) * box.width + x);
        }
        for (int y = 0; y < box.height; y++) {
            todo.add(y * box.width);
            todo.add(y * box.width + box.width - 1);
        }
        while (!todo.isEmpty()) {
            int i = todo.poll();
            if (reached[i] || !light[i]) {
                continue;
            }
            reached[i] = true;
            int x = i % box.width;
            if (x > 0) todo.add(i - 1);
            if (x < box.width - 1) todo.add(i + 1);
            if (i >= box.width) todo.add(i - box.width);
            if (i < light.length - box.width) todo.add(i + box.width);
        }
        long enclosed = 0;
        for (int i = 0; i < light.length; i++) {
            if (light[i] && !reached[i]) {
                enclosed++;
            }
        }
        return (double) enclosed / light.length;
    }

    private PosterRequest withHeadline(ImageStyle style, String headline) {
        PosterRequest request =
                PosterRequest.of(PosterFixtures.JOB, style, PosterFormat.SQUARE, PosterFixtures.bakery());
        return request.withCopy(request.copy().with(EditableText.HEADLINE, headline));
    }

    private Rectangle headlineBox(PosterRequest request) {
        return placed(posters.drawWithLayout(request), Role.HEADLINE)
                .get(0)
                .bounds()
                .getBounds();
    }

    /** How many pixels one glyph inks, drawn the way posters draw it. */
    private static long ink(BundledFonts fonts, String text) {
        BufferedImage image = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 120);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(Color.BLACK);
        g.drawString(fonts.attributed(text, fonts.bold(80)).getIterator(), 10, 95);
        g.dispose();
        return Arrays.stream(image.getRGB(0, 0, 120, 120, null, 0, 120))
                .filter(rgb -> (rgb & 0xFFFFFF) != 0xFFFFFF)
                .count();
    }

    private static long differingPixels(BufferedImage a, BufferedImage b, Rectangle area) {
        Rectangle clipped = area.intersection(new Rectangle(0, 0, a.getWidth(), a.getHeight()));
        long different = 0;
        for (int y = clipped.y; y < clipped.y + clipped.height; y++) {
            for (int x = clipped.x; x < clipped.x + clipped.width; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    different++;
                }
            }
        }
        return different;
    }
}
