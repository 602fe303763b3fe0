package dev.contentservice.adapter.imagegen.http;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps image downloads from reaching inside: a network interceptor that looks at the address each request (and
 * each redirect hop) is actually connected to, and refuses loopback, private, link-local, shared, metadata and
 * unique-local addresses unless the host is the provider's own or private URLs are allowed.
 */
final class AddressGuard implements Interceptor {
    private final String providerHost;
    private final boolean allowPrivate;

    AddressGuard(String providerHost, boolean allowPrivate) {
        this.providerHost = providerHost.toLowerCase(Locale.ROOT);
        this.allowPrivate = allowPrivate;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String host = chain.request().url().host().toLowerCase(Locale.ROOT);
        if (!allowPrivate && !host.equals(providerHost) && chain.connection() != null) {
            InetAddress address = chain.connection().socket().getInetAddress();
            if (isInternal(address)) {
                throw new RefusedAddressException(host);
            }
        }
        return chain.proceed(chain.request());
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = raw[0] & 0xFF;
            int second = raw[1] & 0xFF;
            // 0.0.0.0/8, 100.64.0.0/10 (shared), 192.0.0.0/24, 198.18.0.0/15 (benchmarking), 240.0.0.0/4
            return first == 0
                    || (first == 100 && second >= 64 && second <= 127)
                    || (first == 192 && second == 0 && (raw[2] & 0xFF) == 0)
                    || (first == 198 && (second == 18 || second == 19))
                    || first >= 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local (fd00:ec2::254 is a metadata address)
            return (raw[0] & 0xFE) == 0xFC;
        }
        return false;
    }

    /** The download was refused: not retried, reported as a bad response. */
    static final class RefusedAddressException extends IOException {
        RefusedAddressException(String host) {
            super("refused to download from " + host + ": it resolves to an internal address");
        }
    }
}
