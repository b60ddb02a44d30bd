package io.labgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** ListObjectsV2 paging, delimiters and tokens over a sorted key source, and its XML as S3 renders it. */
class ListObjectsV2Test {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    private static final List<String> KEYS =
            List.of("a.txt", "b/1.bin", "b/2.bin", "b/c/3.bin", "d & <e>.csv", "f/1", "g.txt");

    private final List<String> asked = new ArrayList<>();

    private final ObjectListing.Source source = (prefix, startAfter, limit) -> {
        asked.add(startAfter);
        return KEYS.stream()
                .filter(k -> k.startsWith(prefix))
                .filter(k -> startAfter == null || k.compareTo(startAfter) > 0)
                .limit(limit)
                .map(k -> new ListedObject(k, k.length(), "ab".repeat(32), AT))
                .toList();
    };

    private static List<String> keys(ObjectListing.Page page) {
        return page.contents().stream().map(ListedObject::key).toList();
    }

    @Test
    void listsEverythingWithoutDelimiter() {
        ObjectListing.Page page = ObjectListing.list(source, new ObjectListing.Query(null, null, 1000, null, null));
        assertThat(keys(page)).isEqualTo(KEYS);
        assertThat(page.truncated()).isFalse();
        assertThat(page.nextContinuationToken()).isNull();
    }

    @Test
    void groupsKeysUnderTheDelimiterIntoCommonPrefixes() {
        ObjectListing.Page page = ObjectListing.list(source, new ObjectListing.Query("", "/", 1000, null, null));
        assertThat(keys(page)).containsExactly("a.txt", "d & <e>.csv", "g.txt");
        assertThat(page.commonPrefixes()).containsExactly("b/", "f/");
        assertThat(page.keyCount()).isEqualTo(5);

        ObjectListing.Page inB = ObjectListing.list(source, new ObjectListing.Query("b/", "/", 1000, null, null));
        assertThat(keys(inB)).containsExactly("b/1.bin", "b/2.bin");
        assertThat(inB.commonPrefixes()).containsExactly("b/c/");
    }

    @Test
    void pagesWithContinuationTokensUntilTheEnd() {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ObjectListing.Page page = ObjectListing.list(source, new ObjectListing.Query("", "/", 2, null, token));
            assertThat(page.keyCount()).isLessThanOrEqualTo(2);
            seen.addAll(keys(page));
            seen.addAll(page.commonPrefixes());
            token = page.nextContinuationToken();
            assertThat(page.truncated()).isEqualTo(token != null);
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("a.txt", "b/", "d & <e>.csv", "f/", "g.txt");
    }

    @Test
    void startAfterSkipsTheFirstKeys() {
        ObjectListing.Page page = ObjectListing.list(source, new ObjectListing.Query("", null, 1000, "b/2.bin", null));
        assertThat(keys(page)).containsExactly("b/c/3.bin", "d & <e>.csv", "f/1", "g.txt");
    }

    @Test
    void aForgedContinuationTokenIsRefused() {
        assertThatThrownBy(() -> ObjectListing.list(source, new ObjectListing.Query("", null, 10, null, "!!!")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rendersTheS3SchemaWithEscapedKeys() throws Exception {
        ObjectListing.Query query = new ObjectListing.Query("", "/", 2, null, null);
        ObjectListing.Page page = ObjectListing.list(source, query);
        String xml = S3Xml.listObjectsV2("ds-1-v1", query, page, false, null);
        Document doc = DocumentBuilderFactory.newDefaultNSInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("ListBucketResult");
        assertThat(root.getNamespaceURI()).isEqualTo(S3Xml.NAMESPACE);
        assertThat(text(root, "Name")).isEqualTo("ds-1-v1");
        assertThat(text(root, "KeyCount")).isEqualTo("2");
        assertThat(text(root, "MaxKeys")).isEqualTo("2");
        assertThat(text(root, "Delimiter")).isEqualTo("/");
        assertThat(text(root, "IsTruncated")).isEqualTo("true");
        assertThat(text(root, "NextContinuationToken")).isEqualTo(page.nextContinuationToken());
        Element contents = (Element)
                root.getElementsByTagNameNS(S3Xml.NAMESPACE, "Contents").item(0);
        assertThat(text(contents, "Key")).isEqualTo("a.txt");
        assertThat(text(contents, "Size")).isEqualTo("5");
        assertThat(text(contents, "ETag")).isEqualTo("\"" + "ab".repeat(32) + "\"");
        assertThat(text(contents, "LastModified")).isEqualTo("2026-03-01T10:15:30.000Z");
        Element prefixes = (Element)
                root.getElementsByTagNameNS(S3Xml.NAMESPACE, "CommonPrefixes").item(0);
        assertThat(text(prefixes, "Prefix")).isEqualTo("b/");

        ObjectListing.Query second = new ObjectListing.Query("", "/", 2, null, page.nextContinuationToken());
        String next = S3Xml.listObjectsV2("ds-1-v1", second, ObjectListing.list(source, second), false, null);
        assertThat(next)
                .contains("<Key>d &amp; &lt;e&gt;.csv</Key>")
                .contains("<ContinuationToken>" + page.nextContinuationToken() + "</ContinuationToken>");
    }

    @Test
    void urlEncodingTypeEncodesKeysAndPrefixes() {
        ObjectListing.Query query = new ObjectListing.Query("", null, 1000, null, null);
        String xml = S3Xml.listObjectsV2("b", query, ObjectListing.list(source, query), true, null);
        assertThat(xml)
                .contains("<Key>d%20%26%20%3Ce%3E.csv</Key>")
                .contains("<Key>b/c/3.bin</Key>")
                .contains("<EncodingType>url</EncodingType>");
    }

    @Test
    void listBucketsRendersOneBucketPerGrant() {
        String xml = S3Xml.listBuckets("org-1", List.of(new S3Xml.Bucket("ds-x-v1", AT)));
        assertThat(xml)
                .contains("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
                .contains("<Bucket><Name>ds-x-v1</Name><CreationDate>2026-03-01T10:15:30.000Z</CreationDate>"
                        + "</Bucket>");
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(S3Xml.NAMESPACE, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void aCommonPrefixIsSkippedBySeekingNotByReadingEveryKeyUnderIt() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(String.format("images/%05d.jpg", i));
        }
        many.add("labels.csv");
        List<String> reads = new ArrayList<>();
        ObjectListing.Source big = (prefix, startAfter, limit) -> {
            reads.add(startAfter);
            return many.stream()
                    .filter(k -> k.startsWith(prefix))
                    .filter(k -> startAfter == null || k.compareTo(startAfter) > 0)
                    .limit(limit)
                    .map(k -> new ListedObject(k, 1, "ab".repeat(32), AT))
                    .toList();
        };
        ObjectListing.Page page = ObjectListing.list(big, new ObjectListing.Query("", "/", 1000, null, null));
        assertThat(page.commonPrefixes()).containsExactly("images/");
        assertThat(keys(page)).containsExactly("labels.csv");
        assertThat(reads).as("source pages read").hasSizeLessThanOrEqualTo(3);

        // review L1: a token naming the common prefix "" (base64url of "P") cannot make one request walk everything
        reads.clear();
        ObjectListing.Page seeked = ObjectListing.list(big, new ObjectListing.Query("", null, 1000, null, "UA"));
        assertThat(seeked.keyCount()).isZero();
        assertThat(reads).hasSize(1);
    }

    @Test
    void aTokenCannotSeekOutsideTheListedPrefix() {
        String elsewhere = new ObjectListing.Token(false, "f/1").encode();
        assertThatThrownBy(() -> ObjectListing.list(source, new ObjectListing.Query("b/", null, 1000, null, elsewhere)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
