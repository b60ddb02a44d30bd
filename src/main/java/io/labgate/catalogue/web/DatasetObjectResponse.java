package io.labgate.catalogue.web;

import io.labgate.catalogue.DatasetObject;

/** One line of a version's manifest. */
public record DatasetObjectResponse(String key, long sizeBytes, String sha256) {

    public static DatasetObjectResponse from(DatasetObject o) {
        return new DatasetObjectResponse(o.objectKey, o.sizeBytes, o.sha256);
    }
}
