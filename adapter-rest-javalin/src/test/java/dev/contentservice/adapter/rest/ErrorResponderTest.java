package dev.contentservice.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.javalin.http.Context;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class ErrorResponderTest {
    /** A request the server has recycled: its client went while a long-poll waited, so every read throws. */
    private static Context recycled() {
        return (Context) Proxy.newProxyInstance(
                Context.class.getClassLoader(), new Class<?>[] {Context.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "recycled" : method.invoke(new Object(), args);
                    }
                    throw new NullPointerException("the request was recycled");
                });
    }

    @Test
    void regression_a_long_polls_failure_after_its_request_was_recycled_is_logged_not_thrown() {
        ErrorResponder responder = new ErrorResponder(5);

        assertThatCode(() -> responder.respond(new IllegalStateException("store broke"), recycled()))
                .doesNotThrowAnyException();
        assertThat(responder.toApiError(new IllegalStateException("store broke"), recycled()))
                .isEqualTo(ApiError.INTERNAL_ERROR);
    }
}
