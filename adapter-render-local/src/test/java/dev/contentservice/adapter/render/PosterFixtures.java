package dev.contentservice.adapter.render;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.SelectedRecommendation;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * The renderer's own test drafts, each made to provoke one of the faults a new user found (issue 13).
 * They are not the service's sample drafts: those live in bootstrap ({@code SampleRecommendations}), whose
 * {@code SamplePostersTest} draws them through the real wiring.
 */
final class PosterFixtures {
    static final JobId JOB = new JobId(UUID.fromString("6f1c2a3e-8b7d-4c21-9e0f-1a2b3c4d5e6f"));

    private PosterFixtures() {}

    /** Drafts with every kind of text a poster sets, by name: one without a description or a prize. */
    static Map<String, Recommendation> everyday() {
        Map<String, Recommendation> drafts = new LinkedHashMap<>();
        drafts.put("bakery", bakery());
        drafts.put("flowers", flowers());
        drafts.put("cafe-lumiere", cafeLumiere());
        return drafts;
    }

    /** "베이커리" in the store line (confetti once made it read "베이커라"), a description, 10.3(토) ~ 10.18(일). */
    static Recommendation bakery() {
        return new Recommendation(
                EventDraftId.of("fixture-bakery"),
                new EventInfo("초록 베이커리", "베이커리", "서울 성북구", "가을 신메뉴 출시 이벤트", "아메리카노 1잔", "2026-10-03", "2026-10-18"),
                new SelectedRecommendation(
                        "밤 식빵 시식 이벤트",
                        "밤 식빵 사진을 SNS에 올리면 음료 한 잔을 드립니다",
                        List.of("가을", "밤식빵", "신메뉴"),
                        "20-30대 직장인",
                        "포근한"));
    }

    /** No event title, no prize, no description. */
    static Recommendation flowers() {
        return new Recommendation(
                EventDraftId.of("fixture-flowers"),
                new EventInfo("수국 꽃집", "꽃집", "제주 서귀포시", "", "", "2026-06-05", "2026-06-14"),
                new SelectedRecommendation("수국 꽃다발 사전 예약", "", List.of("수국", "꽃다발"), "", "싱그러운"));
    }

    /** Latin accents, emoji and a prize too long for the trendy burst. */
    static Recommendation cafeLumiere() {
        return new Recommendation(
                EventDraftId.of("cafe-lumiere"),
                new EventInfo(
                        "Café Lumière ☕",
                        "카페",
                        "서울 성수동",
                        "오픈 기념 이벤트 🎉",
                        "시그니처 라떼 1잔과 수제 마들렌 2개 그리고 머그컵 증정",
                        "2026-04-04",
                        "2026-04-19"),
                new SelectedRecommendation(
                        "Café Lumière ☕ 그랜드 오픈",
                        "매장 사진을 인스타그램에 올리고 @cafe.lumiere 를 태그해 주세요 🍓",
                        List.of("크렘브륄레", "Café", "성수"),
                        "20대",
                        "감성적인"));
    }

    /** Every text far too long for any poster. */
    static Recommendation longRecommendation() {
        String longTitle = "아주아주긴제목".repeat(40) + " 그리고 띄어쓰기가 있는 긴 제목 ".repeat(10);
        return new Recommendation(
                EventDraftId.of("sample-long"),
                new EventInfo(
                        "세상에서 가장 이름이 긴 동네 빵집 그리고 카페 그리고 디저트 전문점 본점 ".repeat(5),
                        "베이커리 카페",
                        "서울특별시 강남구 테헤란로 123 해피빌딩 1층",
                        "이벤트 제목 ".repeat(60),
                        "아메리카노 1잔과 딸기 크루아상 1개 그리고 머그컵 증정 ".repeat(8),
                        "2026-03-01",
                        "2026-03-15"),
                new SelectedRecommendation(
                        longTitle,
                        "설명 ".repeat(150),
                        List.of("봄🌸", "딸기", "신메뉴", "주말특가", "SNS인증", "한정수량", "키워드".repeat(30)),
                        "20-30대 직장인",
                        "밝고 경쾌한"));
    }

    /** A busy, colourful picture, as a provider's art would be: the worst case for legibility. */
    static GeneratedImage photoLikeArt(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xF2, 0xB5, 0xC8), width, height, new Color(0x6B, 0xB8, 0x8E)));
        g.fillRect(0, 0, width, height);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            int r = 30 + random.nextInt(120);
            g.fillOval(random.nextInt(width) - r, random.nextInt(height) - r, 2 * r, 2 * r);
        }
        g.dispose();
        return png(image);
    }

    /** A picture of one flat colour: art as bright (or as dark) as the type set over it. */
    static GeneratedImage flatArt(Color colour) throws Exception {
        BufferedImage image = new BufferedImage(512, 768, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        return png(image);
    }

    private static GeneratedImage png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new GeneratedImage(out.toByteArray(), "image/png", "test-art");
    }
}
