package io.banksuite.lag.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class PartitionLagTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theLagIsWhatWasWrittenAndNotAppliedAndItsAgeIsTheOldestsWait() {
        var lag = new PartitionLag("g", "t", 3, 40, 52, NOW.minusSeconds(90));

        assertThat(lag.records()).isEqualTo(12);
        assertThat(lag.time(NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aGroupThatCaughtUpHasNoLagOfEitherKind() {
        var lag = new PartitionLag("g", "t", 0, 52, 52, NOW.minusSeconds(90));

        assertThat(lag.records()).isZero();
        assertThat(lag.time(NOW)).isZero();
    }

    @Test
    void neitherLagIsEverNegative() {
        assertThat(new PartitionLag("g", "t", 0, 53, 52, null).records()).isZero();
        assertThat(new PartitionLag("g", "t", 0, 40, 52, NOW.plusSeconds(5)).time(NOW)).isZero();
        assertThat(new PartitionLag("g", "t", 0, 40, 52, null).time(NOW)).as("timestamp not read").isZero();
    }

    @Test
    void aGroupsLagIsTheSumOfItsPartitions() {
        var group = new GroupLag("g", 0, List.of(new PartitionLag("g", "t", 0, 1, 5, null),
                new PartitionLag("g", "t", 1, 7, 9, null)));

        assertThat(group.records()).isEqualTo(6);
    }
}
