package io.labgate.platform.error;

/**
 * A stable, fine-grained reason a request fails, e.g. {@code QUOTA_EXCEEDED}: the {@code code} member of every
 * problem document, which clients switch on. Each belongs to one coarse {@link ErrorCode}, which gives the HTTP
 * status and the problem {@code type}. Features declare their own reasons as enums in their {@code api}; the
 * coarse codes are reasons too, for failures that need nothing finer.
 */
public interface ProblemCode {

    /** The code clients see: upper case with underscores, never changed once released. */
    String name();

    /** The coarse error: HTTP status, problem type and title. */
    ErrorCode error();
}
