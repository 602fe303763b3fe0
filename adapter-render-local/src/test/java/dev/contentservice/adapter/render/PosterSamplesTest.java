package dev.contentservice.adapter.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.PosterRequest;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.SelectedRecommendation;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Writes sample posters to {@code target/samples/} so that people can look at them. */
class PosterSamplesTest {
    private static final Path SAMPLES = Path.of("target", "samples");
    static final JobId JOB = new JobId(UUID.fromString("6f1c2a3e-8b7d-4c21-9e0f-1a2b3c4d5e6f"));

    @Test
    void writes_the_samples_in_every_style_and_format_for_people_to_look_at() throws Exception {
        Files.createDirectories(SAMPLES);
        LocalImageRenderer renderer = new LocalImageRenderer(Runnable::run);
        Map<String, Recommendation> samples = new LinkedHashMap<>(samples());
        samples.put("long", longRecommendation());
        samples.put("cafe-lumiere", cafeLumiere());

        for (Map.Entry<String, Recommendation> sample : samples.entrySet()) {
            for (ImageStyle style : ImageStyle.values()) {
                for (PosterFormat format : PosterFormat.values()) {
                    GeneratedImage image = renderer.compose(PosterRequest.of(JOB, style, format, sample.getValue()))
                            .join();
                    Path file = SAMPLES.resolve(sample.getKey() + "-" + style.key() + "-" + format.key() + ".png");
                    Files.write(file, image.bytes());

                    assertThat(file).isNotEmptyFile();
                }
            }
        }
    }

    @Test
    void writes_the_samples_over_provider_like_art_for_people_to_look_at() throws Exception {
        Files.createDirectories(SAMPLES);
        LocalImageRenderer renderer = new LocalImageRenderer(Runnable::run);
        GeneratedImage art = photoLikeArt(1536, 1024);

        for (ImageStyle style : ImageStyle.values()) {
            for (PosterFormat format : PosterFormat.values()) {
                GeneratedImage image = renderer.compose(
                                PosterRequest.of(JOB, style, format, samples().get("sample-1"))
                                        .withArt(art))
                        .join();
                Path file = SAMPLES.resolve("art-" + style.key() + "-" + format.key() + ".png");
                Files.write(file, image.bytes());

                assertThat(file).isNotEmptyFile();
            }
        }
    }

    /** A busy, colourful picture, as a provider's art would be: the worst case for legibility. */
    static GeneratedImage photoLikeArt(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xF2, 0xB5, 0xC8), width, height, new Color(0x6B, 0xB8, 0x8E)));
        g.fillRect(0, 0, width, height);
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 60; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            int r = 30 + random.nextInt(120);
            g.fillOval(random.nextInt(width) - r, random.nextInt(height) - r, 2 * r, 2 * r);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new GeneratedImage(out.toByteArray(), "image/png", "test-art");
    }

    /** The four drafts the embedded service is preloaded with (bootstrap's SampleRecommendations). */
    static Map<String, Recommendation> samples() {
        Map<String, Recommendation> samples = new LinkedHashMap<>();
        samples.put(
                "sample-1",
                new Recommendation(
                        EventDraftId.of("sample-1"),
                        new EventInfo(
                                "해피 베이커리", "베이커리", "서울 강남구", "봄맞이 신메뉴 출시 이벤트", "아메리카노 1잔", "2026-03-01", "2026-03-15"),
                        new SelectedRecommendation(
                                "딸기 크루아상 시식 이벤트",
                                "신메뉴 딸기 크루아상을 SNS에 공유하면 음료 한 잔을 드립니다",
                                List.of("봄", "딸기", "신메뉴"),
                                "20-30대 직장인",
                                "밝고 경쾌한")));
        samples.put(
                "sample-2",
                new Recommendation(
                        EventDraftId.of("sample-2"),
                        new EventInfo(
                                "달빛 카페", "카페", "부산 해운대구", "여름 한정 빙수 페스티벌", "빙수 1+1 쿠폰", "2026-07-01", "2026-07-31"),
                        new SelectedRecommendation(
                                "인증샷 빙수 챌린지",
                                "망고 빙수 인증샷을 올리면 추첨으로 빙수 1+1 쿠폰을 드립니다",
                                List.of("여름", "빙수", "인증샷"),
                                "10-20대 대학생",
                                "시원하고 발랄한")));
        samples.put(
                "sample-3",
                new Recommendation(
                        EventDraftId.of("sample-3"),
                        new EventInfo(
                                "한우명가", "한식당", "대구 수성구", "가정의 달 가족 외식 이벤트", "한우 육회 서비스", "2026-05-01", "2026-05-10"),
                        new SelectedRecommendation(
                                "가족 사진 리뷰 이벤트",
                                "가족과 함께한 식사 사진으로 리뷰를 남기면 육회를 서비스로 드립니다",
                                List.of("가족", "한우", "감사"),
                                "30-50대 가족 고객",
                                "따뜻하고 품격 있는")));
        samples.put(
                "sample-4",
                new Recommendation(
                        EventDraftId.of("sample-4"),
                        new EventInfo("플로리 꽃집", "꽃집", "서울 마포구", "", "", "2026-02-10", "2026-02-14"),
                        new SelectedRecommendation("발렌타인 꽃다발 예약 할인", "", List.of("발렌타인", "꽃다발"), "", "로맨틱한")));
        return samples;
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
}
