package io.labgate.platform.security;

/** The realm roles LabGate knows; docs/security.md says what each may do. */
public final class Roles {

    /** Lab operators: manage inventory, policies and organizations, decide requests. */
    public static final String OPERATOR = "operator";
    /** Auditors and the funding agency: read everything, change nothing. */
    public static final String AUDITOR = "auditor";
    /** AI companies: apply for data and servers, use their grants. */
    public static final String AI_COMPANY = "ai-company";
    /** Data-provider companies: consent to the use of their data. */
    public static final String PROVIDER = "provider";

    private Roles() {}
}
