package dev.contentservice.adapter.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.SelectedRecommendation;
import dev.contentservice.domain.contract.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Writes sample posters to {@code target/samples/} so that people can look at them. */
class PosterSamplesTest {
    private static final Path SAMPLES = Path.of("target", "samples");
    private static final JobId JOB = new JobId(UUID.fromString("6f1c2a3e-8b7d-4c21-9e0f-1a2b3c4d5e6f"));

    @Test
    void writes_sample_posters_of_every_style_for_people_to_look_at() throws Exception {
        Map<String, Recommendation> samples = Map.of(
                "bakery", Fixtures.recommendation(EventDraftId.of("sample-1")),
                "sparse", Fixtures.sparseRecommendation(EventDraftId.of("sample-2")),
                "long", longRecommendation());
        Files.createDirectories(SAMPLES);
        LocalImageRenderer renderer = new LocalImageRenderer(Runnable::run);

        for (Map.Entry<String, Recommendation> sample : samples.entrySet()) {
            for (ImageStyle style : ImageStyle.values()) {
                GeneratedImage image = renderer.generate(
                                ImageRequest.of(JOB, style, sample.getValue(), Instant.parse("2026-03-01T09:05:00Z")))
                        .join();
                Path file = SAMPLES.resolve(sample.getKey() + "-" + style.key() + ".png");
                Files.write(file, image.bytes());

                assertThat(file).isNotEmptyFile();
            }
        }
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
