package dev.contentservice.adapter.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Korean renders as Korean glyphs, not boxes, from the bundled fonts alone. Each check would fail if the
 * fonts drew their missing-glyph box for Hangul.
 */
class HangulGlyphTest {
    private static final String UI_TEXT = "심플 화려한 트렌디 딸기 크루아상 시식 이벤트 아메리카노 경품";

    @Test
    void bundled_fonts_have_a_glyph_for_every_hangul_character_the_posters_use() {
        BundledFonts fonts = BundledFonts.get();

        assertThat(fonts.regularBase().canDisplayUpTo(UI_TEXT)).isEqualTo(-1);
        assertThat(fonts.boldBase().canDisplayUpTo(UI_TEXT)).isEqualTo(-1);
    }

    @Test
    void the_fonts_are_the_bundled_ones_not_a_system_fallback() {
        assertThat(BundledFonts.get().regularBase().getFontName()).containsIgnoringCase("nanum");
        assertThat(BundledFonts.get().boldBase().getFontName()).containsIgnoringCase("nanum");
    }

    @Test
    void two_different_syllables_draw_different_pixels() {
        Font font = BundledFonts.get().bold(64f);

        int[] han = draw(font, "한");
        int[] geul = draw(font, "글");

        assertThat(inked(han)).isGreaterThan(100);
        assertThat(difference(han, geul)).isGreaterThan(100);
    }

    @Test
    void a_syllable_is_not_drawn_as_the_missing_glyph_box() {
        Font font = BundledFonts.get().regular(64f);
        String missing = new String(Character.toChars(0xF0000)); // supplementary private use: no font has it
        assertThat(font.canDisplay(0xF0000)).isFalse();

        int[] box = draw(font, missing);
        int[] syllable = draw(font, "뷁");

        assertThat(difference(box, syllable)).isGreaterThan(100);
    }

    @Test
    void text_the_fonts_cannot_draw_is_dropped_instead_of_drawn_as_boxes() {
        String privateUse = new String(Character.toChars(0xF0000));
        String drawable = BundledFonts.get().drawable("딸기 " + privateUse + " 이벤트\u200B!");

        assertThat(drawable).isEqualTo("딸기 이벤트!");
        assertThat(BundledFonts.get().regularBase().canDisplayUpTo(drawable)).isEqualTo(-1);
    }

    private static int[] draw(Font font, String text) {
        BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 96, 96);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(text, 8, 72);
        g.dispose();
        return image.getRGB(0, 0, 96, 96, null, 0, 96);
    }

    private static long inked(int[] pixels) {
        return Arrays.stream(pixels).filter(rgb -> (rgb & 0xFFFFFF) != 0xFFFFFF).count();
    }

    private static long difference(int[] a, int[] b) {
        long different = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                different++;
            }
        }
        return different;
    }
}
