/**
 * The usage log: an append-only, hash-chained record of every access, refusal, workflow decision and grant
 * change.
 *
 * <ul>
 *   <li>{@link io.labgate.usage.api.UsageLog} is what other features call: {@code record(draft)} returns only once the
 *       event is committed, so an access is never answered before it is logged. Concurrent events are grouped by
 *       one writer thread into batched inserts ({@link io.labgate.usage.UsageLogWriter}).</li>
 *   <li>{@link io.labgate.usage.EventDigest} defines, once, the canonical form of an event and its SHA-256 chain
 *       hash. The chain is global across replicas: a writer holds a transaction-level advisory lock while it reads
 *       the last link and appends.</li>
 *   <li>The database keeps the log append-only (triggers refuse UPDATE, DELETE and TRUNCATE) and partitioned by
 *       month ({@link io.labgate.usage.UsagePartitionJob} creates the coming months' partitions).</li>
 *   <li>{@link io.labgate.usage.ChainVerifier} walks a period in seq order and reports the first break.</li>
 * </ul>
 */
package io.labgate.usage;
