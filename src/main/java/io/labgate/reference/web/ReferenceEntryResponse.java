package io.labgate.reference.web;

import io.labgate.reference.ReferenceEntry;
import java.time.Instant;

/** An industry or AI technology as the API shows it. */
public record ReferenceEntryResponse(
        String code,
        String name,
        String nameKo,
        String description,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static ReferenceEntryResponse from(ReferenceEntry e) {
        return new ReferenceEntryResponse(e.code, e.name, e.nameKo, e.description, e.createdAt, e.updatedAt, e.version);
    }
}
