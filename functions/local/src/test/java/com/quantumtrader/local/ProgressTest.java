package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.execution.Bar;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines of a long run: bars per second and the time left, on a wall clock the test moves. */
class ProgressTest {

    static final int BARS = 30;

    final AtomicLong wallMillis = new AtomicLong(1_000_000);
    final StringWriter text = new StringWriter();

    LocalPlatform platform(int bars) {
        List<Bar> replay = KlineCsvFixture.series(7L, List.of("BTCUSDT"), bars).get(0);
        return new LocalPlatform(new LocalPlatform.Setup(1L, BarSource.replay(replay),
                StateBackend.inMemory(PolicyDefaults.load()), Optional.empty(), Optional.empty()));
    }

    @Test
    void printsBarsPerSecondAndTheTimeLeftAtThatSpeed() {
        try (LocalPlatform platform = platform(BARS)) {
            Progress progress = new Progress(platform, new PrintWriter(text), BARS, wallMillis::get);
            // given 10 bars played in 2 s of wall time
            for (int i = 0; i < 10; i++) {
                platform.step();
                progress.maybePrint();
            }
            assertThat(text.toString().lines()).as("the first bar at once, no speed yet, then nothing within the "
                    + "second").singleElement().asString().startsWith("bar 1/30 | signals ");
            wallMillis.addAndGet(2_000);

            // when progress is due
            progress.maybePrint();

            // then 5 bars/s, and 20 bars left take 4 s
            assertThat(text.toString().lines().toList().get(1)).startsWith("bar 10/30 (5 bars/s, ETA 0:04) | signals ");
        }
    }

    @Test
    void printsAtMostOncePerSecondAndAlwaysTheLastBar() {
        try (LocalPlatform platform = platform(BARS)) {
            Progress progress = new Progress(platform, new PrintWriter(text), BARS, wallMillis::get);
            for (int i = 0; i < BARS; i++) {
                platform.step();
                wallMillis.addAndGet(100);
                progress.maybePrint();
            }

            // 3 s of wall time for 30 bars: the first bar, then one line a second, and the last bar
            assertThat(text.toString().lines().map(l -> l.split(" \\(| \\|")[0]))
                    .containsExactly("bar 1/30", "bar 11/30", "bar 21/30", "bar 30/30");
            assertThat(text.toString()).contains("bar 11/30 (10 bars/s, ETA 0:02) |", "bar 30/30 (10 bars/s) |");
        }
    }

    @Test
    void givesNoEtaWhenTheRunIsOpenEnded() {
        try (LocalPlatform platform = platform(5)) {
            Progress progress = new Progress(platform, new PrintWriter(text), -1, wallMillis::get);
            for (int i = 0; i < 5; i++) {
                platform.step();
            }
            wallMillis.addAndGet(2_500);

            progress.maybePrint();

            assertThat(text.toString()).startsWith("bar 5 (2 bars/s) | ");
        }
    }

    @Test
    void summarisesTheSpeedOfTheWholeRun() {
        try (LocalPlatform platform = platform(BARS)) {
            Progress progress = new Progress(platform, new PrintWriter(text), BARS, wallMillis::get);
            while (platform.step()) {
                wallMillis.addAndGet(200);
            }

            progress.summary(false);

            assertThat(text.toString()).contains("Done after 30 bars in 6.0 s (5 bars/s)");
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
