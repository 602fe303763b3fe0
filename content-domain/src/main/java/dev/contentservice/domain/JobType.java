package dev.contentservice.domain;

/**
 * What a job does; its name is the {@code type} field of {@code job:{jobId}}. Only {@link #IMAGE_GEN} runs
 * today ({@link Job#TYPE}); {@link #IMAGE_EDIT} is the type an edit job will carry once jobs carry their
 * type and the renderer can re-set a style's text from the kept art (issue 13, item 4).
 */
public enum JobType {
    /** Draws the three styles of a draft (UFR-CONT-010). */
    IMAGE_GEN,
    /** Re-sets the text (and colours) of one style of a draft's images, from the kept art, without a provider call. */
    IMAGE_EDIT
}
