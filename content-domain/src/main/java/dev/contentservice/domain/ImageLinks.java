package dev.contentservice.domain;

/** Turns the name of a hosted image into the public URL clients download it from. */
@FunctionalInterface
public interface ImageLinks {
    String urlOf(ImageFileName name);
}
