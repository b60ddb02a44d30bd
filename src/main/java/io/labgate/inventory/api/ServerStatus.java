package io.labgate.inventory.api;

/** A server's state. RETIRED is final: a retired server is never booked or brought back. */
public enum ServerStatus {
    AVAILABLE,
    MAINTENANCE,
    RETIRED
}
