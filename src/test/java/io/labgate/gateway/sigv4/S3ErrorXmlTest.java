package io.labgate.gateway.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class S3ErrorXmlTest {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document document, String element) {
        return document.getElementsByTagName(element).item(0).getTextContent();
    }

    @Test
    void renderWritesTheFourS3Elements() {
        String xml = S3ErrorXml.render(
                new S3Error(S3ErrorCode.AccessDenied, "Request has expired"), "/lab-data/a.csv", "req-42");

        assertThat(xml)
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<Error><Code>AccessDenied</Code><Message>Request has expired</Message>"
                        + "<Resource>/lab-data/a.csv</Resource><RequestId>req-42</RequestId></Error>");
    }

    @Test
    void renderEscapesMarkupSoTheTextRoundTrips() throws Exception {
        String message = "the region 'eu<1>' & \"x\" is wrong";
        String resource = "/lab-data/데이터/<script>&amp;'\".csv\r\n\ttab";

        Document document =
                parse(S3ErrorXml.render(new S3Error(S3ErrorCode.AuthorizationHeaderMalformed, message), resource, "r"));

        assertThat(text(document, "Code")).isEqualTo("AuthorizationHeaderMalformed");
        assertThat(text(document, "Message")).isEqualTo(message);
        assertThat(text(document, "Resource")).isEqualTo(resource);
    }

    @Test
    void renderReplacesCharactersXmlCannotCarry() throws Exception {
        String resource = "/b/a\u0000b\u001Fc\uFFFEd\uD800e😀";

        Document document =
                parse(S3ErrorXml.render(new S3Error(S3ErrorCode.SignatureDoesNotMatch, "m"), resource, "r"));

        assertThat(text(document, "Resource")).isEqualTo("/b/a\uFFFDb\uFFFDc\uFFFDd\uFFFDe😀");
    }

    @Test
    void renderLeavesOutMissingElements() {
        String xml = S3ErrorXml.render(new S3Error(S3ErrorCode.InvalidAccessKeyId, "unknown"), null, null);

        assertThat(xml)
                .doesNotContain("Resource")
                .doesNotContain("RequestId")
                .contains("<Code>InvalidAccessKeyId</Code>");
    }

    @Test
    void everyCodeHasTheS3HttpStatus() {
        assertThat(S3ErrorCode.SignatureDoesNotMatch.httpStatus()).isEqualTo(403);
        assertThat(S3ErrorCode.InvalidAccessKeyId.httpStatus()).isEqualTo(403);
        assertThat(S3ErrorCode.RequestTimeTooSkewed.httpStatus()).isEqualTo(403);
        assertThat(S3ErrorCode.AccessDenied.httpStatus()).isEqualTo(403);
        assertThat(S3ErrorCode.AuthorizationHeaderMalformed.httpStatus()).isEqualTo(400);
        assertThat(S3ErrorCode.AuthorizationQueryParametersError.httpStatus()).isEqualTo(400);
        assertThat(S3ErrorCode.MissingSecurityHeader.httpStatus()).isEqualTo(400);
    }
}
