package dev.contentservice.adapter.rest;

/** The HTTP server could not listen on its address: the port is in use, or the host is not this machine's. */
public final class HttpBindException extends IllegalStateException {
    private final String host;
    private final int port;
    private final String reason;

    HttpBindException(String host, int port, String reason, Throwable cause) {
        super("cannot listen on " + host + ":" + port + ": " + reason, cause);
        this.host = host;
        this.port = port;
        this.reason = reason;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The operating system's reason, for example "Address already in use". */
    public String reason() {
        return reason;
    }
}
