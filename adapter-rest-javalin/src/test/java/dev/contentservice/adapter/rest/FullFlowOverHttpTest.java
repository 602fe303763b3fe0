package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.adapter.memory.InMemoryImageSets;
import dev.contentservice.adapter.memory.InMemoryImageStore;
import dev.contentservice.adapter.memory.InMemoryJobStore;
import dev.contentservice.adapter.memory.InMemoryRecommendations;
import dev.contentservice.application.ImageGenerationWorker;
import dev.contentservice.application.JobMetrics;
import dev.contentservice.application.ReadJobStatus;
import dev.contentservice.application.RequestImageGeneration;
import dev.contentservice.application.WorkerSettings;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageGenerator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The seed's whole flow over HTTP, on the in-memory adapters and the real worker. */
class FullFlowOverHttpTest {

    @Test
    void accepted_job_completes_and_its_three_urls_download_three_different_images() throws Exception {
        Clock clock = Clock.systemUTC();
        InMemoryRecommendations recommendations = new InMemoryRecommendations();
        InMemoryImageSets imageSets = new InMemoryImageSets(clock);
        InMemoryJobStore jobs = new InMemoryJobStore(clock, Duration.ofSeconds(30), imageSets);
        InMemoryImageStore images = new InMemoryImageStore(clock);
        recommendations.put(Fakes.recommendation("sample-1"));
        ImageGenerator generator = request -> CompletableFuture.completedFuture(new GeneratedImage(
                ("png of " + request.style().key()).getBytes(StandardCharsets.UTF_8), "image/png", "local"));
        try (RunningServer server = new RunningServer(
                        new RequestImageGeneration(recommendations, jobs, clock, JobMetrics.NONE),
                        new ReadJobStatus(jobs, imageSets, clock),
                        images);
                ImageGenerationWorker worker = new ImageGenerationWorker(
                        jobs,
                        jobs,
                        generator,
                        images,
                        ContentHttpServer.imageLinks(() -> server.uri("").toString()),
                        clock,
                        JobMetrics.NONE,
                        WorkerSettings.defaults())) {
            worker.start();

            RunningServer.Answer accepted = server.post("/api/content/images/sample-1/generate");
            RunningServer.Answer status = pollUntilFinished(server, accepted.header("Location"));

            assertThat(accepted.status()).isEqualTo(202);
            assertThat(status.json()).containsEntry("status", "COMPLETED").containsEntry("generator", "local");
            @SuppressWarnings("unchecked")
            Map<String, String> urls = (Map<String, String>) status.json().get("imageUrls");
            Set<String> bodies = new LinkedHashSet<>();
            for (String url : urls.values()) {
                RunningServer.Answer image = server.get(URI.create(url).getPath());
                assertThat(image.status()).isEqualTo(200);
                assertThat(image.header("Content-Type")).isEqualTo("image/png");
                bodies.add(image.text());
            }
            assertThat(bodies).containsExactlyInAnyOrder("png of simple", "png of fancy", "png of trendy");
        }
    }

    /** Polls as a client does; gives up (and lets the assertion fail) after 10 s. */
    private static RunningServer.Answer pollUntilFinished(RunningServer server, String location)
            throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(10);
        RunningServer.Answer status = server.get(location);
        while ("PROCESSING".equals(status.json().get("status")) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
            status = server.get(location);
        }
        return status;
    }
}
