package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

    @Test
    void port_zero_picks_a_free_port() {
        try (RunningServer server = new RunningServer()) {
            assertThat(server.port()).isPositive();
            assertThat(server.get("/health/live").status()).isEqualTo(200);
        }
    }

    @Test
    void stopped_server_no_longer_accepts_connections() {
        RunningServer server = new RunningServer();
        int port = server.port();

        server.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
    }

    @Test
    void stop_is_idempotent() {
        RunningServer server = new RunningServer();

        server.close();
        server.close();
    }

    @Test
    void settings_reject_a_port_out_of_range() {
        assertThatThrownBy(() -> HttpSettings.onPort(65_536)).hasMessageContaining("port");
        assertThatThrownBy(() -> HttpSettings.onPort(-1)).hasMessageContaining("port");
    }

    @Test
    void settings_reject_a_blank_host_an_empty_body_limit_and_a_zero_retry_after() {
        assertThatThrownBy(() -> HttpSettings.onPort(0).withHost(" ")).hasMessageContaining("host");
        assertThatThrownBy(() -> HttpSettings.onPort(0).withMaxRequestBodyBytes(0))
                .hasMessageContaining("maxRequestBodyBytes");
        assertThatThrownBy(() -> HttpSettings.onPort(0).withRetryAfterSeconds(0))
                .hasMessageContaining("retryAfterSeconds");
    }

    @Test
    void default_settings_bind_every_interface_with_16_kib_bodies_and_retry_after_2() {
        HttpSettings settings = HttpSettings.onPort(8080);

        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.maxRequestBodyBytes()).isEqualTo(16 * 1024);
        assertThat(settings.retryAfterSeconds()).isEqualTo(2);
    }
}
