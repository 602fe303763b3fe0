package dev.contentservice.adapter.webhook;

import dev.contentservice.domain.WebhookAddressPolicy;
import dev.contentservice.domain.WebhookSender;
import dev.contentservice.domain.contract.WebhookSenderContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The OkHttp sender passes the sender contract. */
class OkHttpWebhookSenderContractTest extends WebhookSenderContract {
    private final List<OkHttpWebhookSender> senders = new ArrayList<>();

    @Override
    protected WebhookSender createSender(WebhookAddressPolicy policy) {
        OkHttpWebhookSender sender = new OkHttpWebhookSender(policy, Duration.ofSeconds(1), 8);
        senders.add(sender);
        return sender;
    }

    @AfterEach
    void closeSenders() {
        senders.forEach(OkHttpWebhookSender::close);
    }
}
