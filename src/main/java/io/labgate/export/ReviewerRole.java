package io.labgate.export;

/** As whom a reviewer reviewed: the lab's operator, or a provider whose data the export derives from. */
public enum ReviewerRole {
    OPERATOR,
    PROVIDER
}
