package dev.contentservice.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contentservice.domain.JobId;
import dev.contentservice.domain.WebhookDelivery;
import dev.contentservice.domain.WebhookOutbox;
import dev.contentservice.domain.WebhookOutbox.Claim;
import dev.contentservice.domain.WebhookTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookOutbox} must do. Times are given explicitly, near the real present (a store
 * with real expiry, like Redis, must not see them as past). Extend it and return a fresh, empty outbox.
 */
public abstract class WebhookOutboxContract {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final WebhookTarget TARGET =
            WebhookTarget.parse("https://hooks.example.com/content?x=1").orElseThrow();

    protected abstract WebhookOutbox createOutbox();

    private WebhookOutbox outbox;
    private Instant now;

    @BeforeEach
    void setUp() {
        outbox = createOutbox();
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private WebhookDelivery owed(Instant dueAt) {
        return WebhookDelivery.owed(JobId.random(), TARGET, dueAt, now.plus(Duration.ofHours(4)));
    }

    private Claim claimOne(WebhookDelivery delivery, Instant at) {
        List<Claim> claims = outbox.claim(at, LEASE, 100);
        return claims.stream()
                .filter(claim -> claim.delivery().jobId().equals(delivery.jobId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not claimed: " + delivery.jobId()));
    }

    private boolean claimable(WebhookDelivery delivery, Instant at) {
        return outbox.claim(at, LEASE, 100).stream()
                .anyMatch(claim -> claim.delivery().jobId().equals(delivery.jobId()));
    }

    @Test
    void a_delivery_is_claimed_once_due_and_not_before() {
        WebhookDelivery delivery = owed(now.plusSeconds(10));
        outbox.add(delivery);

        assertThat(claimable(delivery, now)).isFalse();
        Claim claim = claimOne(delivery, now.plusSeconds(10));

        assertThat(claim.delivery()).isEqualTo(delivery);
    }

    @Test
    void a_claimed_delivery_is_held_for_the_lease_then_handed_out_again_with_a_new_token() {
        WebhookDelivery delivery = owed(now);
        outbox.add(delivery);

        Claim first = claimOne(delivery, now);

        assertThat(claimable(delivery, now.plus(LEASE).minusMillis(1))).isFalse();
        Claim second = claimOne(delivery, now.plus(LEASE));
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(outbox.reschedule(first, delivery.dueAt(now.plusSeconds(60))))
                .isFalse();
        assertThat(outbox.remove(first)).isFalse();
        assertThat(outbox.find(delivery.jobId())).isPresent();
    }

    @Test
    void rescheduling_writes_the_payload_attempts_and_next_due_time_and_lets_the_claim_go() {
        WebhookDelivery delivery = owed(now);
        outbox.add(delivery);
        Claim claim = claimOne(delivery, now);
        WebhookDelivery next = delivery.withPayload("{\"type\":\"job.completed\",\"data\":{\"메모\":\"봄 ☕\"}}")
                .attemptFailed(now, now.plusSeconds(5));

        assertThat(outbox.reschedule(claim, next)).isTrue();

        assertThat(outbox.find(delivery.jobId())).contains(next);
        assertThat(claimable(next, now.plusSeconds(4))).isFalse();
        Claim again = claimOne(next, now.plusSeconds(5));
        assertThat(again.delivery()).isEqualTo(next);
        assertThat(again.delivery().attempts()).isEqualTo(1);
        assertThat(again.delivery().firstAttemptAt()).contains(now);
    }

    @Test
    void removing_with_the_current_claim_forgets_the_delivery() {
        WebhookDelivery delivery = owed(now);
        outbox.add(delivery);
        Claim claim = claimOne(delivery, now);

        assertThat(outbox.remove(claim)).isTrue();

        assertThat(outbox.find(delivery.jobId())).isEmpty();
        assertThat(claimable(delivery, now.plus(LEASE).plusSeconds(1))).isFalse();
    }

    @Test
    void claims_come_earliest_first_and_at_most_as_many_as_asked() {
        WebhookDelivery later = owed(now.plusMillis(20));
        WebhookDelivery earliest = owed(now);
        WebhookDelivery middle = owed(now.plusMillis(10));
        outbox.add(later);
        outbox.add(earliest);
        outbox.add(middle);

        List<Claim> two = outbox.claim(now.plusSeconds(1), LEASE, 2);

        assertThat(two).extracting(claim -> claim.delivery().jobId()).containsExactly(earliest.jobId(), middle.jobId());
        assertThat(outbox.claim(now.plusSeconds(1), LEASE, 2))
                .extracting(claim -> claim.delivery().jobId())
                .containsExactly(later.jobId());
    }

    @Test
    void waking_makes_a_delivery_that_waits_for_its_job_due_at_once() {
        WebhookDelivery delivery = owed(now.plusSeconds(60));
        outbox.add(delivery);

        outbox.wake(delivery.jobId(), now);

        assertThat(claimable(delivery, now)).isTrue();
    }

    @Test
    void waking_leaves_a_delivery_with_a_payload_to_its_backoff() {
        WebhookDelivery delivery = owed(now);
        outbox.add(delivery);
        Claim claim = claimOne(delivery, now);
        WebhookDelivery backingOff = delivery.withPayload("{}").attemptFailed(now, now.plusSeconds(60));
        outbox.reschedule(claim, backingOff);

        outbox.wake(delivery.jobId(), now.plusSeconds(1));

        assertThat(claimable(delivery, now.plusSeconds(1))).isFalse();
    }

    @Test
    void waking_a_job_without_a_delivery_does_nothing() {
        JobId nobody = JobId.random();

        outbox.wake(nobody, now);

        assertThat(outbox.find(nobody)).isEmpty();
        assertThat(outbox.claim(now, LEASE, 10)).isEmpty();
    }

    @Test
    void forgetting_removes_a_delivery_whatever_its_state() {
        WebhookDelivery delivery = owed(now);
        outbox.add(delivery);
        Claim claim = claimOne(delivery, now);

        outbox.forget(delivery.jobId());

        assertThat(outbox.find(delivery.jobId())).isEmpty();
        assertThat(outbox.reschedule(claim, delivery.dueAt(now))).isFalse();
        assertThat(claimable(delivery, now.plus(LEASE).plusSeconds(1))).isFalse();
    }

    @Test
    void an_expired_delivery_is_not_handed_out() {
        WebhookDelivery delivery = WebhookDelivery.owed(JobId.random(), TARGET, now, now.plusMillis(200));
        outbox.add(delivery);

        boolean gone = Fixtures.eventually(
                Duration.ofSeconds(5), () -> outbox.find(delivery.jobId()).isEmpty());

        assertThat(gone).isTrue();
        assertThat(claimable(delivery, now.plusSeconds(1))).isFalse();
    }
}
