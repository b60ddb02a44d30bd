package io.labgate.gateway;

import jakarta.enterprise.context.ApplicationScoped;

/** ListObjectsV2: a page of the walk, resumed by its opaque continuation token. */
@ApplicationScoped
class ListObjectsV2Handler extends ListObjectsHandler<S3Operation.ListObjectsV2> {

    @Override
    public Class<S3Operation.ListObjectsV2> operation() {
        return S3Operation.ListObjectsV2.class;
    }

    @Override
    void answer(
            S3Call call,
            S3Operation.ListObjectsV2 list,
            S3Target target,
            S3Exchange exchange,
            ObjectListing.Source manifest) {
        ListObjectsParameters parameters = ListObjectsParameters.parse(list.query());
        ObjectListing.Query query =
                parameters.query(list.query().get("start-after"), list.query().get("continuation-token"));
        ObjectListing.Page page =
                ListObjectsParameters.page(manifest, query, "The continuation token provided is incorrect");
        String owner = "true".equals(list.query().get("fetch-owner")) ? target.owner() : null;
        String xml = S3Xml.listObjectsV2(target.bucket(), query, page, parameters.urlEncoding(), owner);
        exchange.respond(200, S3Answers.xmlHeaders(call), xml);
    }
}
