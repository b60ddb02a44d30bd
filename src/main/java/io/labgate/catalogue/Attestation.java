package io.labgate.catalogue;

import java.time.LocalDate;

/** A version's de-identification attestation as the API shows it. */
public record Attestation(
        DeidentificationMethod method, String verifier, LocalDate verifiedOn, String note, boolean verified) {

    public static Attestation of(DatasetVersion v) {
        return v.deidMethod == null
                ? null
                : new Attestation(v.deidMethod, v.deidVerifier, v.deidVerifiedOn, v.deidNote, v.deidVerified);
    }
}
