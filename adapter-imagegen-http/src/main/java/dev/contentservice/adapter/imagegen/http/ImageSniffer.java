package dev.contentservice.adapter.imagegen.http;

import dev.contentservice.domain.ImageFormat;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Tells PNG, JPEG and WEBP apart by their magic numbers (anything else is not an image we accept) and reads the
 * pixel count from their headers, so that an image that would take too much memory to decode is refused unread.
 */
final class ImageSniffer {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP = {'W', 'E', 'B', 'P'};

    private ImageSniffer() {}

    static Optional<ImageFormat> formatOf(byte[] bytes) {
        if (startsWith(bytes, 0, PNG)) {
            return Optional.of(ImageFormat.PNG);
        }
        if (startsWith(bytes, 0, JPEG)) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
            return Optional.of(ImageFormat.WEBP);
        }
        return Optional.empty();
    }

    /** Width × height as the header declares it; empty when the header cannot be read. */
    static OptionalLong pixelsOf(byte[] bytes, ImageFormat format) {
        return switch (format) {
            case PNG -> bytes.length >= 24 ? OptionalLong.of(u32(bytes, 16) * u32(bytes, 20)) : OptionalLong.empty();
            case JPEG -> jpegPixels(bytes);
            case WEBP -> webpPixels(bytes);
            default -> OptionalLong.empty();
        };
    }

    private static OptionalLong jpegPixels(byte[] bytes) {
        int at = 2;
        while (at + 9 < bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                return OptionalLong.empty();
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            int length = u16(bytes, at + 2);
            boolean startOfFrame =
                    marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return OptionalLong.of((long) u16(bytes, at + 5) * u16(bytes, at + 7));
            }
            at += 2 + length;
        }
        return OptionalLong.empty();
    }

    private static OptionalLong webpPixels(byte[] bytes) {
        if (bytes.length < 30) {
            return OptionalLong.empty();
        }
        String chunk = new String(bytes, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8X" -> OptionalLong.of((u24(bytes, 24) + 1) * (u24(bytes, 27) + 1));
            case "VP8 " -> OptionalLong.of((long) (u16le(bytes, 26) & 0x3FFF) * (u16le(bytes, 28) & 0x3FFF));
            case "VP8L" -> {
                long bits = (bytes[21] & 0xFFL)
                        | (bytes[22] & 0xFFL) << 8
                        | (bytes[23] & 0xFFL) << 16
                        | (bytes[24] & 0xFFL) << 24;
                yield OptionalLong.of(((bits & 0x3FFF) + 1) * (((bits >> 14) & 0x3FFF) + 1));
            }
            default -> OptionalLong.empty();
        };
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u24(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
