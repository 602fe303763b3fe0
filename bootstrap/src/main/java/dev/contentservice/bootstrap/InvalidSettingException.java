package dev.contentservice.bootstrap;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import java.util.Collection;
import java.util.Optional;

/**
 * A setting that parses but does not work, found while the service starts (for example a bucket that does
 * not exist): {@link Main} exits with code 2 and the message, which names the variable.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    public InvalidSettingException(String message) {
        super(message);
    }

    /** The one Guice wraps, if a provider threw one while the injector was created or asked. */
    static Optional<InvalidSettingException> in(RuntimeException e) {
        Collection<Message> messages = e instanceof CreationException creation
                ? creation.getErrorMessages()
                : e instanceof ProvisionException provision ? provision.getErrorMessages() : java.util.List.of();
        for (Message message : messages) {
            for (Throwable cause = message.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidSettingException invalid) {
                    return Optional.of(invalid);
                }
            }
        }
        return Optional.empty();
    }
}
