package io.labgate.gateway.sigv4;

/**
 * The XML body of an S3 error answer:
 *
 * <pre>{@code
 * <?xml version="1.0" encoding="UTF-8"?>
 * <Error><Code>…</Code><Message>…</Message><Resource>…</Resource><RequestId>…</RequestId></Error>
 * }</pre>
 *
 * <p>Text is escaped for XML 1.0. Characters that XML 1.0 cannot carry at all, not even as a character reference
 * (C0 controls other than tab, line feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF; an S3 key may
 * contain them), are replaced by U+FFFD so the body always parses.
 */
public final class S3ErrorXml {

    public static final String CONTENT_TYPE = "application/xml";

    private S3ErrorXml() {}

    /**
     * Renders the error body.
     *
     * @param resource the resource the request named (its path), or {@code null} to leave the element out
     * @param requestId the request id to quote, or {@code null} to leave the element out
     */
    public static String render(S3Error error, String resource, String requestId) {
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>");
        element(xml, "Code", error.code().name());
        element(xml, "Message", error.message());
        element(xml, "Resource", resource);
        element(xml, "RequestId", requestId);
        return xml.append("</Error>").toString();
    }

    private static void element(StringBuilder xml, String name, String text) {
        if (text == null) {
            return;
        }
        xml.append('<').append(name).append('>');
        escape(xml, text);
        xml.append("</").append(name).append('>');
    }

    /** Appends the text escaped for XML 1.0 element content, as the error body does; for other S3 XML bodies. */
    public static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;"); // a literal CR would be normalized away by the parser
                case '\t', '\n' -> out.append(c);
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
