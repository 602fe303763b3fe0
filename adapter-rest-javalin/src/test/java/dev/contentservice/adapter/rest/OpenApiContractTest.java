package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.contentservice.application.ChooseStyle;
import dev.contentservice.application.JobMetrics;
import dev.contentservice.application.ReadDraftImages;
import dev.contentservice.application.ReadJobStatus;
import dev.contentservice.application.RequestImageGeneration;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EditableText;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.InvalidRecommendationException;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.contract.Fixtures;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code /openapi.yaml} true: every documented path, method and status is served (a scenario
 * produces it over HTTP), every real answer has the documented shape (required properties, types and
 * enums, recursively), and every real route is documented.
 */
class OpenApiContractTest {
    private static final Clock CLOCK = RunningServer.CLOCK;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningServer server;
    private JsonNode spec;

    @BeforeEach
    void start() throws IOException {
        server = new RunningServer();
        spec = new YAMLMapper().readTree(server.get("/openapi.yaml").body());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** How to make the server give each documented answer; several scenarios may produce one answer. */
    private static Map<String, List<Function<RunningServer, RunningServer.Answer>>> scenarios() {
        Map<String, List<Function<RunningServer, RunningServer.Answer>>> all = new LinkedHashMap<>();
        String generate = "/api/content/images/{eventDraftId}/generate";
        String status = "/api/content/jobs/{jobId}/status";
        String file = "/api/content/images/files/{name}";
        add(all, "POST", generate, 202, s -> {
            s.recommendations.store("sample-1");
            return s.post("/api/content/images/sample-1/generate");
        });
        add(all, "POST", generate, 400, s -> s.post("/api/content/images/bad!id/generate"));
        add(all, "POST", generate, 404, s -> s.post("/api/content/images/nobody/generate"));
        add(all, "POST", generate, 202, s -> {
            s.recommendations.store("sample-1");
            return s.send(
                    "POST",
                    "/api/content/images/sample-1/generate",
                    "{\"formats\":[\"square\",\"story\"],\"metadata\":{\"orderId\":\"A-17\"}}");
        });
        add(all, "POST", generate, 400, s -> {
            s.recommendations.store("sample-1");
            return s.send("POST", "/api/content/images/sample-1/generate", "{\"size\":\"1024x1024\"}");
        });
        add(all, "POST", generate, 400, s -> {
            s.recommendations.store("sample-1");
            return s.send("POST", "/api/content/images/sample-1/generate", "{\"webhook\":\"https://example.com/h\"}");
        });
        add(all, "POST", generate, 409, s -> {
            s.recommendations.store("sample-1");
            s.post("/api/content/images/sample-1/generate");
            return s.send("POST", "/api/content/images/sample-1/generate", "{\"metadata\":{\"other\":true}}");
        });
        add(all, "POST", generate, 405, s -> s.get("/api/content/images/sample-1/generate"));
        add(
                all,
                "POST",
                generate,
                413,
                s -> s.send("POST", "/api/content/images/sample-1/generate", "x".repeat(17_000)));
        add(all, "POST", generate, 422, s -> {
            s.recommendations.failWith("broken", new InvalidRecommendationException("no title"));
            return s.post("/api/content/images/broken/generate");
        });
        add(all, "POST", generate, 503, s -> {
            s.jobs.goDown();
            s.recommendations.store("sample-1");
            return s.post("/api/content/images/sample-1/generate");
        });
        add(all, "GET", status, 200, s -> s.get(statusPath(stored(s, job -> job))));
        add(
                all,
                "GET",
                status,
                200,
                s -> s.get(statusPath(stored(s, job -> job.start(CLOCK).styleDone(ImageStyle.FANCY, CLOCK)))));
        add(all, "GET", status, 200, s -> {
            Job job = stored(s, j -> j.start(CLOCK).complete("local", CLOCK));
            s.imageSets.save(job.eventDraftId(), Fixtures.madeBy(job.id(), ImageSet.of("u1", "u2", "u3")));
            return s.get(statusPath(job));
        });
        add(
                all,
                "GET",
                status,
                200,
                s -> s.get(statusPath(stored(
                        s,
                        job -> job.start(CLOCK).fail(JobFailure.of("IMAGEGEN_TIMEOUT", "deadline passed"), CLOCK)))));
        add(all, "GET", status, 200, s -> s.get(statusPath(stored(s, job -> job.start(CLOCK))) + "?wait=1"));
        add(all, "GET", status, 200, s -> {
            Job job = stored(s, j -> j.start(CLOCK).complete("local", CLOCK));
            s.imageSets.save(job.eventDraftId(), Fixtures.madeBy(job.id(), ImageSet.of("u1", "u2", "u3")));
            return s.get(statusPath(job), Duration.ofSeconds(10), "Prefer", "wait=25");
        });
        add(all, "GET", status, 400, s -> s.get(statusPath(stored(s, job -> job)) + "?wait=31"));
        add(all, "GET", status, 404, s -> s.get("/api/content/jobs/" + JobId.random() + "/status"));
        add(all, "GET", status, 404, s -> s.get("/api/content/jobs/not-a-uuid/status"));
        add(all, "GET", status, 405, s -> s.send("DELETE", "/api/content/jobs/" + JobId.random() + "/status", ""));
        add(all, "GET", status, 503, s -> {
            s.jobs.goDown();
            return s.get("/api/content/jobs/" + JobId.random() + "/status");
        });
        String jobRoute = "/api/content/jobs/{jobId}";
        add(all, "DELETE", jobRoute, 200, s -> s.send("DELETE", jobPath(stored(s, j -> j.start(CLOCK))), ""));
        add(all, "DELETE", jobRoute, 404, s -> s.send("DELETE", "/api/content/jobs/" + JobId.random(), ""));
        add(all, "DELETE", jobRoute, 404, s -> s.send("DELETE", "/api/content/jobs/not-a-uuid", ""));
        add(all, "DELETE", jobRoute, 405, s -> s.get("/api/content/jobs/" + JobId.random()));
        add(
                all,
                "DELETE",
                jobRoute,
                409,
                s -> s.send("DELETE", jobPath(stored(s, j -> j.start(CLOCK).complete("local", CLOCK))), ""));
        add(all, "DELETE", jobRoute, 503, s -> {
            s.jobs.goDown();
            return s.send("DELETE", "/api/content/jobs/" + JobId.random(), "");
        });
        String events = "/api/content/jobs/{jobId}/events";
        add(all, "GET", events, 200, s -> {
            Job job = stored(s, j -> j.start(CLOCK).complete("local", CLOCK));
            s.imageSets.save(job.eventDraftId(), Fixtures.madeBy(job.id(), ImageSet.of("u1", "u2", "u3")));
            return s.get(eventsPath(job));
        });
        add(
                all,
                "GET",
                events,
                200,
                s -> s.get(eventsPath(stored(
                        s,
                        job -> job.start(CLOCK).fail(JobFailure.of("IMAGEGEN_TIMEOUT", "deadline passed"), CLOCK)))));
        add(all, "GET", events, 404, s -> s.get("/api/content/jobs/" + JobId.random() + "/events"));
        add(all, "GET", events, 404, s -> s.get("/api/content/jobs/not-a-uuid/events"));
        add(all, "GET", events, 405, s -> s.send("POST", "/api/content/jobs/" + JobId.random() + "/events", ""));
        add(all, "GET", events, 503, s -> {
            s.jobs.goDown();
            return s.get("/api/content/jobs/" + JobId.random() + "/events");
        });
        add(all, "GET", file, 200, s -> {
            ImageFileName name = ImageFileName.of(JobId.random(), ImageStyle.SIMPLE, ImageFormat.PNG);
            s.images.put(name, new GeneratedImage(new byte[] {1, 2, 3}, "image/png", "local"));
            return s.get("/api/content/images/files/" + name);
        });
        add(all, "GET", file, 404, s -> s.get("/api/content/images/files/" + JobId.random() + "-simple.png"));
        add(all, "GET", file, 405, s -> s.send("PUT", "/api/content/images/files/a.png", "x"));
        add(all, "POST", generate, 401, s -> withKeys(keyed -> keyed.post("/api/content/images/sample-1/generate")));
        add(
                all,
                "GET",
                status,
                401,
                s -> withKeys(keyed -> keyed.get("/api/content/jobs/" + JobId.random() + "/status")));
        add(
                all,
                "GET",
                events,
                401,
                s -> withKeys(keyed -> keyed.get("/api/content/jobs/" + JobId.random() + "/events")));
        String draftImages = "/api/content/images/{eventDraftId}";
        String selection = "/api/content/images/{eventDraftId}/selection";
        add(all, "GET", draftImages, 200, s -> {
            storeDraftImages(s, "sample-1");
            return s.get("/api/content/images/sample-1");
        });
        add(all, "GET", draftImages, 200, s -> {
            DraftImages images = storeDraftImages(s, "sample-1")
                    .withFormats(Map.of(PosterFormat.PORTRAIT, ImageSet.of("p1", "p2", "p3")))
                    .withSelected(ImageStyle.FANCY)
                    .withEditedAt(CLOCK.instant().plusSeconds(60));
            s.imageSets.save(EventDraftId.of("sample-1"), images);
            return s.get("/api/content/images/sample-1");
        });
        add(all, "GET", draftImages, 400, s -> s.get("/api/content/images/bad!id"));
        add(all, "GET", draftImages, 404, s -> s.get("/api/content/images/nobody"));
        add(all, "GET", draftImages, 405, s -> s.send("DELETE", "/api/content/images/sample-1", ""));
        add(all, "GET", draftImages, 503, s -> {
            s.imageSets.goDown();
            return s.get("/api/content/images/sample-1");
        });
        add(all, "PUT", selection, 200, s -> {
            storeDraftImages(s, "sample-1");
            return s.send("PUT", "/api/content/images/sample-1/selection", "{\"style\":\"trendy\"}");
        });
        add(
                all,
                "PUT",
                selection,
                400,
                s -> s.send("PUT", "/api/content/images/bad!id/selection", "{\"style\":\"fancy\"}"));
        add(
                all,
                "PUT",
                selection,
                400,
                s -> s.send("PUT", "/api/content/images/sample-1/selection", "{\"style\":\"cute\"}"));
        add(all, "PUT", selection, 400, s -> s.send("PUT", "/api/content/images/sample-1/selection", "{\"style\":"));
        add(
                all,
                "PUT",
                selection,
                400,
                s -> s.send("PUT", "/api/content/images/sample-1/selection", "{\"style\":\"fancy\",\"x\":1}"));
        add(
                all,
                "PUT",
                selection,
                404,
                s -> s.send("PUT", "/api/content/images/nobody/selection", "{\"style\":\"fancy\"}"));
        add(all, "PUT", selection, 405, s -> s.get("/api/content/images/sample-1/selection"));
        add(
                all,
                "PUT",
                selection,
                413,
                s -> s.send("PUT", "/api/content/images/sample-1/selection", "x".repeat(17_000)));
        add(all, "PUT", selection, 503, s -> {
            s.imageSets.goDown();
            return s.send("PUT", "/api/content/images/sample-1/selection", "{\"style\":\"fancy\"}");
        });
        String edits = "/api/content/images/{eventDraftId}/edits";
        String headline = "{\"style\":\"fancy\",\"text\":{\"headline\":\"봄 특가 세일\"}}";
        add(all, "POST", edits, 202, s -> {
            s.recommendations.store("sample-1");
            storeDraftImages(s, "sample-1");
            return s.send("POST", "/api/content/images/sample-1/edits", headline);
        });
        add(all, "POST", edits, 400, s -> s.send("POST", "/api/content/images/bad!id/edits", headline));
        add(all, "POST", edits, 400, s -> s.send("POST", "/api/content/images/sample-1/edits", "{\"style\":"));
        add(
                all,
                "POST",
                edits,
                400,
                s -> s.send(
                        "POST",
                        "/api/content/images/sample-1/edits",
                        "{\"style\":\"fancy\",\"text\":{\"headline\":\"" + "가".repeat(41) + "\"}}"));
        add(all, "POST", edits, 400, s -> {
            s.recommendations.store("sample-1");
            storeDraftImages(s, "sample-1");
            return s.send(
                    "POST",
                    "/api/content/images/sample-1/edits",
                    "{\"style\":\"fancy\",\"text\":{\"headline\":\" \"}}");
        });
        add(all, "POST", edits, 404, s -> {
            s.recommendations.store("sample-1");
            return s.send("POST", "/api/content/images/sample-1/edits", headline);
        });
        add(all, "POST", edits, 404, s -> {
            storeDraftImages(s, "sample-1");
            return s.send("POST", "/api/content/images/sample-1/edits", headline);
        });
        add(all, "POST", edits, 409, s -> {
            s.recommendations.store("sample-1");
            storeDraftImages(s, "sample-1");
            s.post("/api/content/images/sample-1/generate");
            return s.send("POST", "/api/content/images/sample-1/edits", headline);
        });
        add(all, "POST", edits, 405, s -> s.get("/api/content/images/sample-1/edits"));
        add(all, "POST", edits, 413, s -> s.send("POST", "/api/content/images/sample-1/edits", "x".repeat(17_000)));
        add(all, "POST", edits, 503, s -> {
            s.imageSets.goDown();
            s.recommendations.store("sample-1");
            return s.send("POST", "/api/content/images/sample-1/edits", headline);
        });
        add(
                all,
                "POST",
                edits,
                401,
                s -> withKeys(keyed -> keyed.send("POST", "/api/content/images/sample-1/edits", headline)));
        add(all, "GET", status, 200, s -> {
            s.recommendations.store("sample-1");
            DraftImages images = storeDraftImages(s, "sample-1");
            Job edit = Job.edit(
                            JobId.random(),
                            Fakes.recommendation("sample-1"),
                            new ImageEdit(
                                    ImageStyle.FANCY,
                                    Map.of(EditableText.HEADLINE, "봄 특가 세일"),
                                    java.util.Optional.empty()),
                            CLOCK)
                    .start(CLOCK)
                    .complete("edit", CLOCK);
            s.jobs.put(edit);
            s.imageSets.save(
                    EventDraftId.of("sample-1"),
                    images.restyled(ImageStyle.FANCY, Map.of(PosterFormat.SQUARE, "u2-edited"), CLOCK.instant()));
            return s.get(statusPath(edit));
        });
        add(all, "GET", "/health/live", 200, s -> s.get("/health/live"));
        add(all, "GET", "/health/ready", 200, s -> s.get("/health/ready"));
        add(all, "GET", "/health/ready", 503, s -> {
            s.readiness.set(Map.of("jobs", false));
            return s.get("/health/ready");
        });
        add(all, "GET", "/metrics", 200, s -> s.get("/metrics"));
        add(all, "GET", "/openapi.yaml", 200, s -> s.get("/openapi.yaml"));
        add(
                all,
                "DELETE",
                jobRoute,
                401,
                s -> withKeys(keyed -> keyed.send("DELETE", jobPath(stored(keyed, j -> j)), "")));
        add(all, "GET", draftImages, 401, s -> withKeys(keyed -> keyed.get("/api/content/images/sample-1")));
        add(
                all,
                "PUT",
                selection,
                401,
                s -> withKeys(
                        keyed -> keyed.send("PUT", "/api/content/images/sample-1/selection", "{\"style\":\"fancy\"}")));
        for (String operations : List.of("/health/live", "/health/ready", "/metrics", "/openapi.yaml")) {
            add(all, "GET", operations, 401, s -> withKeysOnOperations(keyed -> keyed.get(operations)));
        }
        return all;
    }

    /** The answer of a server that requires an API key, to a request without one. */
    private static RunningServer.Answer withKeys(Function<RunningServer, RunningServer.Answer> request) {
        try (RunningServer keyed =
                new RunningServer(HttpSettings.onPort(0).withHost("127.0.0.1").withApiKeys(List.of("key"), false))) {
            return request.apply(keyed);
        }
    }

    /** The answer of a server that requires an API key on its operations routes too, to a request without one. */
    private static RunningServer.Answer withKeysOnOperations(Function<RunningServer, RunningServer.Answer> request) {
        try (RunningServer keyed =
                new RunningServer(HttpSettings.onPort(0).withHost("127.0.0.1").withApiKeys(List.of("key"), true))) {
            return request.apply(keyed);
        }
    }

    private static void add(
            Map<String, List<Function<RunningServer, RunningServer.Answer>>> all,
            String method,
            String path,
            int status,
            Function<RunningServer, RunningServer.Answer> scenario) {
        all.computeIfAbsent(key(method, path, status), k -> new ArrayList<>()).add(scenario);
    }

    private static String key(String method, String path, int status) {
        return method + " " + path + " " + status;
    }

    private static Job stored(RunningServer s, Function<Job, Job> then) {
        Job job = then.apply(Job.create(
                JobId.random(), Fakes.recommendation(Fixtures.uniqueDraft().value()), CLOCK));
        s.jobs.put(job);
        return job;
    }

    private static String jobPath(Job job) {
        return "/api/content/jobs/" + job.id();
    }

    private static DraftImages storeDraftImages(RunningServer s, String draft) {
        DraftImages images = Fixtures.madeBy(JobId.random(), ImageSet.of("u1", "u2", "u3"));
        s.imageSets.save(EventDraftId.of(draft), images);
        return images;
    }

    private static String eventsPath(Job job) {
        return "/api/content/jobs/" + job.id() + "/events";
    }

    private static String statusPath(Job job) {
        return "/api/content/jobs/" + job.id() + "/status";
    }

    private Set<String> documented() {
        Set<String> keys = new LinkedHashSet<>();
        spec.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fields()
                        .forEachRemaining(operation -> operation
                                .getValue()
                                .get("responses")
                                .fieldNames()
                                .forEachRemaining(status -> keys.add(key(
                                        operation.getKey().toUpperCase(Locale.ROOT),
                                        path.getKey(),
                                        Integer.parseInt(status))))));
        return keys;
    }

    @Test
    void every_documented_answer_has_a_scenario_and_every_scenario_is_documented() {
        assertThat(scenarios().keySet()).containsExactlyInAnyOrderElementsOf(documented());
    }

    @Test
    void every_documented_answer_is_served_with_the_documented_shape() throws IOException {
        for (Map.Entry<String, List<Function<RunningServer, RunningServer.Answer>>> entry :
                scenarios().entrySet()) {
            String[] parts = entry.getKey().split(" ");
            JsonNode response = resolve(spec.at(
                    "/paths/" + escape(parts[1]) + "/" + parts[0].toLowerCase(Locale.ROOT) + "/responses/" + parts[2]));
            for (Function<RunningServer, RunningServer.Answer> scenario : entry.getValue()) {
                try (RunningServer fresh = new RunningServer()) {
                    RunningServer.Answer answer = scenario.apply(fresh);

                    String what = entry.getKey() + " -> " + answer;
                    assertThat(answer.status()).as(what).isEqualTo(Integer.parseInt(parts[2]));
                    assertDocumentedHeaders(response, answer, what);
                    assertDocumentedBody(response, answer, what);
                }
            }
        }
    }

    @Test
    void every_real_route_is_documented() {
        ContentApi content = new ContentApi(
                new RequestImageGeneration(server.recommendations, server.jobs, CLOCK, JobMetrics.NONE),
                new ReadJobStatus(server.jobs, server.imageSets, Clock.systemUTC()),
                server.awaits,
                server.estimates,
                server.images,
                2,
                java.util.Optional.of(new dev.contentservice.application.CancelJob(
                        server.jobs, CLOCK, JobMetrics.NONE, dev.contentservice.application.JobWebhooks.NONE)),
                java.util.Optional.of(new dev.contentservice.application.RequestImageEdit(
                        RunningServer.editsOver(server.imageSets, server.recommendations, server.images),
                        server.jobs,
                        CLOCK,
                        JobMetrics.NONE)));
        DraftImagesApi draftImages =
                new DraftImagesApi(new ReadDraftImages(server.imageSets), new ChooseStyle(server.imageSets));
        OperationsApi operations = new OperationsApi(Map::of, () -> "");

        for (ContentHttpServer.Route route : ContentHttpServer.routes(content, draftImages, operations)) {
            JsonNode operation = spec.at("/paths/" + escape(route.path()) + "/"
                    + route.method().name().toLowerCase(Locale.ROOT));

            assertThat(operation.isMissingNode())
                    .as(route.method() + " " + route.path())
                    .isFalse();
        }
    }

    @Test
    void every_route_that_refuses_a_request_without_the_key_documents_401_and_no_other_route_does() {
        try (RunningServer keyed =
                new RunningServer(HttpSettings.onPort(0).withHost("127.0.0.1").withApiKeys(List.of("key"), true))) {
            ContentApi content = new ContentApi(
                    new RequestImageGeneration(keyed.recommendations, keyed.jobs, CLOCK, JobMetrics.NONE),
                    new ReadJobStatus(keyed.jobs, keyed.imageSets, Clock.systemUTC()),
                    keyed.awaits,
                    keyed.estimates,
                    keyed.images,
                    2,
                    java.util.Optional.of(new dev.contentservice.application.CancelJob(
                            keyed.jobs, CLOCK, JobMetrics.NONE, dev.contentservice.application.JobWebhooks.NONE)),
                    java.util.Optional.of(new dev.contentservice.application.RequestImageEdit(
                            RunningServer.editsOver(keyed.imageSets, keyed.recommendations, keyed.images),
                            keyed.jobs,
                            CLOCK,
                            JobMetrics.NONE)));
            DraftImagesApi draftImages =
                    new DraftImagesApi(new ReadDraftImages(keyed.imageSets), new ChooseStyle(keyed.imageSets));
            OperationsApi operations = new OperationsApi(Map::of, () -> "");

            for (ContentHttpServer.Route route : ContentHttpServer.routes(content, draftImages, operations)) {
                String path = route.path()
                        .replace("{eventDraftId}", "sample-1")
                        .replace("{jobId}", JobId.random().toString())
                        .replace("{name}", JobId.random() + "-simple.png");
                String method = route.method().name();
                RunningServer.Answer answer = method.equals("GET")
                        ? keyed.get(path)
                        : keyed.send(method, path, HttpRequest.BodyPublishers.ofString("{}"));
                boolean documents401 = !spec.at("/paths/" + escape(route.path()) + "/" + method.toLowerCase(Locale.ROOT)
                                + "/responses/401")
                        .isMissingNode();

                assertThat(documents401)
                        .as(method + " " + route.path() + " answers " + answer.status() + " without a key")
                        .isEqualTo(answer.status() == 401);
            }
        }
    }

    private void assertDocumentedHeaders(JsonNode response, RunningServer.Answer answer, String what) {
        JsonNode headers = response.path("headers");
        for (Iterator<String> names = headers.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            boolean conditional = headers.get(name).path("description").asText().startsWith("Present while");
            if (!conditional) {
                assertThat(answer.header(name)).as(what + " header " + name).isNotNull();
            }
        }
    }

    private void assertDocumentedBody(JsonNode response, RunningServer.Answer answer, String what) throws IOException {
        JsonNode content = response.path("content");
        String mediaType = answer.contentType().split(";")[0].trim();
        assertThat(content.has(mediaType)).as(what + " documents " + mediaType).isTrue();
        if (mediaType.equals("application/json")) {
            assertMatches(resolve(content.get(mediaType).get("schema")), JSON.readTree(answer.body()), "$", what);
        }
    }

    /** The subset of JSON Schema the description uses: $ref, oneOf with a discriminator, type, required, enum. */
    private void assertMatches(JsonNode unresolved, JsonNode value, String at, String what) {
        JsonNode schema = resolve(unresolved);
        if (schema.has("oneOf")) {
            String property = schema.at("/discriminator/propertyName").asText();
            JsonNode reference =
                    schema.at("/discriminator/mapping/" + value.path(property).asText());
            assertThat(reference.isTextual())
                    .as(what + " at " + at + ": no schema for " + value.path(property))
                    .isTrue();
            assertMatches(spec.at(reference.asText().substring(1)), value, at, what);
            return;
        }
        if (schema.has("enum")) {
            List<String> allowed = new ArrayList<>();
            schema.get("enum").forEach(v -> allowed.add(v.asText()));
            assertThat(allowed).as(what + " at " + at).contains(value.asText());
        }
        switch (schema.path("type").asText()) {
            case "object" -> {
                assertThat(value.isObject())
                        .as(what + " at " + at + " is an object")
                        .isTrue();
                schema.path("required")
                        .forEach(name -> assertThat(value.has(name.asText()))
                                .as(what + " at " + at + " has " + name.asText())
                                .isTrue());
                schema.path("properties").fields().forEachRemaining(property -> {
                    if (value.has(property.getKey())) {
                        assertMatches(
                                property.getValue(), value.get(property.getKey()), at + "." + property.getKey(), what);
                    }
                });
                if (schema.has("additionalProperties")) {
                    value.fields()
                            .forEachRemaining(field -> assertMatches(
                                    schema.get("additionalProperties"),
                                    field.getValue(),
                                    at + "." + field.getKey(),
                                    what));
                }
            }
            case "array" -> {
                assertThat(value.isArray())
                        .as(what + " at " + at + " is an array")
                        .isTrue();
                value.forEach(item -> assertMatches(schema.get("items"), item, at + "[]", what));
            }
            case "string" ->
                assertThat(value.isTextual())
                        .as(what + " at " + at + " is a string")
                        .isTrue();
            case "integer" ->
                assertThat(value.isIntegralNumber())
                        .as(what + " at " + at + " is an integer")
                        .isTrue();
            default ->
                assertThat(schema.has("enum") || schema.has("type"))
                        .as("readable schema at " + at + ": " + schema)
                        .isTrue();
        }
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = spec.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** A path as a JSON pointer token. */
    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
