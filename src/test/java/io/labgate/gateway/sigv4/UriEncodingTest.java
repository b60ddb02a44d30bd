package io.labgate.gateway.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

class UriEncodingTest {

    @Test
    void unreservedCharactersStayAsTheyAre() {
        String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
        assertThat(UriEncoding.encode(unreserved)).isEqualTo(unreserved);
        assertThat(UriEncoding.encodePath(unreserved)).isEqualTo(unreserved);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a b|a%20b",
                "a+b|a%2Bb",
                "a=b&c|a%3Db%26c",
                "100%|100%25",
                "a/b|a%2Fb",
                "*|%2A",
                "데|%EB%8D%B0",
                "😀|%F0%9F%98%80",
            })
    void everythingElseBecomesUpperCasePercentEscapes(String text, String encoded) {
        assertThat(UriEncoding.encode(text)).isEqualTo(encoded);
    }

    @Test
    void pathEncodingKeepsSlashes() {
        assertThat(UriEncoding.encodePath("/데이터/파일 1.csv"))
                .isEqualTo("/%EB%8D%B0%EC%9D%B4%ED%84%B0/%ED%8C%8C%EC%9D%BC%201.csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"데이터/파일 1.csv", "a b+c=d&e~f%g.txt", "quote's (1)!*", "semi;colon,comma:at@", "😀 emoji"})
    void encodingAgreesWithTheAwsSdk(String text) {
        assertThat(UriEncoding.encode(text)).isEqualTo(SdkHttpUtils.urlEncode(text));
        assertThat(UriEncoding.encodePath(text)).isEqualTo(SdkHttpUtils.urlEncodeIgnoreSlashes(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|/",
                "/|/",
                "/bucket/a%20b|/bucket/a%20b",
                "/bucket/a%7eb|/bucket/a~b",
                "/bucket/a~b|/bucket/a~b",
                "/bucket/%c3%a9|/bucket/%C3%A9",
                "/bucket/a+b|/bucket/a%2Bb",
                "/bucket/a%2Fb|/bucket/a/b",
                "/bucket/a%252F|/bucket/a%252F",
                "/bucket//./../x|/bucket//./../x",
                "/bucket/a b|/bucket/a%20b",
            })
    void canonicalPathDecodesOnceAndEncodesOnce(String raw, String canonical) {
        assertThat(UriEncoding.canonicalPath(raw)).isEqualTo(canonical);
    }

    @Test
    void canonicalPathKeepsBytesThatAreNotUtf8() {
        assertThat(UriEncoding.canonicalPath("/bucket/%ff%FE")).isEqualTo("/bucket/%FF%FE");
    }

    @Test
    void rawNonAsciiCharactersCanonicalizeToTheirUtf8Bytes() {
        assertThat(UriEncoding.canonicalPath("/데")).isEqualTo("/%EB%8D%B0");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a+b|a%20b",
                "a%2Bb|a%2Bb",
                "a/b|a%2Fb",
                "a%2fb|a%2Fb",
                "%7E|~",
            })
    void queryComponentsTreatPlusAsSpaceAndEncodeSlashes(String raw, String canonical) {
        assertThat(UriEncoding.canonicalQueryComponent(raw)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%", "/a%2", "/a%zz", "/a%2G", "/a%٣A"})
    void malformedEscapesAreRefused(String raw) {
        assertThatThrownBy(() -> UriEncoding.canonicalPath(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodingGivesTheTextTheClientMeant() {
        assertThat(UriEncoding.decodePath("/bucket/%EB%8D%B0%EC%9D%B4%ED%84%B0/%ED%8C%8C%EC%9D%BC%201.csv"))
                .isEqualTo("/bucket/데이터/파일 1.csv");
        assertThat(UriEncoding.decodePath("/a+b")).isEqualTo("/a+b");
        assertThat(UriEncoding.decodeQueryComponent("a+b%2B")).isEqualTo("a b+");
    }

    @Test
    void decodingRefusesBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> UriEncoding.decodePath("/%FF")).isInstanceOf(IllegalArgumentException.class);
    }
}
