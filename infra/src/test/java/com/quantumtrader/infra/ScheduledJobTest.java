package com.quantumtrader.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.events.Domain;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduledJobTest {

    @Test
    void aPeriodOfWholeMinutesIsItsRate() {
        assertThat(new ScheduledJob(Domain.PORTFOLIO, "portfolio_performance", Duration.ofHours(1)).rateMinutes())
                .isEqualTo(60);
        assertThat(new ScheduledJob(Domain.RISK_SAFETY, "stuck_trade_watch", Duration.ofMinutes(1)).rateMinutes())
                .isEqualTo(1);
    }

    @Test
    void aPeriodAScheduleCannotFireAtFailsTheSynthesis() {
        assertThatThrownBy(() -> new ScheduledJob(Domain.PORTFOLIO, "every_90s", Duration.ofSeconds(90)).rateMinutes())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("periodic job every_90s of portfolio runs every PT1M30S, which is no whole number of"
                        + " minutes: an EventBridge schedule cannot fire at that rate");
        assertThatThrownBy(() -> new ScheduledJob(Domain.PORTFOLIO, "every_30s", Duration.ofSeconds(30)).rateMinutes())
                .hasMessageContaining("PT30S");
    }
}
