package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.contentservice.domain.WebhookAddressPolicy;
import dev.contentservice.domain.WebhookRefusedException;
import dev.contentservice.domain.WebhookSender;
import dev.contentservice.domain.WebhookTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookSender} must do, against a real HTTP server on the loopback interface (the
 * JDK's own, so the domain's test-jar needs no library). Extend it and build a sender with the given
 * address policy and a timeout of at most 2 seconds.
 */
public abstract class WebhookSenderContract {

    protected abstract WebhookSender createSender(WebhookAddressPolicy policy);

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);

    record Received(String method, String signature, String contentType, String body) {}

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/hook");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.createContext("/silent", exchange -> {
            // never answers within the sender's timeout
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private WebhookTarget target(String path) {
        return WebhookTarget.parse("http://127.0.0.1:" + receiver.getAddress().getPort() + path)
                .orElseThrow();
    }

    private static Integer await(CompletableFuture<Integer> sent) throws Exception {
        return sent.get(20, TimeUnit.SECONDS);
    }

    @Test
    void posts_the_body_and_headers_and_reports_the_status() throws Exception {
        WebhookSender sender = createSender(WebhookAddressPolicy.allowingPrivate());
        String body = "{\"type\":\"job.completed\",\"data\":{\"memo\":\"봄맞이 ☕\"}}";

        Integer status = await(
                sender.send(new WebhookSender.Request(target("/hook"), Map.of("webhook-signature", "v1,abc"), body)));

        assertThat(status).isEqualTo(204);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).method()).isEqualTo("POST");
        assertThat(received.get(0).signature()).isEqualTo("v1,abc");
        assertThat(received.get(0).contentType()).startsWith("application/json");
        assertThat(received.get(0).body()).isEqualTo(body);
    }

    @Test
    void reports_an_error_status_as_an_answer() throws Exception {
        WebhookSender sender = createSender(WebhookAddressPolicy.allowingPrivate());
        answer.set(500);

        Integer status = await(sender.send(new WebhookSender.Request(target("/hook"), Map.of(), "{}")));

        assertThat(status).isEqualTo(500);
    }

    @Test
    void does_not_follow_redirects() throws Exception {
        WebhookSender sender = createSender(WebhookAddressPolicy.allowingPrivate());

        Integer status = await(sender.send(new WebhookSender.Request(target("/moved"), Map.of(), "{}")));

        assertThat(status).isEqualTo(302);
        assertThat(received).isEmpty();
    }

    @Test
    void a_receiver_that_does_not_answer_fails_the_attempt_after_the_timeout() {
        WebhookSender sender = createSender(WebhookAddressPolicy.allowingPrivate());

        CompletableFuture<Integer> sent = sender.send(new WebhookSender.Request(target("/silent"), Map.of(), "{}"));

        assertThatThrownBy(() -> sent.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }

    @Test
    void refuses_a_loopback_address_unless_private_addresses_are_allowed() {
        WebhookSender sender = createSender(WebhookAddressPolicy.publicOnly());

        CompletableFuture<Integer> sent = sender.send(new WebhookSender.Request(target("/hook"), Map.of(), "{}"));

        assertThatThrownBy(() -> sent.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(WebhookRefusedException.class);
        assertThat(received).isEmpty();
    }
}
