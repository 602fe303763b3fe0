package dev.contentservice.adapter.redis;

import dev.contentservice.adapter.redis.Redis.Script;
import dev.contentservice.domain.DraftImages;
import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageSet;
import dev.contentservice.domain.ImageSetRepository;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterFormat;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Image sets in {@code content:image:{eventDraftId}} hashes: the seed's fields {@code simple}, {@code
 * fancy}, {@code trendy} (the square URLs), and {@code jobId}, {@code createdAt}, {@code editedAt}
 * (ISO-8601 UTC), {@code selected} (a style key) and {@code {format}:{style}} (for example {@code
 * portrait:fancy}). Other services read the URLs and the choice with plain {@code HGET}.
 */
final class RedisImageSetRepository implements ImageSetRepository {
    static final Script PUT_HASH = Script.load("put-hash");
    static final Script SELECT = Script.load("select");
    static final Script RESTYLE = Script.load("restyle");

    static final String JOB_ID = "jobId";
    static final String CREATED_AT = "createdAt";
    static final String EDITED_AT = "editedAt";
    static final String SELECTED = "selected";

    private final Redis redis;

    RedisImageSetRepository(Redis redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public void save(EventDraftId eventDraftId, DraftImages images) {
        Objects.requireNonNull(eventDraftId, "eventDraftId must not be null");
        Objects.requireNonNull(images, "images must not be null");
        List<String> args = new ArrayList<>();
        args.add(Long.toString(ImageSet.TTL.toMillis()));
        args.addAll(fields(images));
        redis.script(PUT_HASH, List.of(Keys.imageSet(eventDraftId)), args);
    }

    /** The hash's fields and values for the images, as {@link #save} writes them (also by finish.lua). */
    static List<String> fields(DraftImages images) {
        List<String> args = new ArrayList<>(
                2 * ImageStyle.values().length * (1 + images.formats().size()) + 8);
        addUrls(args, "", images.images());
        images.formats().forEach((format, set) -> addUrls(args, format.key() + ":", set));
        args.add(JOB_ID);
        args.add(images.jobId().toString());
        args.add(CREATED_AT);
        args.add(IsoInstant.format(images.createdAt()));
        images.editedAt().ifPresent(at -> {
            args.add(EDITED_AT);
            args.add(IsoInstant.format(at));
        });
        images.selected().ifPresent(style -> {
            args.add(SELECTED);
            args.add(style.key());
        });
        return args;
    }

    private static void addUrls(List<String> args, String prefix, ImageSet set) {
        for (ImageStyle style : ImageStyle.values()) {
            args.add(prefix + style.key());
            args.add(set.url(style));
        }
    }

    @Override
    public Optional<ImageSet> find(EventDraftId eventDraftId) {
        Objects.requireNonNull(eventDraftId, "eventDraftId must not be null");
        return urls(read(eventDraftId), "");
    }

    @Override
    public Optional<DraftImages> latest(EventDraftId eventDraftId) {
        Objects.requireNonNull(eventDraftId, "eventDraftId must not be null");
        return draftImages(read(eventDraftId));
    }

    @Override
    public Optional<DraftImages> select(EventDraftId eventDraftId, ImageStyle style) {
        Objects.requireNonNull(eventDraftId, "eventDraftId must not be null");
        Objects.requireNonNull(style, "style must not be null");
        return hash(redis.script(SELECT, List.of(Keys.imageSet(eventDraftId)), List.of(style.key())));
    }

    @Override
    public Optional<DraftImages> restyle(
            EventDraftId eventDraftId,
            JobId madeBy,
            ImageStyle style,
            Map<PosterFormat, String> urls,
            Instant editedAt) {
        Objects.requireNonNull(eventDraftId, "eventDraftId must not be null");
        Objects.requireNonNull(madeBy, "madeBy must not be null");
        Objects.requireNonNull(style, "style must not be null");
        Objects.requireNonNull(editedAt, "editedAt must not be null");
        List<String> args = new ArrayList<>();
        args.add(madeBy.toString());
        args.add(IsoInstant.format(editedAt));
        urls.forEach((format, url) -> {
            if (format == PosterFormat.SQUARE) {
                args.add(style.key());
                args.add(url);
            }
            args.add(format.key() + ":" + style.key());
            args.add(url);
        });
        return hash(redis.script(RESTYLE, List.of(Keys.imageSet(eventDraftId)), args));
    }

    /** A script's HGETALL answer as the whole record; empty when the script answered false. */
    private static Optional<DraftImages> hash(Object answer) {
        if (!(answer instanceof List<?> flat)) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return draftImages(fields);
    }

    private Map<String, String> read(EventDraftId eventDraftId) {
        return redis.read("find image set", jedis -> jedis.hgetAll(Keys.imageSet(eventDraftId)));
    }

    /** The whole record; empty when the square URLs, the job or the creation time are missing or unreadable. */
    static Optional<DraftImages> draftImages(Map<String, String> fields) {
        Optional<ImageSet> images = urls(fields, "");
        Optional<JobId> jobId = JobId.parse(fields.get(JOB_ID));
        Optional<Instant> createdAt = instant(fields.get(CREATED_AT));
        if (images.isEmpty() || jobId.isEmpty() || createdAt.isEmpty()) {
            return Optional.empty();
        }
        Map<PosterFormat, ImageSet> formats = new EnumMap<>(PosterFormat.class);
        for (PosterFormat format : PosterFormat.values()) {
            urls(fields, format.key() + ":").ifPresent(set -> formats.put(format, set));
        }
        Optional<Instant> editedAt = instant(fields.get(EDITED_AT)).filter(at -> !at.isBefore(createdAt.get()));
        return Optional.of(new DraftImages(
                jobId.get(),
                images.get(),
                formats,
                ImageStyle.fromKey(fields.get(SELECTED)),
                createdAt.get(),
                editedAt));
    }

    private static Optional<ImageSet> urls(Map<String, String> fields, String prefix) {
        Map<ImageStyle, String> urls = new EnumMap<>(ImageStyle.class);
        for (ImageStyle style : ImageStyle.values()) {
            String url = fields.get(prefix + style.key());
            if (url == null || url.isBlank()) {
                return Optional.empty();
            }
            urls.put(style, url);
        }
        return Optional.of(new ImageSet(urls));
    }

    private static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(IsoInstant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
