package io.labgate.gateway;

import static io.labgate.gateway.S3HandlerFixtures.call;
import static io.labgate.gateway.S3HandlerFixtures.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.gateway.sigv4.S3ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ListObjectsV2 and ListObjects (v1) against the examples of AWS's API reference. */
class ListObjectsHandlersTest {

    /** The keys of AWS's "listing keys using the prefix and delimiter" examples. */
    private static final ObjectListing.Source PHOTOS = S3HandlerFixtures.manifest(List.of(
            "photos/2006/February/sample2.jpg",
            "photos/2006/February/sample3.jpg",
            "photos/2006/February/sample4.jpg",
            "photos/2006/January/sample.jpg",
            "sample.jpg"));

    /** What the last request answered. */
    private RecordingExchange exchange;

    private String v2(String rawQuery) {
        return list(
                new ListObjectsV2Handler(),
                new S3Operation.ListObjectsV2("examplebucket", S3Operation.query(rawQuery)),
                rawQuery);
    }

    private String v1(String rawQuery) {
        return list(
                new ListObjectsV1Handler(),
                new S3Operation.ListObjectsV1("examplebucket", S3Operation.query(rawQuery)),
                rawQuery);
    }

    private <O extends S3Operation> String list(ListObjectsHandler<O> handler, O operation, String rawQuery) {
        exchange = new RecordingExchange();
        handler.answer(call("GET", "/examplebucket", rawQuery), operation, target(), exchange, PHOTOS);
        assertThat(exchange.status).isEqualTo(200);
        assertThat(exchange.headers).containsEntry("Content-Type", "application/xml");
        return exchange.body;
    }

    @Test
    void v2RollsKeysUpIntoCommonPrefixesUnderTheDelimiter() {
        // AWS: GET /?list-type=2&prefix=photos/2006/&delimiter=/ answers the "subfolders" as CommonPrefixes
        String xml = v2("list-type=2&prefix=photos%2F2006%2F&delimiter=%2F");
        assertThat(xml)
                .contains("<Name>examplebucket</Name><Prefix>photos/2006/</Prefix><Delimiter>/</Delimiter>"
                        + "<MaxKeys>1000</MaxKeys><KeyCount>2</KeyCount><IsTruncated>false</IsTruncated>")
                .contains("<CommonPrefixes><Prefix>photos/2006/February/</Prefix></CommonPrefixes>"
                        + "<CommonPrefixes><Prefix>photos/2006/January/</Prefix></CommonPrefixes>")
                .doesNotContain("<Contents>")
                .doesNotContain("<Owner>");
    }

    @Test
    void v2PagesWithAContinuationTokenAndNamesOwnersWhenAsked() {
        String first = v2("list-type=2&max-keys=1&fetch-owner=true");
        assertThat(first)
                .contains("<KeyCount>1</KeyCount><IsTruncated>true</IsTruncated><NextContinuationToken>")
                .contains("<Key>photos/2006/February/sample2.jpg</Key>")
                .contains("<Size>142863</Size>")
                .contains("<Owner><ID>" + S3HandlerFixtures.ORGANIZATION + "</ID>");
        String token = first.replaceFirst("(?s).*<NextContinuationToken>(.*)</NextContinuationToken>.*", "$1");

        assertThat(v2("list-type=2&max-keys=1&continuation-token=" + token))
                .contains("<ContinuationToken>" + token + "</ContinuationToken>")
                .contains("<Key>photos/2006/February/sample3.jpg</Key>");
    }

    @Test
    void v2RefusesWhatS3Refuses() {
        assertThatThrownBy(() -> v2("list-type=2&max-keys=-1")).isInstanceOfSatisfying(S3Refusal.class, refusal -> {
            assertThat(refusal.error.code()).isEqualTo(S3ErrorCode.InvalidArgument);
            assertThat(refusal.logged).isFalse();
        });
        assertThatThrownBy(() -> v2("list-type=2&encoding-type=base64"))
                .hasMessage("Invalid Encoding Method specified in Request");
        assertThatThrownBy(() -> v2("list-type=2&continuation-token=bm90LWEtdG9rZW4"))
                .hasMessage("The continuation token provided is incorrect");
        assertThat(exchange.started()).isFalse();
    }

    @Test
    void v1NamesNextMarkerWhenADelimitedAnswerIsTruncated() {
        // AWS: NextMarker is returned when the response is truncated and a delimiter was given
        String xml = v1("prefix=photos%2F2006%2F&delimiter=%2F&max-keys=1");
        assertThat(xml)
                .contains("<Prefix>photos/2006/</Prefix><Marker></Marker><Delimiter>/</Delimiter>"
                        + "<MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated>"
                        + "<NextMarker>photos/2006/February/</NextMarker>")
                .contains("<CommonPrefixes><Prefix>photos/2006/February/</Prefix></CommonPrefixes>");
    }

    @Test
    void v1ResumesAfterACommonPrefixMarkerWithoutNextMarkerAtTheEnd() {
        String xml = v1("prefix=photos%2F2006%2F&delimiter=%2F&marker=photos%2F2006%2FFebruary%2F");
        assertThat(xml)
                .contains("<Marker>photos/2006/February/</Marker>")
                .contains("<IsTruncated>false</IsTruncated>")
                .contains("<CommonPrefixes><Prefix>photos/2006/January/</Prefix></CommonPrefixes>")
                .doesNotContain("February/</Prefix></CommonPrefixes>")
                .doesNotContain("<NextMarker>");
    }

    @Test
    void v1NamesEachObjectsOwnerAndStartsAfterAPlainMarker() {
        String xml = v1("marker=photos%2F2006%2FJanuary%2Fsample.jpg");
        assertThat(xml)
                .contains("<Contents><Key>sample.jpg</Key>")
                .contains("<Owner><ID>" + S3HandlerFixtures.ORGANIZATION + "</ID>")
                .doesNotContain("photos/2006/February/sample2.jpg");
    }

    @Test
    void v1RefusesAMarkerOutsideThePrefix() {
        assertThatThrownBy(() -> v1("prefix=photos%2F&delimiter=%2F&marker=videos%2F"))
                .isInstanceOfSatisfying(
                        S3Refusal.class,
                        refusal -> assertThat(refusal.error.code()).isEqualTo(S3ErrorCode.InvalidArgument))
                .hasMessage("The marker provided is incorrect");
    }
}
