package dev.contentservice.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisSettingsTest {

    @Test
    void a_plain_url_has_the_defaults() {
        RedisSettings settings = RedisSettings.of("redis://localhost");

        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(settings.port()).isEqualTo(6379);
        assertThat(settings.database()).isZero();
        assertThat(settings.tls()).isFalse();
        assertThat(settings.user()).isEmpty();
        assertThat(settings.password()).isEmpty();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.socketTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void a_full_url_gives_user_password_database_and_tls() {
        RedisSettings settings = RedisSettings.of("rediss://content:s%40cret@redis.internal:6380/3");

        assertThat(settings.tls()).isTrue();
        assertThat(settings.host()).isEqualTo("redis.internal");
        assertThat(settings.port()).isEqualTo(6380);
        assertThat(settings.database()).isEqualTo(3);
        assertThat(settings.user()).contains("content");
        assertThat(settings.password()).contains("s@cret");
    }

    @Test
    void a_password_without_user_is_read() {
        RedisSettings settings = RedisSettings.of("redis://:only-password@localhost:6379/0");

        assertThat(settings.user()).isEmpty();
        assertThat(settings.password()).contains("only-password");
    }

    @Test
    void the_password_never_shows_in_to_string() {
        RedisSettings settings = RedisSettings.of("redis://content:topsecret@localhost:6379/1");

        assertThat(settings.toString()).doesNotContain("topsecret").contains("content:***@localhost:6379/1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://localhost:6379", "localhost:6379", "redis://", "redis://host/db", "redis://h:1/1/2"})
    void a_url_that_is_not_redis_is_refused(String url) {
        assertThatThrownBy(() -> RedisSettings.of(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settings_are_validated_eagerly() {
        RedisSettings settings = RedisSettings.of("redis://localhost");

        assertThatThrownBy(() -> settings.withPoolSize(1)).hasMessageContaining("poolSize");
        assertThatThrownBy(() -> settings.withLease(Duration.ZERO)).hasMessageContaining("lease");
        assertThatThrownBy(() -> settings.withTimeouts(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("connectTimeout");
    }
}
