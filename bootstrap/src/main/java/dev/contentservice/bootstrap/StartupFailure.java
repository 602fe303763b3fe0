package dev.contentservice.bootstrap;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import dev.contentservice.adapter.rest.HttpBindException;

/**
 * Why the service could not start, as one line for the operator and an exit code: 2 for a bad setting
 * (an {@link IllegalArgumentException} from the configuration or from an adapter's settings, also when
 * Guice wraps it) and for an address the HTTP server cannot bind; 1 for anything else.
 */
record StartupFailure(int exitCode, String line) {
    static final int BAD_SETTING = 2;
    static final int OTHER = 1;

    static StartupFailure of(Throwable failure) {
        Throwable cause = rootOf(failure);
        if (cause instanceof HttpBindException bind) {
            return new StartupFailure(
                    BAD_SETTING,
                    "configuration error: CONTENT_HTTP_PORT " + bind.port() + " on CONTENT_HTTP_HOST " + bind.host()
                            + " cannot be used (" + oneLine(bind.reason()) + "); accepted: a free port 1..65535,"
                            + " or 0 for any free port, on an address of this machine");
        }
        if (cause instanceof IllegalArgumentException bad) {
            return new StartupFailure(BAD_SETTING, "configuration error: " + oneLine(bad.getMessage()));
        }
        return new StartupFailure(
                OTHER,
                "could not start: " + cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + oneLine(cause.getMessage())));
    }

    /**
     * The failure that explains the others: through Guice's wrappers (whose messages list the whole
     * injection path) and exception chains down to the first bad setting or bind failure, else the last
     * cause.
     */
    static Throwable rootOf(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (current instanceof IllegalArgumentException || current instanceof HttpBindException) {
                return current;
            }
            Throwable next = guiceCause(current);
            if (next == null) {
                next = current.getCause();
            }
            if (next == null || next == current) {
                return current;
            }
            current = next;
        }
        return failure;
    }

    private static Throwable guiceCause(Throwable failure) {
        Iterable<Message> messages = null;
        if (failure instanceof CreationException creation) {
            messages = creation.getErrorMessages();
        } else if (failure instanceof ProvisionException provision) {
            messages = provision.getErrorMessages();
        } else if (failure instanceof ConfigurationException configuration) {
            messages = configuration.getErrorMessages();
        }
        if (messages == null) {
            return null;
        }
        for (Message message : messages) {
            if (message.getCause() != null) {
                return message.getCause();
            }
        }
        return null;
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        return line.length() <= 400 ? line : line.substring(0, 400) + "…";
    }
}
