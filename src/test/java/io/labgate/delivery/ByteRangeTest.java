package io.labgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.delivery.api.ByteRange;
import io.labgate.delivery.api.ByteRange.Slice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    @ParameterizedTest(name = "{0} of 100 bytes → {1}+{2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "bytes=0-0;        0;  1",
                "bytes=0-99;       0;  100",
                "bytes=10-19;      10; 10",
                "bytes=90-;        90; 10",
                "bytes=0-;         0;  100",
                "bytes=95-500;     95; 5",
                "bytes=99-99;      99; 1",
                "bytes=-1;         99; 1",
                "bytes=-10;        90; 10",
                "bytes=-100;       0;  100",
                "bytes=-1000;      0;  100",
                "BYTES=5-6;        5;  2",
            })
    void resolvesOneRangeToExactlyItsBytes(String header, long offset, long length) {
        Slice slice = ByteRange.parse(header).resolve(100).orElseThrow();
        assertThat(slice.offset()).isEqualTo(offset);
        assertThat(slice.length()).isEqualTo(length);
        assertThat(slice.partial()).isTrue();
        assertThat(slice.contentRange()).isEqualTo("bytes " + offset + "-" + (offset + length - 1) + "/100");
    }

    @ParameterizedTest(name = "{0} of 100 bytes is unsatisfiable")
    @ValueSource(strings = {"bytes=100-", "bytes=100-200", "bytes=1000-", "bytes=-0"})
    void refusesRangesOutsideTheObject(String header) {
        assertThat(ByteRange.parse(header).isWhole()).isFalse();
        assertThat(ByteRange.parse(header).resolve(100)).isEmpty();
    }

    @ParameterizedTest(name = "{0} of an empty object is unsatisfiable")
    @ValueSource(strings = {"bytes=0-", "bytes=0-0", "bytes=-5"})
    void refusesEveryRangeOfAnEmptyObject(String header) {
        assertThat(ByteRange.parse(header).resolve(0)).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' is ignored: whole object")
    @NullSource
    @ValueSource(
            strings = {
                "",
                "bytes",
                "bytes=",
                "bytes=-",
                "items=0-5",
                "bytes=5-4",
                "bytes=a-5",
                "bytes=1-b",
                "bytes=0-1,4-5",
                "bytes=--5",
                "bytes=+1-2",
                "bytes=99999999999999999999-",
                "bytes=1.5-2"
            })
    void ignoresWhatIsNotOneByteRange(String header) {
        ByteRange range = ByteRange.parse(header);
        assertThat(range.isWhole()).isTrue();
        Slice slice = range.resolve(100).orElseThrow();
        assertThat(slice.partial()).isFalse();
        assertThat(slice.offset()).isZero();
        assertThat(slice.length()).isEqualTo(100);
    }

    @ParameterizedTest(name = "whole empty object")
    @ValueSource(longs = {0})
    void sendsAnEmptyObjectWhole(long size) {
        Slice slice = ByteRange.WHOLE.resolve(size).orElseThrow();
        assertThat(slice.length()).isZero();
        assertThat(slice.partial()).isFalse();
    }
}
