package dev.contentservice.domain;

/**
 * What a job does ({@link Job#type()}); its name is the {@code type} field of {@code job:{jobId}}. An
 * {@link #IMAGE_EDIT} job carries its {@link ImageEdit} ({@link Job#edit()}).
 */
public enum JobType {
    /** Draws the three styles of a draft (UFR-CONT-010). */
    IMAGE_GEN,
    /** Re-sets the text (and colours) of one style of a draft's images, from the kept art, without a provider call. */
    IMAGE_EDIT
}
