package dev.contentservice.adapter.memory;

import dev.contentservice.domain.JobId;
import dev.contentservice.domain.WebhookDelivery;
import dev.contentservice.domain.WebhookOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhooks owed, in this process's memory (the embedded default: a single instance, so nobody else
 * could deliver them anyway). One lock makes every operation atomic; a delivery is forgotten at its
 * {@link WebhookDelivery#expiresAt()} as measured by the {@link Clock}.
 */
public final class InMemoryWebhookOutbox implements WebhookOutbox {
    private final Clock clock;
    private final Map<JobId, Entry> entries = new HashMap<>();

    /** @param dueAt when the entry is next handed out (the due time, or the end of a claim's lease) */
    private record Entry(WebhookDelivery delivery, Instant dueAt, Optional<String> token) {}

    public InMemoryWebhookOutbox(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void add(WebhookDelivery delivery) {
        Objects.requireNonNull(delivery, "delivery must not be null");
        entries.put(delivery.jobId(), new Entry(delivery, delivery.dueAt(), Optional.empty()));
    }

    @Override
    public synchronized Optional<WebhookDelivery> find(JobId jobId) {
        return live(jobId).map(Entry::delivery);
    }

    @Override
    public synchronized List<Claim> claim(Instant now, Duration lease, int max) {
        Objects.requireNonNull(now, "now must not be null");
        Objects.requireNonNull(lease, "lease must not be null");
        if (max < 1) {
            return List.of();
        }
        entries.values().removeIf(entry -> expired(entry));
        List<Entry> due = entries.values().stream()
                .filter(entry -> !entry.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Entry::dueAt))
                .limit(max)
                .toList();
        List<Claim> claims = new ArrayList<>(due.size());
        for (Entry entry : due) {
            String token = UUID.randomUUID().toString();
            entries.put(entry.delivery().jobId(), new Entry(entry.delivery(), now.plus(lease), Optional.of(token)));
            claims.add(new Claim(entry.delivery(), token));
        }
        return claims;
    }

    @Override
    public synchronized boolean reschedule(Claim claim, WebhookDelivery next) {
        Objects.requireNonNull(next, "next must not be null");
        if (!holds(claim)) {
            return false;
        }
        entries.put(next.jobId(), new Entry(next, next.dueAt(), Optional.empty()));
        return true;
    }

    @Override
    public synchronized boolean remove(Claim claim) {
        if (!holds(claim)) {
            return false;
        }
        entries.remove(claim.delivery().jobId());
        return true;
    }

    @Override
    public synchronized void forget(JobId jobId) {
        entries.remove(jobId);
    }

    @Override
    public synchronized void wake(JobId jobId, Instant now) {
        live(jobId).ifPresent(entry -> {
            if (entry.token().isEmpty()
                    && entry.delivery().payload().isEmpty()
                    && entry.dueAt().isAfter(now)) {
                entries.put(jobId, new Entry(entry.delivery(), now, Optional.empty()));
            }
        });
    }

    private boolean holds(Claim claim) {
        Objects.requireNonNull(claim, "claim must not be null");
        return live(claim.delivery().jobId())
                .flatMap(Entry::token)
                .filter(claim.token()::equals)
                .isPresent();
    }

    private Optional<Entry> live(JobId jobId) {
        Entry entry = entries.get(jobId);
        if (entry == null) {
            return Optional.empty();
        }
        if (expired(entry)) {
            entries.remove(jobId);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    private boolean expired(Entry entry) {
        return !entry.delivery().expiresAt().isAfter(clock.instant());
    }
}
