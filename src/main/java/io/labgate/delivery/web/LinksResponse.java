package io.labgate.delivery.web;

import io.labgate.delivery.PresignedLinks;
import java.util.List;

/** Issued presigned links, one per distinct key asked for, in the order asked. */
public record LinksResponse(List<PresignedLinks.Link> links) {}
