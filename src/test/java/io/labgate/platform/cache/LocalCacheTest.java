package io.labgate.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The data path's per-replica cache: loads once, bounded, expiring when asked, never keeps failures or nulls. */
class LocalCacheTest {

    @Test
    void shouldLoadOnceAndKeepTheValue() {
        LocalCache<String, Integer> cache = LocalCache.unbounded(10);
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(1);
        assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(1);
        assertThat(loads).hasValue(1);
    }

    @Test
    void shouldLoadAgainOnceTheTimeToLiveHasPassed() {
        LocalCache<String, Integer> cache = LocalCache.expiring(10, Duration.ZERO);
        AtomicInteger loads = new AtomicInteger();
        cache.get("a", k -> loads.incrementAndGet());
        assertThat(cache.get("a", k -> loads.incrementAndGet())).isEqualTo(2);
    }

    @Test
    void shouldKeepNeitherNullsNorFailures() {
        LocalCache<String, Integer> cache = LocalCache.unbounded(10);
        assertThat(cache.get("a", k -> null)).isNull();
        assertThatThrownBy(() -> cache.get("b", k -> {
                    throw new IllegalStateException("refused");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cache.size()).isZero();
        assertThat(cache.get("a", k -> 7)).isEqualTo(7);
    }

    @Test
    void shouldNeverHoldMoreThanItsBound() {
        LocalCache<Integer, Integer> cache = LocalCache.unbounded(3);
        for (int i = 0; i < 10; i++) {
            cache.get(i, k -> k);
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }
}
