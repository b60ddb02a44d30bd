package io.labgate.gateway;

import io.labgate.delivery.api.GrantedVersion;
import io.labgate.delivery.api.ManifestObject;
import io.labgate.delivery.api.ObjectDelivery;
import io.labgate.delivery.api.ObjectPage;
import io.labgate.gateway.key.KeyResolution;
import java.time.Instant;

/** What the verified key of a request reads: the bucket of its grant, authorized for this request. */
record S3Target(KeyResolution.Usable key, GrantedVersion granted, String bucket) {

    /** The bucket's owner, as ListBuckets and the listings name it: the organization of the key's grant. */
    String owner() {
        return key.organizationId().toString();
    }

    /** The object's own last modification in the store, or its version's publication for older manifests. */
    Instant lastModified(ManifestObject object) {
        return object.lastModified() != null ? object.lastModified() : granted.publishedAt();
    }

    /** The manifest of the granted version through ObjectDelivery, keys relative to its prefix. */
    ObjectListing.Source manifest(ObjectDelivery delivery) {
        return (prefix, startAfter, limit) -> {
            ObjectPage page = delivery.list(granted, prefix, startAfter, limit);
            return page.objects().stream()
                    .map(o -> new ListedObject(o.key(), o.size(), o.sha256(), lastModified(o)))
                    .toList();
        };
    }
}
