package io.labgate.inventory.bucket;

/**
 * The S3 bucket naming rules, as the MinIO SDK and every S3 store apply them: 3 to 63 characters of
 * lower-case letters, digits, dots and dashes; first and last a letter or digit; no {@code ..}, {@code .-} or
 * {@code -.}; not shaped like an IPv4 address. The migration repeats the rules as a database check.
 */
public final class BucketNames {

    public static final String PATTERN =
            "^(?!\\d{1,3}(\\.\\d{1,3}){3}$)(?!.*(\\.\\.|\\.-|-\\.))" + "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";

    public static final String MESSAGE = "must be 3 to 63 lower-case letters, digits, dots and dashes, start and end "
            + "with a letter or digit, contain no '..', '.-' or '-.', and not look like an IP address";

    private BucketNames() {}
}
