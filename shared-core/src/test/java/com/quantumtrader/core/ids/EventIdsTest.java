package com.quantumtrader.core.ids;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void idsAreTwentySixCrockfordCharactersThatSortInGenerationOrder() {
        SimulatedClock clock = new SimulatedClock(T0);
        EventIds ids = new EventIds(clock, new SplittableRandom(1));
        List<String> generated = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            generated.add(ids.next());
            if (i % 100 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
        }
        assertThat(generated).allSatisfy(id -> assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{26}"));
        assertThat(generated).doesNotHaveDuplicates();
        assertThat(new ArrayList<>(generated)).isSorted();
    }

    @Test
    void theFirstTenCharactersEncodeTheClockMillis() {
        EventIds ids = new EventIds(new SimulatedClock(T0), new SplittableRandom(1));
        // 1735689600000 ms = 0x0194_1F29_7C00 -> Crockford base 32 of the 48-bit time
        assertThat(ids.next()).startsWith("01JGFJJZ00");
    }

    @Test
    void theSameSeedAndClockGiveTheSameIds() {
        EventIds a = new EventIds(new SimulatedClock(T0), new SplittableRandom(42));
        EventIds b = new EventIds(new SimulatedClock(T0), new SplittableRandom(42));
        for (int i = 0; i < 100; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void staysOrderedWhenTheClockGoesBack() {
        MutableClock clock = new MutableClock(T0.plusSeconds(10));
        EventIds ids = new EventIds(clock, new SplittableRandom(3));
        String before = ids.next();
        clock.now = T0;
        assertThat(ids.next()).isGreaterThan(before);
    }

    static final class MutableClock extends java.time.Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void aRestoredGeneratorContinuesAboveEveryIdOfTheRunItResumes() {
        SimulatedClock clock = new SimulatedClock(T0);
        EventIds before = new EventIds(clock, new SplittableRandom(1));
        List<String> firstRun = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            firstRun.add(before.next());
        }
        EventIds.State persisted = before.state();

        // the restarted process has the same seed (so the same random draws) and its clock at the same millisecond
        EventIds after = new EventIds(new SimulatedClock(T0), new SplittableRandom(1));
        after.restore(persisted);
        String next = after.next();

        assertThat(firstRun).doesNotContain(next);
        assertThat(next).isGreaterThan(firstRun.get(firstRun.size() - 1));
    }

    @Test
    void restoringAnOlderStateNeverMovesTheGeneratorBack() {
        SimulatedClock clock = new SimulatedClock(T0);
        EventIds ids = new EventIds(clock, new SplittableRandom(1));
        EventIds.State old = ids.state();
        clock.advance(Duration.ofMillis(5));
        String latest = ids.next();

        ids.restore(old);

        assertThat(ids.next()).isGreaterThan(latest);
    }
}
