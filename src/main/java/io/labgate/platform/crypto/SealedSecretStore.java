package io.labgate.platform.crypto;

/**
 * A table that holds secrets sealed by the {@link KeyRing}: the feature that owns the table registers one bean of
 * this type, so that the rewrap ({@link SecretRewrap}) re-encrypts its rows without knowing the feature. The table
 * must have the columns {@code id} (uuid), {@code secret_ciphertext} and {@code key_version}.
 */
public interface SealedSecretStore {

    /** The kind of the per-grant S3 access keys' secrets. */
    String ACCESS_KEY = "ACCESS_KEY";

    /** The kind of the webhook subscriptions' signing secrets. */
    String WEBHOOK = "WEBHOOK";

    /** The name in the rewrap's counts and failures, e.g. {@code ACCESS_KEY}. */
    String kind();

    /** The table that holds the sealed secrets. */
    String table();

    /** The column whose value the additional authenticated data of a row is derived from. */
    String aadColumn();

    /** The additional authenticated data a row's secret was sealed with, from its {@link #aadColumn()} value. */
    String aad(Object aadColumnValue);

    /** Whether the table has an optimistic-lock {@code version} column that a rewrap increments. */
    boolean versioned();
}
