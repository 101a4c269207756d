package com.quantumtrader.risk.model.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.policy.PolicyDefaults;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The day's realised P&L, the losing streak and the emergency stop's daily loss, without a store. */
class TradeTallyTest {

    private static final Instant AT = Instant.parse("2024-03-01T23:59:59Z");
    private static final TradeTally FRESH = new TradeTally(LocalDate.parse("2024-03-01"), BigDecimal.ZERO, 0,
            Optional.empty());

    @Test
    void countsTheDayInUtc() {
        assertThat(TradeTally.dayOf(AT)).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(TradeTally.dayOf(AT.plusSeconds(1))).isEqualTo(LocalDate.parse("2024-03-02"));
    }

    @Test
    void aLossExtendsTheStreakAndAWinEndsIt() {
        TradeTally afterLosses = FRESH.afterClose(new BigDecimal("-10"), AT).afterClose(new BigDecimal("-5"), AT);
        TradeTally afterWin = afterLosses.afterClose(new BigDecimal("20"), AT.plusSeconds(0));

        assertThat(afterLosses.losingStreak()).isEqualTo(2);
        assertThat(afterLosses.lastLossAt()).contains(AT);
        assertThat(afterLosses.lossToday()).isEqualByComparingTo("15");
        assertThat(afterWin.losingStreak()).isZero();
        assertThat(afterWin.lastLossAt()).contains(AT);
        assertThat(afterWin.pnlToday()).isEqualByComparingTo("5");
    }

    @Test
    void latchesTheEmergencyStopWhenTheDaysLossReachesTheHardLimit() {
        // emergency.daily_loss 5 % of 10 000 USDT
        TradeTally lost = FRESH.afterClose(new BigDecimal("-500"), AT);

        assertThat(DailyLossStop.check(lost, PolicyDefaults.load()))
                .contains(new DailyLossStop.Breach("realised loss today", "500", "500.00"));
        assertThat(DailyLossStop.check(FRESH.afterClose(new BigDecimal("-499.99"), AT), PolicyDefaults.load()))
                .isEmpty();
    }

    @Test
    void aLiquidationIsAStopOut() {
        assertThat(DailyLossStop.stoppedOut("LIQUIDATION")).isTrue();
        assertThat(DailyLossStop.stoppedOut("STOP_LOSS")).isTrue();
        assertThat(DailyLossStop.stoppedOut("TAKE_PROFIT")).isFalse();
    }
}
