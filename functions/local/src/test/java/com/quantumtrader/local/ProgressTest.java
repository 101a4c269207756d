package com.quantumtrader.local;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.policy.PolicyDefaults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Progress lines of a long run: bars and steps, bars per second and the time left from a warm rate, on a wall clock
 * the test moves.
 */
class ProgressTest {

    static final int STEPS = 30;
    static final List<String> THREE_SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "BNBUSDT");

    final AtomicLong wallMillis = new AtomicLong(1_000_000);
    final StringWriter text = new StringWriter();

    LocalPlatform platform(List<String> symbols, int steps) {
        List<MarketPriceUpdate> replay = KlineCsvFixture.series(7L, symbols, steps).stream().flatMap(List::stream)
                .sorted(Comparator.comparing(MarketPriceUpdate::closeTime).thenComparing(MarketPriceUpdate::symbol)).toList();
        return new LocalPlatform(new LocalPlatform.Setup(1L, BarSource.replay(replay),
                StateBackend.inMemory(PolicyDefaults.load()), Optional.empty(), Optional.empty()));
    }

    LocalPlatform platform(int steps) {
        return platform(List.of("BTCUSDT"), steps);
    }

    Progress progress(LocalPlatform platform) {
        return new Progress(platform, new PrintWriter(text), platform.totalSteps(), platform.totalBars(),
                wallMillis::get);
    }

    List<String> lines() {
        return text.toString().lines().toList();
    }

    @Test
    void countsEverySymbolsBarAndTheStepsSeparately() {
        try (LocalPlatform platform = platform(THREE_SYMBOLS, STEPS)) {
            Progress progress = progress(platform);
            // given 10 steps of three symbols in 2 s
            for (int i = 0; i < 10; i++) {
                platform.step();
                progress.maybePrint();
            }
            wallMillis.addAndGet(2_000);

            // when progress is due
            progress.maybePrint();

            // then 30 bars in 10 steps: 15 bars/s, not the 5 steps/s the old line called bars
            assertThat(lines().get(0)).startsWith("bar 3/90, step 1/30 | signals ");
            assertThat(lines().get(1)).startsWith("bar 30/90, step 10/30 (15 bars/s, ETA after warm-up) | ");
        }
    }

    @Test
    void estimatesTheTimeLeftFromTheWarmRateNotFromTheSlowStart() {
        try (LocalPlatform platform = platform(STEPS)) {
            Progress progress = progress(platform);
            // given a slow start: 4 bars in the first 4 s (class loading, JIT)
            for (int i = 0; i < 4; i++) {
                platform.step();
                progress.maybePrint();
            }
            wallMillis.addAndGet(4_000);
            progress.maybePrint();
            // when the next 10 bars take 1 s
            for (int i = 0; i < 10; i++) {
                platform.step();
            }
            wallMillis.addAndGet(1_000);
            progress.maybePrint();

            // then the speed is the warm 10 bars/s and the 16 bars left take 2 s (not 16 / (14 / 5 s) = 6 s)
            assertThat(lines().get(1)).startsWith("bar 4/30, step 4/30 (1 bars/s, ETA after warm-up) | ");
            assertThat(lines().get(2)).startsWith("bar 14/30, step 14/30 (10 bars/s, ETA 0:02) | ");
        }
    }

    @Test
    void theWarmRateFollowsTheLastThirtySeconds() {
        try (LocalPlatform platform = platform(STEPS)) {
            Progress progress = progress(platform);
            platform.step();
            progress.maybePrint();
            wallMillis.addAndGet(1_000);
            progress.maybePrint();
            // given 10 bars in 10 s, then 40 s without a bar
            for (int i = 0; i < 10; i++) {
                platform.step();
                wallMillis.addAndGet(1_000);
                progress.maybePrint();
            }
            wallMillis.addAndGet(40_000);
            platform.step();
            // when the next bar comes and progress is due
            progress.maybePrint();

            // then the rate reaches back just past the last 30 s: 1 bar in 40 s, so the 18 bars left take 12 min
            assertThat(lines().get(lines().size() - 1)).startsWith("bar 12/30, step 12/30 (0 bars/s, ETA 12:00) | ");
        }
    }

    @Test
    void printsAtMostOncePerSecondAndAlwaysTheLastBar() {
        try (LocalPlatform platform = platform(STEPS)) {
            Progress progress = progress(platform);
            for (int i = 0; i < STEPS; i++) {
                platform.step();
                wallMillis.addAndGet(100);
                progress.maybePrint();
            }

            // 3 s of wall time for 30 bars: the first bar, then one line a second, and the last bar
            assertThat(text.toString().lines().map(l -> l.split(", step")[0]))
                    .containsExactly("bar 1/30", "bar 11/30", "bar 21/30", "bar 30/30");
            assertThat(text.toString()).contains("bar 11/30, step 11/30 (10 bars/s, ETA after warm-up) |",
                    "bar 21/30, step 21/30 (10 bars/s, ETA 0:01) |", "bar 30/30, step 30/30 (10 bars/s) |");
        }
    }

    @Test
    void givesNoEtaWhenTheRunIsOpenEnded() {
        try (LocalPlatform platform = platform(5)) {
            Progress progress = new Progress(platform, new PrintWriter(text), -1, -1, wallMillis::get);
            for (int i = 0; i < 5; i++) {
                platform.step();
            }
            wallMillis.addAndGet(2_500);

            progress.maybePrint();

            assertThat(text.toString()).startsWith("bar 5, step 5 (2 bars/s) | ");
        }
    }

    @Test
    void summarisesTheSpeedOfTheWholeRunInBarsAndSteps() {
        try (LocalPlatform platform = platform(THREE_SYMBOLS, STEPS)) {
            Progress progress = progress(platform);
            while (platform.step()) {
                wallMillis.addAndGet(200);
            }

            progress.summary(false);

            assertThat(text.toString()).contains("Done after 90 bars in 30 steps in 6.0 s (15 bars/s)");
        }
    }

    @Test
    void writesLongEtasInHoursMinutesAndSeconds() {
        assertThat(Progress.duration(59)).isEqualTo("0:59");
        assertThat(Progress.duration(61)).isEqualTo("1:01");
        assertThat(Progress.duration(3_599)).isEqualTo("59:59");
        assertThat(Progress.duration(3_725)).isEqualTo("1:02:05");
        assertThat(Progress.duration(90_000)).isEqualTo("25:00:00");
    }
}
