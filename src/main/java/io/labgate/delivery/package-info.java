/**
 * Data access: the objects of granted dataset versions, for every access path (docs/delivery.md).
 *
 * <p>{@link io.labgate.delivery.api.ObjectDelivery} is the one service every path uses — this package's HTTP
 * endpoints ({@link io.labgate.delivery.web.DeliveryResource}: listing, presigned links, streamed downloads) and the
 * S3-compatible endpoint (package {@code gateway}). A path calls, per request:
 * <ol>
 *   <li>{@code authorize(grantId, organizationId, mode, clientAddress, context)}: the grant, usable now, or a
 *       {@link io.labgate.delivery.api.DeliveryRefused} whose {@link io.labgate.delivery.api.DeliveryRefused.Reason} maps
 *       to an HTTP status (and, for the S3 endpoint, to an S3 error code);</li>
 *   <li>{@code list} / {@code stat}: only the version's manifest, keys relative to its prefix;</li>
 *   <li>{@code stream(...)} — or {@code prepare(...)} and then {@code Transfer.writeTo(out)}, to refuse (416, quota,
 *       429) before writing a status line.</li>
 * </ol>
 * Every refusal and every transfer is in the usage log before (refusals) or right after (transfers) the answer.
 * Everything here blocks (JDBC, the store, the usage log): call it on worker threads only.
 */
package io.labgate.delivery;
