package dev.contentservice.adapter.rest;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page, replaced: the errors Jetty answers by itself, before Javalin sees the request (a
 * malformed URI or percent-encoding, an oversized header or URI, a protected path), get the same {@code
 * {"code","message"}} JSON body as every other error instead of Jetty's HTML page. Installed both on the
 * server and on the servlet context.
 */
final class JsonErrorHandler extends ErrorHandler {
    /** The method Jetty gives to a request it could not parse. */
    private static final String BAD_MESSAGE = "BAD";

    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException httpException) {
            status = httpException.getCode();
        }
        ApiError error = ApiError.forStatus(status >= 400 && status <= 599 ? status : 500);
        response.setStatus(error.status());
        if (BAD_MESSAGE.equals(request.getMethod()) || error.status() == 400) {
            // Jetty closes the connection after a request it could not parse but, answering as HTTP/1.0,
            // does not say so: a client would reuse the dead connection for its next request.
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Json.MEDIA_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        byte[] body = Json.bytes(error.body());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
