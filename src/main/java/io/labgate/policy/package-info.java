/**
 * Versioned security policies: the rules that govern the datasets using them.
 *
 * <p>Design choices, in short:
 * <ul>
 *   <li>Each row of {@code security_policy} is one version of one policy code. Versions are numbered 1, 2, 3 …
 *       per code ({@code UNIQUE(code, version_no)} settles races: the loser gets 409).</li>
 *   <li>A version is editable ({@code PUT} with If-Match) until the dataset catalogue first uses it through
 *       {@link io.labgate.policy.SecurityPolicyService#lockForUse}. From then on it is immutable; a trigger in
 *       the database refuses any UPDATE or DELETE of a locked row, whatever the code does. A policy in use
 *       changes by creating a new version, never in place.</li>
 *   <li>Client networks are refused (400), not silently widened, when bits are set after the prefix
 *       ({@code 10.1.2.3/8}); accepted networks are stored in normal form. See
 *       {@link io.labgate.policy.api.ClientNetworks}.</li>
 *   <li>Every term is required in a request, also {@code allowedNetworks} ({@code []} means any network) and
 *       {@code consentRequired}: for security settings an omitted field must not silently mean the permissive
 *       default.</li>
 * </ul>
 */
package io.labgate.policy;
