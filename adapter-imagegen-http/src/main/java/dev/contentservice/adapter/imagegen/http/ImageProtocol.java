package dev.contentservice.adapter.imagegen.http;

import dev.contentservice.domain.ImageRequest;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * One provider's wire format: the requests it wants and what its successful answers mean. Everything else
 * (timeouts, retries, the breaker, the rate budget, polling, downloads, cancellation) belongs to {@link
 * HttpImageGenerator}, so a provider is one small class. Implementations throw {@link
 * dev.contentservice.domain.ImageGenerationException} for answers they cannot use.
 */
interface ImageProtocol {
    /** Who draws, as {@link dev.contentservice.domain.GeneratedImage#generator()} reports it. */
    String generatorName();

    /** The request that asks for one image, with the credentials. */
    Request create(ImageRequest request);

    /** What a 2xx answer to {@link #create} or {@link #poll} says. */
    Step read(byte[] body);

    /** The request that asks how a pending generation is doing. */
    Request poll(Step.Pending pending);

    /** The request that stops a pending generation. */
    Request cancel(Step.Pending pending);

    /** The provider's own words in an error answer, for the log only (the caller redacts them). */
    Optional<String> describeError(byte[] body);

    /** What the provider's answer says to do next. */
    sealed interface Step {
        /** The image itself. */
        record Image(byte[] bytes) implements Step {}

        /** The image is at this URL: fetch it now, without credentials. */
        record Download(HttpUrl url) implements Step {}

        /** The provider is still drawing: ask again later, or cancel. */
        record Pending(String id) implements Step {}

        /**
         * The provider gave up on this image.
         *
         * @param code the {@code IMAGEGEN_*} code
         * @param message our own description, safe for the store
         * @param providerText the provider's words, for the log only (redacted there)
         */
        record Failed(String code, String message, Optional<String> providerText) implements Step {}
    }
}
