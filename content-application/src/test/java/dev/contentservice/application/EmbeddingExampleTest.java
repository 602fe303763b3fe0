package dev.contentservice.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.adapter.memory.InMemoryImageStore;
import dev.contentservice.adapter.memory.InMemoryJobStore;
import dev.contentservice.adapter.memory.InMemoryRecommendations;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.EventInfo;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.SelectedRecommendation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * How another JVM service embeds the Content Service: the domain and application modules plus the
 * in-memory adapters, wired by plain constructors; no Guice, no Javalin. The README shows this code.
 */
class EmbeddingExampleTest {

    @Test
    void embedding_service_wires_the_use_cases_by_hand_and_gets_three_images() throws Exception {
        // the stores (swap in the Redis adapters for several instances)
        Clock clock = Clock.systemUTC();
        InMemoryRecommendations recommendations = new InMemoryRecommendations();
        InMemoryImageSets imageSets = new InMemoryImageSets(clock);
        InMemoryJobStore jobs = new InMemoryJobStore(clock, Duration.ofSeconds(60), imageSets);
        InMemoryImageStore images = new InMemoryImageStore(clock);
        // your image generator: the local renderer, the HTTP adapter, or anything async
        ImageGenerator generator = request -> CompletableFuture.completedFuture(
                new GeneratedImage(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png", "mine"));

        RequestImageGeneration requestImages =
                new RequestImageGeneration(recommendations, jobs, clock, JobMetrics.NONE);
        ReadJobStatus readStatus = new ReadJobStatus(jobs, imageSets, clock);
        try (ImageGenerationWorker worker = new ImageGenerationWorker(
                jobs,
                jobs,
                generator,
                images,
                name -> "https://cdn.example.com/images/" + name,
                clock,
                JobMetrics.NONE,
                WorkerSettings.defaults())) {
            worker.start();

            EventDraftId draft = EventDraftId.of("draft-2026-0001");
            recommendations.put(new Recommendation(
                    draft,
                    new EventInfo("해피 베이커리", "베이커리", "서울 강남구", "봄맞이 신메뉴 출시 이벤트", "아메리카노 1잔", "", ""),
                    new SelectedRecommendation("딸기 크루아상 시식 이벤트", "", List.of("봄", "딸기"), "", "")));
            var jobId = requestImages.request(draft).job().id();

            JobStatusView status = readStatus.read(jobId);
            for (int i = 0; i < 200 && status instanceof JobStatusView.InProgress; i++) {
                Thread.sleep(25);
                status = readStatus.read(jobId);
            }

            assertThat(status)
                    .isInstanceOfSatisfying(
                            JobStatusView.Completed.class,
                            done -> assertThat(done.images().urls().values())
                                    .hasSize(3)
                                    .allSatisfy(url ->
                                            assertThat(url).startsWith("https://cdn.example.com/images/" + jobId)));
        }
    }
}
