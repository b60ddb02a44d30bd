package io.labgate.inventory.server;

/** What a lab server is for: GPU training machines or CPU machines. */
public enum ServerKind {
    GPU,
    CPU
}
