package com.quantumtrader.portfolio.valuation.model;

import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.portfolio.positions.model.Fills.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.portfolio.positions.model.Fills;
import com.quantumtrader.portfolio.positions.model.Ledger;
import com.quantumtrader.portfolio.positions.model.Position;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Mark-to-market on values alone: an account of a 0.1 BTCUSDT long from 30000 (stop 29400, 1R = 600) and a 1 ETHUSDT
 * long from 2000 that has no mark yet; starting equity 10000, default settings, tick 0.1.
 */
class MarkingTest {

    private static final BigDecimal START = new BigDecimal("10000");
    private static final Optional<BigDecimal> TICK = Optional.of(new BigDecimal("0.1"));
    private static final DrawdownWatch.Limits LIMITS = new DrawdownWatch.Limits(new BigDecimal("0.10"),
            new BigDecimal("0.20"));

    private final Marking marking = new Marking(PortfolioSettings.defaults());
    private final Position btc = entry(BUY).open();
    private final Position eth = entry(BUY).symbol("ETHUSDT").quantity("1").price("2000").stop("1900").open();
    private final Account account = new Account(Ledger.EMPTY, List.of(btc, eth), Map.of());

    private Marking.Outcome mark(String close, Duration afterOpen, Optional<BigDecimal> tick) {
        Instant closeTime = Fills.OPENED.plus(afterOpen);
        return marking.mark(account, new Marking.Bar("BTCUSDT", new BigDecimal(close), closeTime, Optional.empty(),
                tick), START, DrawdownState.initial(START), LIMITS);
    }

    @Test
    void valuesTheAccountAtTheCloseAndAnUnmarkedPositionAtItsAverageEntry() {
        Marking.Outcome outcome = mark("30500", Duration.ofHours(1), TICK);

        assertThat(outcome.account().marks()).containsEntry("BTCUSDT", new BigDecimal("30500"));
        assertThat(outcome.valuation().unrealized()).isEqualByComparingTo("50"); // (30500 - 30000) x 0.1, ETH at entry
        assertThat(outcome.valuation().equity()).isEqualByComparingTo("10050");
        assertThat(outcome.valuation().openPositions()).isEqualTo(2);
    }

    @Test
    void movesTheStopToBreakEvenOnceTheCloseIsOneRInFavour() {
        Marking.Outcome outcome = mark("30600", Duration.ofHours(1), TICK);

        Marking.PositionMark mark = outcome.position().orElseThrow();
        assertThat(mark.move()).hasValueSatisfying(move -> {
            assertThat(move.reason()).isEqualTo(StopRules.BREAK_EVEN);
            assertThat(move.newStop()).isEqualByComparingTo("30000");
        });
        assertThat(mark.after().breakEvenDone()).isTrue();
        assertThat(mark.after().bestPrice()).isEqualByComparingTo("30600");
        assertThat(outcome.account().position("BTCUSDT")).contains(mark.after());
    }

    @Test
    void movesTheStopToTheCloseAfterTheMaximumHoldingTime() {
        Marking.Outcome outcome = mark("30100", Duration.ofHours(72), TICK);

        assertThat(outcome.position().orElseThrow().move()).hasValueSatisfying(move -> {
            assertThat(move.reason()).isEqualTo(StopRules.TIME_EXIT);
            assertThat(move.newStop()).isEqualByComparingTo("30100");
        });
    }

    @Test
    void movesNoStopWithoutTheInstrumentsTickSize() {
        Marking.Outcome outcome = mark("30600", Duration.ofHours(1), Optional.empty());

        assertThat(outcome.position().orElseThrow().move()).isEmpty();
        assertThat(outcome.position().orElseThrow().after().stopPrice()).isEqualByComparingTo("29400");
    }

    @Test
    void aBarOfASymbolWithoutAPositionOnlyMarksIt() {
        Marking.Outcome outcome = marking.mark(account, new Marking.Bar("SOLUSDT", new BigDecimal("150"),
                Fills.OPENED.plus(Duration.ofHours(1)), Optional.empty(), TICK), START, DrawdownState.initial(START),
                LIMITS);

        assertThat(outcome.position()).isEmpty();
        assertThat(outcome.account().openPositions()).containsExactly(btc, eth);
        assertThat(outcome.valuation().equity()).isEqualByComparingTo("10000");
    }

    @Test
    void aLossBeyondTheAlertThresholdIsACrossing() {
        Account large = new Account(Ledger.EMPTY, List.of(entry(BUY).quantity("1").stop("20000").open()), Map.of());

        Marking.Outcome outcome = marking.mark(large, new Marking.Bar("BTCUSDT", new BigDecimal("28900"),
                Fills.OPENED.plus(Duration.ofHours(1)), Optional.empty(), TICK), START, DrawdownState.initial(START),
                LIMITS);

        assertThat(outcome.drawdown().crossing()).hasValueSatisfying(
                crossing -> assertThat(crossing.drawdown()).isEqualByComparingTo("0.11"));
    }
}
