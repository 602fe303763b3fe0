package dev.contentservice.bootstrap;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.SelectedRecommendation;
import java.util.List;

/** The recommendations the embedded default is preloaded with, so that a fresh machine can try the flow. */
final class SampleRecommendations {
    private SampleRecommendations() {}

    static List<Recommendation> all() {
        return List.of(
                new Recommendation(
                        EventDraftId.of("sample-1"),
                        new EventInfo(
                                "해피 베이커리", "베이커리", "서울 강남구", "봄맞이 신메뉴 출시 이벤트", "아메리카노 1잔", "2026-03-01", "2026-03-15"),
                        new SelectedRecommendation(
                                "딸기 크루아상 시식 이벤트",
                                "신메뉴 딸기 크루아상을 SNS에 공유하면 음료 한 잔을 드립니다",
                                List.of("봄", "딸기", "신메뉴"),
                                "20-30대 직장인",
                                "밝고 경쾌한")),
                new Recommendation(
                        EventDraftId.of("sample-2"),
                        new EventInfo(
                                "달빛 카페", "카페", "부산 해운대구", "여름 한정 빙수 페스티벌", "빙수 1+1 쿠폰", "2026-07-01", "2026-07-31"),
                        new SelectedRecommendation(
                                "인증샷 빙수 챌린지",
                                "망고 빙수 인증샷을 올리면 추첨으로 빙수 1+1 쿠폰을 드립니다",
                                List.of("여름", "빙수", "인증샷"),
                                "10-20대 대학생",
                                "시원하고 발랄한")),
                new Recommendation(
                        EventDraftId.of("sample-3"),
                        new EventInfo(
                                "한우명가", "한식당", "대구 수성구", "가정의 달 가족 외식 이벤트", "한우 육회 서비스", "2026-05-01", "2026-05-10"),
                        new SelectedRecommendation(
                                "가족 사진 리뷰 이벤트",
                                "가족과 함께한 식사 사진으로 리뷰를 남기면 육회를 서비스로 드립니다",
                                List.of("가족", "한우", "감사"),
                                "30-50대 가족 고객",
                                "따뜻하고 품격 있는")),
                new Recommendation(
                        EventDraftId.of("sample-4"),
                        new EventInfo("플로리 꽃집", "꽃집", "서울 마포구", "", "", "2026-02-10", "2026-02-14"),
                        new SelectedRecommendation("발렌타인 꽃다발 예약 할인", "", List.of("발렌타인", "꽃다발"), "", "로맨틱한")));
    }
}
