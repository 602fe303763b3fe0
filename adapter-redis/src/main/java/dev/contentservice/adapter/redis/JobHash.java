package dev.contentservice.adapter.redis;

import dev.contentservice.domain.EventDraftId;
import dev.contentservice.domain.ImageEdit;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.Job;
import dev.contentservice.domain.JobFailure;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.JobMetadata;
import dev.contentservice.domain.JobOptions;
import dev.contentservice.domain.JobStatus;
import dev.contentservice.domain.JobType;
import dev.contentservice.domain.NewJob;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.StoredStyle;
import dev.contentservice.domain.WebhookTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A job as the fields of its hash {@code job:{jobId}}: the SPEC's {@code status}, {@code eventDraftId},
 * {@code type}, {@code createdAt} (ISO-8601 UTC) and this service's {@code updatedAt}, {@code
 * recommendation} (the JSON snapshot), {@code stylesDone} (comma-separated style keys), {@code errorCode},
 * {@code generator} and {@code attempts} (kept by the queue), and the client's options written once at
 * submit: {@code formats} (comma-separated), {@code webhook} and {@code metadata} (JSON) when given; an
 * {@code IMAGE_EDIT} job ({@code type}) also holds its {@code edit} (JSON, {@link EditJson}). The failure detail lives in {@code
 * job:{jobId}:error}.
 */
final class JobHash {
    static final String STATUS = "status";
    static final String EVENT_DRAFT_ID = "eventDraftId";
    static final String TYPE = "type";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String RECOMMENDATION = "recommendation";
    static final String STYLES_DONE = "stylesDone";
    static final String ERROR_CODE = "errorCode";
    static final String GENERATOR = "generator";
    static final String ATTEMPTS = "attempts";
    static final String FORMATS = "formats";
    static final String WEBHOOK = "webhook";
    static final String METADATA = "metadata";
    /** The owner's edit of an {@code IMAGE_EDIT} job, as JSON ({@link EditJson}). */
    static final String EDIT = "edit";

    private JobHash() {}

    /** Every field of a new job, as the hash is first written. */
    static Map<String, String> of(Job job) {
        Map<String, String> fields = created(job.eventDraftId(), job.type(), job.createdAt(), job.options());
        fields.putAll(mutableFields(job));
        fields.put(RECOMMENDATION, RecommendationJson.write(job.recommendation()));
        job.edit().ifPresent(edit -> fields.put(EDIT, EditJson.write(edit)));
        return fields;
    }

    /**
     * Every field of a new generation job but its {@link #RECOMMENDATION}, which submit.lua copies from the
     * AI record in the same step.
     */
    static Map<String, String> of(NewJob job) {
        Map<String, String> fields = created(job.eventDraftId(), JobType.IMAGE_GEN, job.createdAt(), job.options());
        fields.put(STATUS, JobStatus.PENDING.name());
        fields.put(UPDATED_AT, IsoInstant.format(job.createdAt()));
        fields.put(STYLES_DONE, "");
        return fields;
    }

    /** The fields a job is created with and never changes. */
    private static Map<String, String> created(
            EventDraftId draft, JobType type, Instant createdAt, JobOptions options) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EVENT_DRAFT_ID, draft.value());
        fields.put(TYPE, type.name());
        fields.put(CREATED_AT, IsoInstant.format(createdAt));
        fields.put(ATTEMPTS, "0");
        fields.put(FORMATS, options.formats().stream().map(PosterFormat::key).collect(Collectors.joining(",")));
        options.webhook().ifPresent(webhook -> fields.put(WEBHOOK, webhook.toString()));
        options.metadata().ifPresent(metadata -> fields.put(METADATA, metadata.json()));
        return fields;
    }

    /** The fields a status update may change; optional ones are left out when absent. */
    static Map<String, String> mutableFields(Job job) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(STATUS, job.status().name());
        fields.put(UPDATED_AT, IsoInstant.format(job.updatedAt()));
        fields.put(STYLES_DONE, job.stylesDone().stream().map(ImageStyle::key).collect(Collectors.joining(",")));
        job.failure().ifPresent(failure -> fields.put(ERROR_CODE, failure.code()));
        job.generator().ifPresent(generator -> fields.put(GENERATOR, generator));
        return fields;
    }

    /** Prefix of the field holding a stored style's URL ({@code stored:simple}, ...). */
    static final String STORED_PREFIX = "stored:";
    /** Prefix of the field holding the generator of a stored style ({@code generator:simple}, ...). */
    static final String GENERATOR_PREFIX = "generator:";

    /** The styles an earlier attempt stored, from the {@code stored:{style}} and {@code generator:{style}} fields. */
    static Map<ImageStyle, StoredStyle> storedStyles(Job job, Map<String, String> fields) {
        Map<ImageStyle, StoredStyle> stored = new EnumMap<>(ImageStyle.class);
        for (ImageStyle style : ImageStyle.values()) {
            String url = fields.get(STORED_PREFIX + style.key());
            String generator = fields.get(GENERATOR_PREFIX + style.key());
            if (url != null && !url.isBlank() && generator != null && !generator.isBlank()) {
                stored.put(style, new StoredStyle(job.id(), style, url, generator, job.updatedAt()));
            }
        }
        return stored;
    }

    static List<String> flatten(Map<String, String> fields) {
        List<String> flat = new ArrayList<>(fields.size() * 2);
        fields.forEach((field, value) -> {
            flat.add(field);
            flat.add(value);
        });
        return flat;
    }

    /**
     * The job stored in the hash.
     *
     * @param errorDetail the text of {@code job:{jobId}:error}, when there is one
     * @throws IllegalStateException when the hash is not a job this service wrote
     */
    static Job read(JobId id, Map<String, String> fields, Optional<String> errorDetail) {
        try {
            EventDraftId draft = EventDraftId.of(required(fields, EVENT_DRAFT_ID));
            JobStatus status = JobStatus.valueOf(required(fields, STATUS));
            Instant createdAt = IsoInstant.parse(required(fields, CREATED_AT));
            Instant updatedAt = Optional.ofNullable(fields.get(UPDATED_AT))
                    .map(IsoInstant::parse)
                    .orElse(createdAt);
            Recommendation recommendation = RecommendationJson.read(draft, required(fields, RECOMMENDATION));
            Optional<JobFailure> failure = status == JobStatus.FAILED
                    ? Optional.of(JobFailure.of(
                            Optional.ofNullable(fields.get(ERROR_CODE)).orElse(JobFailure.INTERNAL),
                            errorDetail.orElse("")))
                    : Optional.empty();
            Optional<String> generator = status == JobStatus.COMPLETED
                    ? Optional.ofNullable(fields.get(GENERATOR)).filter(g -> !g.isBlank())
                    : Optional.empty();
            return new Job(
                    id,
                    draft,
                    status,
                    createdAt,
                    updatedAt,
                    recommendation,
                    styles(fields),
                    failure,
                    generator,
                    options(fields),
                    edit(fields));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "job:" + id + " is not a job hash this service wrote: " + e.getMessage(), e);
        }
    }

    /**
     * The edit of an {@code IMAGE_EDIT} job; a hash without a {@code type} (or {@code IMAGE_GEN}) is a
     * generation. An {@code IMAGE_EDIT} hash without a readable edit is not a job this service wrote.
     */
    private static Optional<ImageEdit> edit(Map<String, String> fields) {
        JobType type = JobType.valueOf(fields.getOrDefault(TYPE, JobType.IMAGE_GEN.name()));
        if (type == JobType.IMAGE_GEN) {
            return Optional.empty();
        }
        return Optional.of(EditJson.read(required(fields, EDIT)));
    }

    /** The options written at submit; a hash without them (written before they existed) has the defaults. */
    private static JobOptions options(Map<String, String> fields) {
        Set<PosterFormat> formats = EnumSet.noneOf(PosterFormat.class);
        for (String key : fields.getOrDefault(FORMATS, "").split(",")) {
            PosterFormat.fromKey(key.strip()).ifPresent(formats::add);
        }
        if (formats.isEmpty()) {
            formats = JobOptions.DEFAULT.formats();
        }
        Optional<WebhookTarget> webhook =
                Optional.ofNullable(fields.get(WEBHOOK)).flatMap(WebhookTarget::parse);
        Optional<JobMetadata> metadata = Optional.ofNullable(fields.get(METADATA))
                .filter(m -> !m.isBlank())
                .map(JobMetadata::of);
        return new JobOptions(formats, webhook, metadata);
    }

    private static Set<ImageStyle> styles(Map<String, String> fields) {
        String raw = fields.getOrDefault(STYLES_DONE, "");
        Set<ImageStyle> styles = EnumSet.noneOf(ImageStyle.class);
        for (String key : raw.split(",")) {
            ImageStyle.fromKey(key.strip()).ifPresent(styles::add);
        }
        return styles;
    }

    private static String required(Map<String, String> fields, String field) {
        String value = fields.get(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("field " + field + " is missing");
        }
        return value;
    }
}
