package io.labgate.delivery.api;

import java.util.List;

/**
 * One page of a version's objects in key order (binary, as S3 lists).
 *
 * @param objects the objects of this page
 * @param truncated whether more objects follow
 * @param nextStartAfter the {@code startAfter} that fetches the next page; null on the last page
 */
public record ObjectPage(List<ManifestObject> objects, boolean truncated, String nextStartAfter) {}
