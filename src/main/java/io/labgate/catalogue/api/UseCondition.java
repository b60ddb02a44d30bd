package io.labgate.catalogue.api;

/** What an AI company agrees to when it uses a dataset; grants carry them to the company. */
public enum UseCondition {
    /** The data may be used to build a commercial product. */
    COMMERCIAL_USE_ALLOWED,
    /** The data must not be passed on to anyone outside the grant. */
    NO_REDISTRIBUTION,
    /** No attempt may be made to re-identify people or companies in the data. */
    NO_REIDENTIFICATION,
    /** The data may be read only from the lab's own network. */
    LAB_NETWORK_ONLY,
    /** For research and demonstration only. */
    RESEARCH_ONLY
}
