package io.labgate.catalogue.web;

import io.labgate.catalogue.CoverageEntry;
import io.labgate.catalogue.CoverageService;
import io.labgate.platform.paging.PageQuery;
import io.labgate.platform.paging.PageResponse;
import io.labgate.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalogue/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dataset catalogue")
@SecurityRequirement(name = "SecurityScheme")
public class CatalogueCoverageResource {

    @Inject
    CoverageService service;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR, Roles.AI_COMPANY, Roles.PROVIDER})
    @Operation(
            operationId = "getCatalogueCoverage",
            summary = "Programme coverage",
            description = "Any authenticated user. For every industry × AI "
                    + "technology pair (optionally one industry or technology): datasets with a PUBLISHED version, distinct "
                    + "providers behind them, and whether the programme's target of at least two providers is met. "
                    + "Ordered by industry, then technology.")
    public PageResponse<CoverageEntry> coverage(
            @QueryParam("industry") String industry,
            @QueryParam("aiTechnology") String aiTechnology,
            @Valid @BeanParam PageQuery page) {
        return service.coverage(industry, aiTechnology, page);
    }
}
