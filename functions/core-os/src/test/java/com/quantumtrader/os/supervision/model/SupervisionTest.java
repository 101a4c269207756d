package com.quantumtrader.os.supervision.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.os.SelfHealingTriggered;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The supervision rules on plain values: no store, no handler. */
class SupervisionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final BigDecimal ALERT = new BigDecimal("0.10");

    private static Supervision.Review review(Watch watch, Duration after, String drawdown) {
        return Supervision.review(watch, T0.plus(after), new BigDecimal(drawdown), ALERT).orElseThrow();
    }

    @Test
    void ignoresASnapshotNotNewerThanTheLastOneSeen() {
        assertThat(Supervision.review(new Watch(T0, false), T0, BigDecimal.ZERO, ALERT)).isEmpty();
        assertThat(Supervision.review(new Watch(T0, false), T0.minusSeconds(1), BigDecimal.ZERO, ALERT)).isEmpty();
    }

    @Test
    void aGapOfMoreThanThreeHoursRecommendsAPortfolioResync() {
        Supervision.Review review = review(new Watch(T0, false), Duration.ofMinutes(181), "0");

        assertThat(review.actions()).containsExactly(new SelfHealingTriggered("portfolio",
                "no performance snapshot for 181 min (tolerated 180 min)", "RESYNC_PORTFOLIO"));
        assertThat(review.watch()).isEqualTo(new Watch(T0.plus(Duration.ofMinutes(181)), false));
    }

    @Test
    void aGapOfExactlyThreeHoursIsTolerated() {
        assertThat(review(new Watch(T0, false), Duration.ofHours(3), "0").actions()).isEmpty();
    }

    @Test
    void drawdownAtThreeQuartersOfTheAlertRecommendsSafeModeOncePerEpisode() {
        // when drawdown reaches 7.5 % with a 10 % alert
        Supervision.Review first = review(Watch.NONE, Duration.ZERO, "0.075");

        // then safe mode is recommended and the episode is latched
        assertThat(first.actions()).extracting(SelfHealingTriggered::action).containsExactly("RECOMMEND_SAFE_MODE");
        assertThat(first.actions().get(0).issue()).isEqualTo("drawdown 0.075 reached 0.075 (75 % of the drawdown alert)");
        assertThat(first.watch().drawdownLatched()).isTrue();
        // and a deeper drawdown inside the episode says nothing new
        assertThat(review(first.watch(), Duration.ofHours(1), "0.09").actions()).isEmpty();
    }

    @Test
    void theEpisodeEndsOnlyBelowHalfTheWarningLevel() {
        Watch latched = new Watch(T0, true);

        assertThat(review(latched, Duration.ofHours(1), "0.0375").watch().drawdownLatched()).isTrue();
        assertThat(review(latched, Duration.ofHours(1), "0.0374").watch().drawdownLatched()).isFalse();
    }
}
