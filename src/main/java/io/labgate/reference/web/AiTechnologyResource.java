package io.labgate.reference.web;

import io.labgate.reference.AiTechnologyService;
import io.labgate.reference.ReferenceDataService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/ai-technologies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "AI technologies", description = "Reference list of the AI technologies the data is processed for")
@SecurityRequirement(name = "SecurityScheme")
public class AiTechnologyResource extends ReferenceDataResource {

    @Inject
    AiTechnologyService service;

    @Override
    protected ReferenceDataService<?> service() {
        return service;
    }
}
