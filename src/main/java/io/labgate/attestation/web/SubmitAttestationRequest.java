package io.labgate.attestation.web;

import io.labgate.attestation.DestructionMethod;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The AI company's certificate that it destroyed its copies of a grant's data.
 *
 * @param destroyedBy who destroyed them (a person, with role or team)
 * @param destroyedAt when; not in the future and not before the grant's start
 * @param method how; {@code methodDetail} may say more (tool, standard followed)
 * @param copies every place a copy was kept (hosts, paths, buckets, media), at least one
 * @param statement the company's statement, for example that no other copy exists
 */
public record SubmitAttestationRequest(
        @NotBlank @Size(max = 200) String destroyedBy,
        @NotNull Instant destroyedAt,
        @NotNull DestructionMethod method,
        @Size(max = 2000) String methodDetail,
        @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 500) String> copies,
        @NotBlank @Size(max = 4000) String statement) {}
