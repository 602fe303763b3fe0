package dev.contentservice.adapter.imagegen.http;

import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.contract.ImageGeneratorContract;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;

/** The HTTP generator keeps the port's contract against a local server that answers with real images. */
class HttpImageGeneratorContractTest extends ImageGeneratorContract {
    private static final byte[] PNG = TestImages.png(Color.PINK);
    private static final byte[] JPEG = TestImages.jpeg(Color.ORANGE);

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<HttpImageGenerator> generators = new ArrayList<>();

    @AfterEach
    void closeGenerators() {
        generators.forEach(HttpImageGenerator::close);
    }

    @Override
    protected ImageGenerator createGenerator() {
        AtomicInteger generations = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/v1/images/generations")) {
                    // alternate both answer shapes the API has
                    return generations.incrementAndGet() % 2 == 0
                            ? TestImages.urlAnswer(
                                    server.url("/files/image.jpg").toString())
                            : TestImages.b64Answer(PNG);
                }
                return TestImages.imageFile(JPEG, "image/jpeg");
            }
        });
        HttpImageGenerator generator = new HttpImageGenerator(TestImages.fastSettings(server));
        generators.add(generator);
        return generator;
    }
}
