package io.labgate.inventory.bucket;

/** How registering a bucket treats the object store. */
public enum RegistrationMode {
    /** The bucket must already exist in the store; LabGate only records it. */
    REGISTER,
    /** LabGate creates the bucket in the store, or records it if it exists already. */
    CREATE
}
