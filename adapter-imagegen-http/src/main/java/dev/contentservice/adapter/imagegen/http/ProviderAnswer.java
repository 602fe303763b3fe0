package dev.contentservice.adapter.imagegen.http;

import java.util.Optional;

/**
 * One HTTP answer, read completely inside OkHttp's callback so that the connection is released at once.
 *
 * @param oversized the body was longer than allowed and was not read to the end
 */
record ProviderAnswer(int status, Optional<String> retryAfter, byte[] body, boolean oversized) {

    /** 429 and 5xx: the provider may answer differently if asked again later. */
    boolean isTransientFailure() {
        return status == 429 || status >= 500;
    }

    boolean isSuccessful() {
        return status >= 200 && status < 300;
    }
}
