package io.labgate.access.request;

/** Why an AI company wants the data; checked against the use conditions of each dataset. */
public enum PurposeCategory {
    RESEARCH,
    COMMERCIAL,
    PUBLIC_SERVICE,
    EDUCATION
}
