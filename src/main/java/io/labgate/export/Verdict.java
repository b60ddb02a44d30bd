package io.labgate.export;

/** What a reviewer decides, always with a reason. A provider's REFUSE is a veto over its own data. */
public enum Verdict {
    APPROVE,
    REFUSE,
    ASK_CHANGES
}
