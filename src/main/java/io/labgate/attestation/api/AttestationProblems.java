package io.labgate.attestation.api;

import io.labgate.platform.error.ProblemCatalogue;
import io.labgate.platform.error.ProblemCode;
import java.util.List;

/** The problem codes of this feature, for the API contract (registered in META-INF/services). */
public class AttestationProblems implements ProblemCatalogue {

    @Override
    public List<ProblemCode> codes() {
        return List.of(AttestationOverdue.Code.values());
    }
}
