package io.labgate.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.usage.api.UsageAction;
import io.labgate.usage.api.UsageEventDraft;
import io.labgate.usage.api.UsageOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identical refusals of one window become one draft with their count; request ids do not split them. */
class UsageTallyTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private static UsageEventDraft refusal(String address, String requestId) {
        return UsageEventDraft.builder(UsageAction.ACCESS_REFUSED, UsageOutcome.REFUSED, "anonymous")
                .reason("s3 SignatureDoesNotMatch")
                .clientAddress(address)
                .requestId(requestId)
                .build();
    }

    @Test
    void shouldCountIdenticalEventsOfOneWindowAsOneWithTheirNumber() {
        UsageTally tally = new UsageTally(Duration.ofMinutes(1), 100);
        for (int i = 0; i < 5; i++) {
            tally.count(refusal("10.0.0.1", "req-" + i), T0.plusSeconds(i));
        }
        tally.count(refusal("10.0.0.2", "req-x"), T0.plusSeconds(30));

        assertThat(tally.drain(T0.plusSeconds(59), false))
                .as("the window has not ended")
                .isEmpty();
        List<UsageEventDraft> written = tally.drain(T0.plusSeconds(60), false);
        assertThat(written).hasSize(2);
        UsageEventDraft first = written.stream()
                .filter(d -> d.clientAddress().equals("10.0.0.1"))
                .findFirst()
                .orElseThrow();
        assertThat(first.occurrences()).isEqualTo(5);
        assertThat(first.occurredAt()).as("the window's start").isEqualTo(T0);
        assertThat(first.requestId()).as("a tally stands for many requests").isNull();
        assertThat(tally.drain(T0.plusSeconds(600), true)).as("drained once").isEmpty();
    }

    @Test
    void shouldKeepWindowsApartAndDrainEverythingWhenAsked() {
        UsageTally tally = new UsageTally(Duration.ofMinutes(1), 100);
        tally.count(refusal("10.0.0.1", "a"), T0.plusSeconds(59));
        tally.count(refusal("10.0.0.1", "b"), T0.plusSeconds(60));
        assertThat(tally.drain(T0.plusSeconds(61), false))
                .singleElement()
                .satisfies(d -> assertThat(d.occurredAt()).isEqualTo(T0));
        assertThat(tally.drain(T0.plusSeconds(61), true))
                .singleElement()
                .satisfies(d -> assertThat(d.occurredAt()).isEqualTo(T0.plusSeconds(60)));
    }

    @Test
    void shouldSayWhenItIsFull() {
        UsageTally tally = new UsageTally(Duration.ofMinutes(1), 3);
        assertThat(tally.count(refusal("10.0.0.1", null), T0)).isFalse();
        assertThat(tally.count(refusal("10.0.0.1", null), T0)).as("same entry").isFalse();
        assertThat(tally.count(refusal("10.0.0.2", null), T0)).isFalse();
        assertThat(tally.count(refusal("10.0.0.3", null), T0)).isTrue();
    }
}
