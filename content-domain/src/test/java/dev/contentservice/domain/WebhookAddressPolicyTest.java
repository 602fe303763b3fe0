package dev.contentservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressPolicyTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static WebhookTarget url(String raw) {
        return WebhookTarget.parse(raw).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "0.0.0.0",
                "10.1.2.3",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fd00:ec2::254",
                "fc00::1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "2002:7f00:1::1",
                "64:ff9b::a9fe:a9fe"
            })
    void refuses_loopback_private_link_local_and_metadata_addresses(String address) {
        assertThat(WebhookAddressPolicy.isPublic(ip(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111"})
    void lets_public_addresses_through(String address) {
        assertThat(WebhookAddressPolicy.isPublic(ip(address))).isTrue();
    }

    @Test
    void a_public_name_that_resolves_inside_is_refused() {
        WebhookAddressPolicy policy =
                new WebhookAddressPolicy(false, host -> List.of(ip("93.184.216.34"), ip("10.0.0.7")));

        assertThatThrownBy(() -> policy.check(url("https://hooks.example.com/x")))
                .isInstanceOf(WebhookRefusedException.class)
                .hasMessageContaining("non-public");
    }

    @Test
    void a_name_that_does_not_resolve_is_refused() {
        WebhookAddressPolicy policy = new WebhookAddressPolicy(false, host -> {
            throw new UnknownHostException(host);
        });

        assertThatThrownBy(() -> policy.check(url("https://nowhere.invalid/x")))
                .isInstanceOf(WebhookRefusedException.class)
                .hasMessageContaining("does not resolve");
    }

    @Test
    void metadata_and_localhost_names_are_refused_without_asking_the_resolver() {
        WebhookAddressPolicy policy = new WebhookAddressPolicy(false, host -> List.of(ip("93.184.216.34")));

        assertThatThrownBy(() -> policy.check(url("http://metadata.google.internal/computeMetadata/v1/")))
                .isInstanceOf(WebhookRefusedException.class);
        assertThatThrownBy(() -> policy.check(url("http://localhost:8080/x")))
                .isInstanceOf(WebhookRefusedException.class);
    }

    @Test
    void a_public_name_with_public_addresses_passes() {
        WebhookAddressPolicy policy = new WebhookAddressPolicy(false, host -> List.of(ip("93.184.216.34")));

        assertThatCode(() -> policy.check(url("https://hooks.example.com/x"))).doesNotThrowAnyException();
    }

    @Test
    void allowing_private_addresses_lifts_the_rule() {
        assertThatCode(() -> WebhookAddressPolicy.allowingPrivate().check(url("http://127.0.0.1:9/x")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> WebhookAddressPolicy.publicOnly().check(url("http://127.0.0.1:9/x")))
                .isInstanceOf(WebhookRefusedException.class);
    }

    @Test
    void a_webhook_target_must_be_an_absolute_http_url_without_user_information() {
        assertThat(WebhookTarget.parse("ftp://example.com/x")).isEmpty();
        assertThat(WebhookTarget.parse("/relative")).isEmpty();
        assertThat(WebhookTarget.parse("https://user:pw@example.com/x")).isEmpty();
        assertThat(WebhookTarget.parse("https://" + "a".repeat(2050) + ".com")).isEmpty();
        assertThat(WebhookTarget.parse("https://[::1]:8443/x").orElseThrow().host())
                .isEqualTo("::1");
    }
}
