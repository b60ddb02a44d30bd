package io.labgate.delivery.web;

import io.labgate.delivery.PresignedLinks;
import io.labgate.delivery.api.AccessContext;
import io.labgate.delivery.api.AccessPath;
import io.labgate.delivery.api.ByteRange;
import io.labgate.delivery.api.GrantedVersion;
import io.labgate.delivery.api.ManifestObject;
import io.labgate.delivery.api.ObjectDelivery;
import io.labgate.delivery.api.ObjectPage;
import io.labgate.delivery.api.Transfer;
import io.labgate.platform.error.ApiException;
import io.labgate.platform.error.Problem;
import io.labgate.platform.http.ConnectionCheckedOutput;
import io.labgate.platform.http.RequestIds;
import io.labgate.platform.security.Caller;
import io.labgate.platform.security.Roles;
import io.labgate.policy.api.AccessMode;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The objects of a grant over HTTP: listing, presigned links, streamed downloads. Only the AI company that holds
 * the grant may call these; any other organization's grant answers 404.
 *
 * <p>The client address is the remote address of the connection. It is the real client only when LabGate is
 * reached directly, or when {@code quarkus.http.proxy.proxy-address-forwarding} (with a trusted-proxies list) is
 * configured for the proxy in front of it: only then are {@code Forwarded}/{@code X-Forwarded-For} believed.
 */
@Path("/api/v1/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Data access", description = "Objects of a granted dataset version: list, presigned links, download")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(
        responseCode = "403",
        description = "Role, grant status or period, access mode, client network " + "or byte quota does not allow it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "404",
        description = "No such grant of the caller's organization, or no such object",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "429",
        description = "Request rate or concurrent downloads of the organization " + "exceeded; see Retry-After",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeliveryResource {

    private static final Logger LOG = Logger.getLogger(DeliveryResource.class);

    @Inject
    ObjectDelivery delivery;

    @Inject
    PresignedLinks links;

    @Inject
    Caller caller;

    @GET
    @Path("{id}/objects")
    @Blocking
    @RolesAllowed(Roles.AI_COMPANY)
    @Operation(
            operationId = "listGrantObjects",
            summary = "List the objects of a grant",
            description = "The granted version's manifest, keys "
                    + "relative to the version prefix, in binary key order. Page with startAfter=nextStartAfter. Any "
                    + "access mode of the grant allows it; logged as OBJECT_LISTED.")
    @APIResponseSchema(value = ObjectPage.class, responseCode = "200", responseDescription = "OK")
    public ObjectPage list(
            @PathParam("id") UUID id,
            @QueryParam("prefix") String prefix,
            @QueryParam("startAfter") String startAfter,
            @QueryParam("limit")
                    @DefaultValue("1000")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = ObjectDelivery.MAX_PAGE, message = "must be at most 1000")
                    int limit,
            @Context HttpServerRequest http) {
        AccessContext ctx = context(id, AccessPath.STREAM, http);
        GrantedVersion grant = delivery.authorize(id, ctx.organizationId(), null, address(http), ctx);
        return delivery.list(grant, prefix, startAfter, limit);
    }

    @POST
    @Path("{id}/links")
    @Blocking
    @RolesAllowed(Roles.AI_COMPANY)
    @Operation(
            operationId = "createDownloadLinks",
            summary = "Presigned links for objects of a grant",
            description = "Up to 100 keys; each link is "
                    + "a GET URL of the object store valid for min(policy maxLinkSeconds, time left on the grant). A link "
                    + "cannot be revoked after issue. Needs the PRESIGNED_URL mode; each link is logged (LINK_ISSUED).")
    @APIResponseSchema(value = LinksResponse.class, responseCode = "200", responseDescription = "OK")
    public LinksResponse links(
            @PathParam("id") UUID id, @Valid @NotNull LinksRequest request, @Context HttpServerRequest http) {
        AccessContext ctx = context(id, AccessPath.PRESIGNED_URL, http);
        GrantedVersion grant =
                delivery.authorize(id, ctx.organizationId(), AccessMode.PRESIGNED_URL, address(http), ctx);
        return new LinksResponse(links.issue(grant, request.keys()));
    }

    @GET
    @Path("{id}/objects/{key: .+}")
    @Blocking
    @RolesAllowed(Roles.AI_COMPANY)
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE, MediaType.WILDCARD})
    @Operation(
            operationId = "downloadObject",
            summary = "Download an object of a grant",
            description = "Streamed through LabGate (STREAM mode): "
                    + "one Range (first-last, first-, -suffix) answers 206 with Content-Range, outside the object 416; "
                    + "ETag is the manifest SHA-256 and If-None-Match answers 304. The exact bytes sent are added to the "
                    + "grant's bytes used and logged; revocation and expiry stop a running download.")
    @APIResponse(
            responseCode = "200",
            description = "The whole object",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(
            responseCode = "206",
            description = "The requested range",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_OCTET_STREAM,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "If-None-Match matched the ETag")
    @Extension(name = "x-etag", value = "true")
    @APIResponse(
            responseCode = "416",
            description = "The range lies outside the object",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response download(
            @PathParam("id") UUID id,
            @PathParam("key") String key,
            @HeaderParam("Range") String range,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context HttpServerRequest http,
            @Context RoutingContext routing) {
        AccessContext ctx = context(id, AccessPath.STREAM, http);
        GrantedVersion grant = delivery.authorize(id, ctx.organizationId(), AccessMode.STREAM, address(http), ctx);
        ManifestObject object = delivery.stat(grant, exactKey(http, key));
        if (matches(ifNoneMatch, object.etag())) {
            return Response.notModified()
                    .header(HttpHeaders.ETAG, object.etag())
                    .build();
        }
        Transfer transfer = delivery.prepare(grant, object, ByteRange.parse(range), ctx);
        // a response that ends without its body ever being written (the client left first) gives back the
        // slot and the reservation; close() is a no-op once the body started
        routing.addEndHandler(ended -> {
            if (transfer.pending()) {
                Infrastructure.getDefaultWorkerPool().execute(transfer::close);
            }
        });
        StreamingOutput body = out -> {
            try (transfer) {
                transfer.writeTo(new ConnectionCheckedOutput(out, routing.response()));
            } catch (Transfer.ClientGone e) {
                // counted and logged by the transfer; nobody is left to answer
                LOG.debugf("client went away during %s of grant %s", key, id);
            }
        };
        ByteRange.Slice slice = transfer.slice();
        Response.ResponseBuilder response = Response.status(slice.partial() ? 206 : 200)
                .entity(body)
                .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, slice.length());
        if (slice.partial()) {
            response.header("Content-Range", slice.contentRange());
        }
        return headers(response, object).build();
    }

    @HEAD
    @Path("{id}/objects/{key: .+}")
    @Blocking
    @RolesAllowed(Roles.AI_COMPANY)
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "headObject",
            summary = "Size and ETag of an object of a grant",
            description = "As the download, without the " + "body and without counting bytes.")
    @APIResponse(responseCode = "200", description = "The object exists; its size is the Content-Length")
    @Extension(name = "x-etag", value = "true")
    public Response head(@PathParam("id") UUID id, @PathParam("key") String key, @Context HttpServerRequest http) {
        AccessContext ctx = context(id, AccessPath.STREAM, http);
        GrantedVersion grant = delivery.authorize(id, ctx.organizationId(), AccessMode.STREAM, address(http), ctx);
        ManifestObject object = delivery.stat(grant, exactKey(http, key));
        return headers(
                        Response.ok()
                                .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                                .header(HttpHeaders.CONTENT_LENGTH, object.size()),
                        object)
                .build();
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder response, ManifestObject object) {
        return response.header(HttpHeaders.ETAG, object.etag())
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }

    /**
     * The key exactly as the client sent it: the raw request path after {@code /objects/}, percent-decoded once.
     * The matched path parameter is not used because routing drops a trailing slash ({@code a.bin/} would reach
     * {@code a.bin}); nothing here normalises dot segments either.
     */
    static String exactKey(HttpServerRequest http, String matched) {
        String raw = http.path();
        int grants = raw == null ? -1 : raw.indexOf("/grants/");
        int objects = grants < 0 ? -1 : raw.indexOf("/objects/", grants + 8);
        if (objects < 0) {
            return matched;
        }
        String encoded = raw.substring(objects + 9);
        try {
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded; // a broken escape: kept as sent, it matches no manifest key
        }
    }

    /** If-None-Match: {@code *} or a list of (possibly weak) tags, one of which is the object's. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")
                    || t.equals(etag)
                    || t.startsWith("W/") && t.substring(2).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private AccessContext context(UUID grantId, AccessPath path, HttpServerRequest http) {
        UUID organization = caller.organizationId().orElseThrow(() -> ApiException.notFound("grant", grantId));
        return new AccessContext(
                caller.subject(),
                organization,
                RequestIds.current(),
                RequestIds.currentClient(),
                clientText(http),
                path);
    }

    private static String clientText(HttpServerRequest http) {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }

    /** The remote address as an InetAddress; it is always a literal, so no name lookup happens. */
    private static InetAddress address(HttpServerRequest http) {
        String host = clientText(http);
        if (host == null) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
