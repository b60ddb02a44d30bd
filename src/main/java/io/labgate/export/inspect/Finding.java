package io.labgate.export.inspect;

/**
 * One thing the automatic checks found in an export, a reason in its review.
 *
 * @param path where: the artifact's name, and for an archive member {@code archive.zip!/member/path}
 * @param count how many times (rows, identifiers) it was seen in that file
 */
public record Finding(Kind kind, String path, String detail, long count) {

    public enum Kind {
        /** The file is a dataset object (same SHA-256): refused outright, whatever its name. */
        DATASET_OBJECT(true),
        /** Lines equal to sampled rows of a dataset version involved. */
        DATASET_ROWS(false),
        /** A resident registration number (주민등록번호) with a valid check digit. */
        RESIDENT_REGISTRATION_NUMBER(false),
        /** A Korean phone number. */
        PHONE_NUMBER(false),
        /** An e-mail address. */
        EMAIL_ADDRESS(false),
        /** A file type the policy does not let out. */
        TYPE_NOT_ALLOWED(true),
        /** A file, or the export, larger than the policy allows, or more files than it allows. */
        TOO_LARGE(true),
        /** An archive nested deeper than the checks open, or one that cannot be read: it cannot be cleared. */
        NOT_INSPECTABLE(true);

        private final boolean refuses;

        Kind(boolean refuses) {
            this.refuses = refuses;
        }

        /** Whether it refuses the export by itself; otherwise it is flagged for the reviewers. */
        public boolean refuses() {
            return refuses;
        }
    }
}
