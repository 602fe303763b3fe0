package dev.contentservice.application;

import dev.contentservice.domain.GeneratedImage;
import dev.contentservice.domain.ImageFileName;
import dev.contentservice.domain.ImageFormat;
import dev.contentservice.domain.ImageGenerationException;
import dev.contentservice.domain.ImageGenerator;
import dev.contentservice.domain.ImageLinks;
import dev.contentservice.domain.ImageRequest;
import dev.contentservice.domain.ImageStore;
import dev.contentservice.domain.ImageStyle;
import dev.contentservice.domain.JobId;
import dev.contentservice.domain.PosterComposer;
import dev.contentservice.domain.PosterCopy;
import dev.contentservice.domain.PosterFormat;
import dev.contentservice.domain.PosterPalette;
import dev.contentservice.domain.PosterRequest;
import dev.contentservice.domain.Recommendation;
import dev.contentservice.domain.StylePrompt;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Issue 13's composition: the posters of one style of a job, in every SNS format asked for, stored and
 * linked.
 *
 * <ul>
 *   <li>With an AI provider and {@link TextMode#OVERLAY}, the provider is called once for the style's
 *       <em>art</em> ({@link StylePrompt#art}: no letters, room for the words); the art is kept in the image
 *       store as {@code {jobId}-{style}-art.{ext}} (for the images' 7 days), and each format is composed
 *       over it by the {@link PosterComposer}, which sets the Korean type.
 *   <li>With {@link TextMode#PROVIDER}, the provider's square poster is stored byte for byte, as before
 *       issue 13; no art is kept and no other format is made.
 *   <li>Without a provider (or, when falling back is allowed, when the provider is unavailable or out of
 *       time) the composer draws each format on its own background.
 *   <li>{@link #reset} re-sets one style from the kept art with new words or colours, without calling the
 *       provider: the edit of item 4.
 * </ul>
 *
 * <p>The square is always made (it is the seed's image). Blocking store calls run on {@code io}; the
 * provider and the composer are asynchronous. Cancelling a returned future cancels the provider's call.
 */
public final class ComposePosters {
    private static final System.Logger LOG = System.getLogger(ComposePosters.class.getName());

    private final Optional<ImageGenerator> provider;
    private final boolean fallBack;
    private final TextMode textMode;
    private final PosterComposer composer;
    private final ImageStore imageStore;
    private final ImageLinks links;
    private final Executor io;

    /**
     * @param provider the AI provider that draws the art, or empty when the composer draws everything
     * @param fallBack whether a provider that is unavailable or out of time is replaced by the composer's
     *     own background (as {@link FallbackImageGenerator} does for whole posters)
     */
    public ComposePosters(
            Optional<ImageGenerator> provider,
            boolean fallBack,
            TextMode textMode,
            PosterComposer composer,
            ImageStore imageStore,
            ImageLinks links,
            Executor io) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.fallBack = fallBack;
        this.textMode = Objects.requireNonNull(textMode, "textMode");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.imageStore = Objects.requireNonNull(imageStore, "imageStore");
        this.links = Objects.requireNonNull(links, "links");
        this.io = Objects.requireNonNull(io, "io");
    }

    /**
     * Draws one style of a generation job in the given formats (the square always included).
     *
     * @param deadline the job's deadline, handed to the provider
     */
    public CompletableFuture<StylePosters> draw(
            JobId jobId, ImageStyle style, Recommendation recommendation, Set<PosterFormat> formats, Instant deadline) {
        Objects.requireNonNull(jobId, "jobId must not be null");
        Objects.requireNonNull(style, "style must not be null");
        Objects.requireNonNull(recommendation, "recommendation must not be null");
        Objects.requireNonNull(deadline, "deadline must not be null");
        Set<PosterFormat> wanted = withSquare(formats);
        PosterRequest base = PosterRequest.of(jobId, style, PosterFormat.SQUARE, recommendation);
        if (provider.isEmpty()) {
            return composeAll(jobId, base, wanted, Optional.empty(), false);
        }
        ImageGenerator ai = provider.get();
        if (textMode == TextMode.PROVIDER) {
            return ask(ai, ImageRequest.of(jobId, style, recommendation, deadline), base, wanted, jobId, whole -> {
                ImageFileName name = ImageFileName.of(jobId, style, whole.format());
                imageStore.put(name, whole);
                return CompletableFuture.completedFuture(
                        new StylePosters(style, Map.of(PosterFormat.SQUARE, links.urlOf(name)), whole.generator()));
            });
        }
        ImageRequest artRequest = ImageRequest.ofArt(jobId, style, recommendation, deadline);
        return ask(ai, artRequest, base, wanted, jobId, art -> {
            imageStore.put(ImageFileName.art(jobId, style, art.format()), art);
            return composeAll(jobId, base, wanted, Optional.of(art), true);
        });
    }

    /**
     * Re-sets one style of a set with new words (and colours) in the given formats, over the art kept when
     * the set was made, or on the composer's own background when the set was made without art. Never calls
     * the provider. The new posters are stored under the edit job's id, so the set's old images stay
     * readable until the set points at the new ones.
     *
     * @param madeBy the job that made the set: its art and its decoration seed are reused
     * @param editJob the job of this edit, whose id names the new images
     */
    public CompletableFuture<StylePosters> reset(
            JobId madeBy,
            JobId editJob,
            ImageStyle style,
            PosterCopy copy,
            Optional<PosterPalette> palette,
            Set<PosterFormat> formats) {
        Objects.requireNonNull(madeBy, "madeBy must not be null");
        Objects.requireNonNull(editJob, "editJob must not be null");
        Objects.requireNonNull(style, "style must not be null");
        Objects.requireNonNull(copy, "copy must not be null");
        Objects.requireNonNull(palette, "palette must not be null");
        Set<PosterFormat> wanted = withSquare(formats);
        PosterRequest base = new PosterRequest(
                style, PosterFormat.SQUARE, copy, palette, Optional.empty(), PosterRequest.seed(madeBy, style));
        return CompletableFuture.supplyAsync(() -> keptArt(madeBy, style), io)
                .thenCompose(art -> composeAll(editJob, base, wanted, art, false));
    }

    /**
     * The formats {@link #draw} makes of a style when the provider answers: the asked ones with the square,
     * or the square only when the provider sets the text ({@link TextMode#PROVIDER}).
     */
    public Set<PosterFormat> formatsMade(Set<PosterFormat> asked) {
        if (provider.isPresent() && textMode == TextMode.PROVIDER) {
            return EnumSet.of(PosterFormat.SQUARE);
        }
        return withSquare(asked);
    }

    /** The art kept for a style of a job, in whichever format the provider answered, or empty. */
    public Optional<GeneratedImage> keptArt(JobId jobId, ImageStyle style) {
        for (ImageFormat format : ImageFormat.values()) {
            Optional<ImageStore.StoredImage> stored = imageStore.get(ImageFileName.art(jobId, style, format));
            if (stored.isPresent()) {
                return Optional.of(
                        new GeneratedImage(stored.get().bytes(), stored.get().mediaType(), "kept-art"));
            }
        }
        return Optional.empty();
    }

    /**
     * Asks the provider, then hands its image to {@code then} on the io executor; falls back to the
     * composer's own background when allowed and the provider is unavailable or out of time.
     */
    private CompletableFuture<StylePosters> ask(
            ImageGenerator ai,
            ImageRequest request,
            PosterRequest base,
            Set<PosterFormat> wanted,
            JobId jobId,
            Function<GeneratedImage, CompletableFuture<StylePosters>> then) {
        CompletableFuture<GeneratedImage> call;
        try {
            call = Objects.requireNonNull(ai.generate(request), "provider returned no future");
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        AtomicReference<CompletableFuture<GeneratedImage>> working = new AtomicReference<>(call);
        CompletableFuture<StylePosters> result = new CompletableFuture<>();
        result.whenComplete((posters, error) -> {
            if (result.isCancelled()) {
                working.get().cancel(true);
            }
        });
        call.handle((image, error) -> {
                    if (error == null) {
                        return CompletableFuture.supplyAsync(() -> image, io).thenCompose(then);
                    }
                    Throwable cause = Async.unwrap(error);
                    if (fallBack && fallsBack(cause)) {
                        LOG.log(
                                Level.INFO,
                                "provider failed for the {0} art of job {1} ({2}): composing it on the own background",
                                base.style().key(),
                                jobId,
                                ((ImageGenerationException) cause).code());
                        return composeAll(jobId, base, wanted, Optional.empty(), false);
                    }
                    return CompletableFuture.<StylePosters>failedFuture(cause);
                })
                .thenCompose(stage -> stage)
                .whenComplete((posters, error) -> {
                    if (error == null) {
                        result.complete(posters);
                    } else {
                        result.completeExceptionally(Async.unwrap(error));
                    }
                });
        return result;
    }

    /**
     * Composes and stores every format in parallel; fails with the first failure.
     *
     * @param creditArt whether the art's generator is named with the composer's (a fresh provider picture)
     */
    private CompletableFuture<StylePosters> composeAll(
            JobId namedBy,
            PosterRequest base,
            Set<PosterFormat> wanted,
            Optional<GeneratedImage> art,
            boolean creditArt) {
        Map<PosterFormat, String> urls = new EnumMap<>(PosterFormat.class);
        List<CompletableFuture<String>> stages = new ArrayList<>();
        for (PosterFormat format : wanted) {
            PosterRequest request = base.withFormat(format);
            if (art.isPresent()) {
                request = request.withArt(art.get());
            }
            CompletableFuture<GeneratedImage> composed;
            try {
                composed = Objects.requireNonNull(composer.compose(request), "composer returned no future");
            } catch (RuntimeException e) {
                composed = CompletableFuture.failedFuture(e);
            }
            stages.add(composed.thenApplyAsync(
                    poster -> {
                        ImageFileName name = ImageFileName.of(namedBy, base.style(), format);
                        imageStore.put(name, poster);
                        String url = links.urlOf(name);
                        synchronized (urls) {
                            urls.put(format, url);
                        }
                        return poster.generator();
                    },
                    io));
        }
        return Async.allOrFirstFailure(stages.stream()
                        .map(stage -> stage.<Void>thenApply(ignored -> null))
                        .toList())
                .thenApply(ignored -> {
                    String composedBy = stages.get(0).join();
                    String generator =
                            creditArt && art.isPresent() ? art.get().generator() + "+" + composedBy : composedBy;
                    synchronized (urls) {
                        return new StylePosters(base.style(), urls, generator);
                    }
                });
    }

    private static Set<PosterFormat> withSquare(Set<PosterFormat> formats) {
        Objects.requireNonNull(formats, "formats must not be null");
        EnumSet<PosterFormat> wanted = EnumSet.of(PosterFormat.SQUARE);
        wanted.addAll(formats);
        return wanted;
    }

    private static boolean fallsBack(Throwable failure) {
        return failure instanceof ImageGenerationException generation
                && (generation.code().equals(ImageGenerationException.UNAVAILABLE)
                        || generation.code().equals(ImageGenerationException.TIMEOUT));
    }
}
