package dev.contentservice.application;

/**
 * Who sets the words of a poster when an AI provider draws ({@code CONTENT_IMAGEGEN_TEXT}): the service
 * over the provider's art ({@link #OVERLAY}, the default), or the provider itself ({@link #PROVIDER}, the
 * provider's image byte for byte, as before issue 13).
 */
public enum TextMode {
    /** The provider draws the art only; the service sets the Korean type over it in every format. */
    OVERLAY,
    /** The provider draws the whole square poster, text included; no art is kept and no other format made. */
    PROVIDER
}
