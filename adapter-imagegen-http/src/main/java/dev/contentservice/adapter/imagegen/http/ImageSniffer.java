package dev.contentservice.adapter.imagegen.http;

import dev.contentservice.domain.ImageFormat;
import java.util.Optional;

/** Tells PNG, JPEG and WEBP apart by their magic numbers; anything else is not an image we accept. */
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
