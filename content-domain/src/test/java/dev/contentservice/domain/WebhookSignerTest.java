package dev.contentservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    // the Standard Webhooks specification's published example
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signs_the_specification_example_as_the_specification_does() {
        String signature = WebhookSigner.ofSecret(SECRET).sign(ID, TIMESTAMP, BODY);

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void verifies_its_signature_among_several_and_refuses_a_changed_body() {
        WebhookSigner signer = WebhookSigner.ofSecret(SECRET);
        String header = "v1,bm90IGl0 " + signer.sign(ID, TIMESTAMP, BODY);

        assertThat(signer.verifies(ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(signer.verifies(ID, TIMESTAMP, BODY + " ", header)).isFalse();
        assertThat(signer.verifies(ID, TIMESTAMP + 1, BODY, header)).isFalse();
    }

    @Test
    void refuses_a_secret_that_is_not_base64_without_quoting_it() {
        assertThatThrownBy(() -> WebhookSigner.ofSecret("whsec_not*base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not*base64");
    }

    @Test
    void refuses_a_secret_too_short_to_be_a_key() {
        assertThatThrownBy(() -> WebhookSigner.ofSecret("whsec_c2hvcnQ="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes");
    }
}
