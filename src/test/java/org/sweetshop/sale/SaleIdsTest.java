package org.sweetshop.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SaleIdsTest {

    @Test
    void idsAreVersionSevenWithTheIetfVariantAndTheMillisecondsUpFront() {
        Instant at = Instant.parse("2026-11-23T10:15:30.123Z");
        UUID id = SaleIds.next(Clock.fixed(at, ZoneOffset.UTC));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void laterIdsSortAfterEarlierOnesAndNoneRepeat() {
        UUID earlier = SaleIds.next(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
        UUID later = SaleIds.next(Clock.fixed(Instant.parse("2026-11-23T10:00:00.001Z"), ZoneOffset.UTC));
        Set<UUID> many = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(SaleIds.next());
        }

        // PostgreSQL orders uuids by their bytes, as unsigned: compare the same way
        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), earlier.getMostSignificantBits())).isPositive();
        assertThat(many).hasSize(100_000);
    }
}
