package io.banksuite.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class MinuteBucketTest {

    @Test
    void truncatesToTheUtcMinute() {
        MinuteBucket bucket = MinuteBucket.of(Instant.parse("2026-11-27T14:03:59.999999Z"), "EUR", "5411");

        assertThat(bucket).isEqualTo(new MinuteBucket(Instant.parse("2026-11-27T14:03:00Z"), "EUR", "5411"));
        assertThat(MinuteBucket.of(Instant.parse("2026-11-27T14:04:00Z"), "EUR", "5411").minute())
                .isEqualTo(Instant.parse("2026-11-27T14:04:00Z"));
    }

    @Test
    void aTimeWithAZoneOffsetLandsInItsUtcMinute() {
        // 14:33:20 at +05:30 is 09:03:20 UTC; a zone whose offset is not whole hours must not shift the bucket.
        Instant occurred = OffsetDateTime.parse("2026-11-27T14:33:20+05:30").toInstant();

        assertThat(MinuteBucket.of(occurred, "INR", "5411").minute()).isEqualTo(Instant.parse("2026-11-27T09:03:00Z"));
    }

    @Test
    void aMissingCategoryIsUnknown() {
        Instant t = Instant.parse("2026-11-27T14:00:00Z");
        assertThat(MinuteBucket.of(t, "EUR", null).merchantCategory()).isEqualTo("UNKNOWN");
        assertThat(MinuteBucket.of(t, "EUR", "  ").merchantCategory()).isEqualTo("UNKNOWN");
        assertThat(MinuteBucket.of(t, "EUR", " 5812 ").merchantCategory()).isEqualTo("5812");
    }

    @Test
    void rejectsWhatCannotBeABucket() {
        Instant t = Instant.parse("2026-11-27T14:00:00Z");
        assertThatThrownBy(() -> MinuteBucket.of(t, "eur", "5411")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinuteBucket.of(t, null, "5411")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MinuteBucket(t.plusSeconds(1), "EUR", "5411"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aContributionNeedsAPositiveAmount() {
        Instant t = Instant.parse("2026-11-27T14:00:00Z");
        assertThat(Contribution.of(t, "EUR", null, 1).amountMinor()).isEqualTo(1);
        assertThatThrownBy(() -> Contribution.of(t, "EUR", null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Contribution.of(t, "EUR", null, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
