package io.labgate.gateway;

import static io.labgate.gateway.S3HandlerFixtures.call;
import static io.labgate.gateway.S3HandlerFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.usage.api.UsageEventDraft;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** ListBuckets, HeadBucket and GetBucketLocation against AWS's documented answers. */
class BucketHandlersTest {

    private final FakeUsageLog usage = new FakeUsageLog();
    private final RecordingExchange exchange = new RecordingExchange();

    @Test
    void listBucketsNamesTheGrantsBucketAndItsOwner() {
        ListBucketsHandler handler = new ListBucketsHandler();
        handler.log = S3HandlerFixtures.log(usage);

        handler.serve(call("GET", "/", ""), new S3Operation.ListBuckets(), target(), exchange);

        assertThat(exchange.status).isEqualTo(200);
        assertThat(exchange.headers)
                .containsEntry("Content-Type", "application/xml")
                .containsEntry("x-amz-request-id", S3HandlerFixtures.REQUEST_ID)
                .containsEntry("x-amz-id-2", S3HandlerFixtures.REQUEST_ID);
        // AWS: <ListAllMyBucketsResult><Buckets><Bucket><CreationDate/><Name/></Bucket></Buckets><Owner>...
        assertThat(exchange.body)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
                .contains("<Owner><ID>" + S3HandlerFixtures.ORGANIZATION + "</ID>")
                .contains("<Bucket><Name>examplebucket</Name><CreationDate>2009-10-12T17:50:30.000Z</CreationDate>"
                        + "</Bucket>");
        UsageEventDraft event = usage.recorded.get(0);
        assertThat(usage.reasons()).containsExactly("s3 ListBuckets");
        assertThat(event.subject()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(event.grantId()).isEqualTo(S3HandlerFixtures.GRANT);
        assertThat(event.datasetVersionId()).isEqualTo(S3HandlerFixtures.VERSION);
        assertThat(event.objectKey()).isNull();
        assertThat(event.clientAddress()).isEqualTo("192.0.2.7");
        assertThat(event.requestId()).isEqualTo(S3HandlerFixtures.REQUEST_ID);
    }

    @Test
    void headBucketIsAnEmpty200() {
        HeadBucketHandler handler = new HeadBucketHandler();
        handler.log = S3HandlerFixtures.log(usage);

        handler.serve(
                call("HEAD", "/examplebucket", ""), new S3Operation.HeadBucket("examplebucket"), target(), exchange);

        assertThat(exchange.status).isEqualTo(200);
        assertThat(exchange.headers).containsOnlyKeys("x-amz-request-id", "x-amz-id-2");
        assertThat(exchange.body).isNull();
        assertThat(usage.reasons()).containsExactly("s3 HeadBucket");
    }

    @Test
    void getBucketLocationNamesTheRegionAsAwsDoes() {
        // AWS: <LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">Europe</LocationConstraint>
        assertThat(location("eu-west-1"))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">eu-west-1"
                        + "</LocationConstraint>");
        assertThat(exchange.headers).containsEntry("Content-Type", "application/xml");
        assertThat(usage.reasons()).containsExactly("s3 GetBucketLocation");
    }

    @Test
    void usEast1IsAnEmptyLocationConstraint() {
        // AWS: buckets in us-east-1 have a LocationConstraint of null
        assertThat(location("us-east-1"))
                .endsWith(
                        "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></LocationConstraint>");
    }

    private String location(String region) {
        GetBucketLocationHandler handler = new GetBucketLocationHandler();
        handler.log = S3HandlerFixtures.log(usage);
        handler.config = new FakeGatewayConfig(region);
        handler.serve(
                call("GET", "/examplebucket", "location"),
                new S3Operation.GetBucketLocation("examplebucket"),
                target(),
                exchange);
        assertThat(exchange.status).isEqualTo(200);
        return exchange.body;
    }

    /** A fake configuration: only the region is read. */
    private record FakeGatewayConfig(String region) implements GatewayConfig {

        @Override
        public Duration maxClockSkew() {
            return Duration.ofMinutes(15);
        }

        @Override
        public int unverifiedPerMinute() {
            return 60;
        }

        @Override
        public OptionalInt rootPort() {
            return OptionalInt.empty();
        }

        @Override
        public java.util.Optional<String> virtualHostDomain() {
            return java.util.Optional.empty();
        }
    }
}
