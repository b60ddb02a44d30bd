package io.labgate.reference.web;

import io.labgate.reference.IndustryService;
import io.labgate.reference.ReferenceDataService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/industries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Industries", description = "Reference list of the regional industries that provide data")
@SecurityRequirement(name = "SecurityScheme")
public class IndustryResource extends ReferenceDataResource {

    @Inject
    IndustryService service;

    @Override
    protected ReferenceDataService<?> service() {
        return service;
    }
}
