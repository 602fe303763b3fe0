package dev.contentservice.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which addresses a webhook may reach: none that is loopback, private, link-local, unique-local,
 * carrier-grade NAT, multicast, unspecified or a cloud metadata address, unless private addresses are
 * allowed (tests, private networks). A host name is resolved and every address it resolves to must pass,
 * so a public name pointing inside is refused too. Checked when the job is requested and again right
 * before each delivery, where the sender connects only to the addresses checked.
 */
public final class WebhookAddressPolicy {
    private static final Set<String> METADATA_HOSTS =
            Set.of("metadata.google.internal", "metadata.goog", "metadata", "instance-data");

    /** Resolves a host name to its addresses (the system resolver by default). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public WebhookAddressPolicy(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = Objects.requireNonNull(resolver, "resolver must not be null");
    }

    /** Private addresses refused, names resolved by the system. */
    public static WebhookAddressPolicy publicOnly() {
        return new WebhookAddressPolicy(false, host -> List.of(InetAddress.getAllByName(host)));
    }

    /** Every address allowed (names are still resolved by the system when asked). */
    public static WebhookAddressPolicy allowingPrivate() {
        return new WebhookAddressPolicy(true, host -> List.of(InetAddress.getAllByName(host)));
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Refuses a target whose host is not allowed. Resolves the name unless private addresses are allowed. */
    public void check(WebhookTarget target) {
        Objects.requireNonNull(target, "target must not be null");
        if (allowPrivate) {
            return;
        }
        resolve(target.host());
    }

    /**
     * The addresses of {@code host}, each checked; what a sender connects to.
     *
     * @throws WebhookRefusedException when the name does not resolve or any address is not allowed
     */
    public List<InetAddress> resolve(String host) {
        Objects.requireNonNull(host, "host must not be null");
        String name = host.toLowerCase(Locale.ROOT);
        if (!allowPrivate
                && (METADATA_HOSTS.contains(name) || name.equals("localhost") || name.endsWith(".localhost"))) {
            throw new WebhookRefusedException("webhook host " + abbreviate(host) + " is not a public address");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new WebhookRefusedException("webhook host " + abbreviate(host) + " does not resolve");
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new WebhookRefusedException("webhook host " + abbreviate(host) + " does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new WebhookRefusedException(
                            "webhook host " + abbreviate(host) + " resolves to a non-public address");
                }
            }
        }
        return List.copyOf(addresses);
    }

    /** Whether an address is one a webhook may reach when private addresses are not allowed. */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7 (AWS metadata fd00:ec2::254 among them)
            }
            if (isIpv4Mapped(b) || isIpv4Compatible(b)) {
                byte[] v4 = {b[12], b[13], b[14], b[15]};
                try {
                    return isPublic(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return false; // 6to4 tunnels to any IPv4 address
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return false; // NAT64 64:ff9b::/96
            }
            return true;
        }
        return false;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String host) {
        return host.length() <= 80 ? host : host.substring(0, 80) + "…";
    }
}
