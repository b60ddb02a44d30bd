package io.labgate.policy;

import io.labgate.policy.api.AccessMode;
import io.labgate.policy.api.ExportTerms;
import java.util.List;
import java.util.Set;

/** What every version of a policy says, whether it is the first version, a next version or an update. */
public interface PolicyTerms {

    String title();

    String description();

    Integer maxGrantDays();

    Integer maxLinkSeconds();

    Set<AccessMode> allowedModes();

    List<String> allowedNetworks();

    Boolean consentRequired();

    String termsVersion();

    Integer maxConcurrentGrants();

    Long byteQuotaPerGrant();

    /** The export and end-of-use terms, defaults filled in. */
    ExportTerms exportTerms();
}
