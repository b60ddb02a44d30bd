package io.labgate.delivery;

import java.util.List;

/** Issued presigned links, one per distinct key asked for, in the order asked. */
public record LinksResponse(List<PresignedLinks.Link> links) {}
