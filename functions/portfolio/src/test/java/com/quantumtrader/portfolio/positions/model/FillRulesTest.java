package com.quantumtrader.portfolio.positions.model;

import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static com.quantumtrader.portfolio.positions.model.Fills.entry;
import static com.quantumtrader.portfolio.positions.model.Fills.exit;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.Side;
import com.quantumtrader.portfolio.positions.model.FillRules.Changed;
import com.quantumtrader.portfolio.positions.model.FillRules.Closed;
import com.quantumtrader.portfolio.positions.model.FillRules.FillOutcome;
import com.quantumtrader.portfolio.positions.model.FillRules.Opened;
import com.quantumtrader.portfolio.positions.model.FillRules.Refused;
import com.quantumtrader.portfolio.positions.model.FillRules.Unmatched;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fill rules on values alone: a fill, the stored position and ledger in, an outcome out. */
class FillRulesTest {

    private static final BigDecimal TWO_ATRS = new BigDecimal("2");
    private static final Instant LATER = Fills.OPENED.plus(Duration.ofHours(5));

    private static FillOutcome apply(Fills fill, Optional<Position> open, Optional<BigDecimal> atr) {
        return FillRules.apply(fill.build(), open, Ledger.EMPTY, atr, TWO_ATRS, "trace-1", LATER);
    }

    @Test
    void anEntryWithoutAnOpenPositionOpensOneAndBooksItsFee() {
        FillOutcome outcome = apply(entry(BUY).fee("1.2"), Optional.empty(), Optional.empty());

        Opened opened = (Opened) outcome;
        assertThat(opened.position().side()).isEqualTo(Side.LONG);
        assertThat(opened.position().openQuantity()).isEqualByComparingTo("0.1");
        assertThat(opened.position().initialStop()).isEqualByComparingTo("29400");
        assertThat(opened.position().openedAt()).isEqualTo(LATER);
        assertThat(opened.ledger().fees()).isEqualByComparingTo("1.2");
    }

    @Test
    void anEntryWithoutAStopTakesItsInitialStopTwoAtrsBehindTheEntry() {
        FillOutcome outcome = apply(entry(BUY).stop(null), Optional.empty(), Optional.of(new BigDecimal("150")));

        assertThat(((Opened) outcome).position().initialStop()).isEqualByComparingTo("29700");
    }

    @Test
    void anEntryWithoutAStopOrAnAtrHasNoInitialStop() {
        FillOutcome outcome = apply(entry(SELL).stop(null), Optional.empty(), Optional.empty());

        assertThat(((Opened) outcome).position().initialStop()).isNull();
    }

    @Test
    void refusesAFillWithoutAPositiveQuantity() {
        FillOutcome outcome = apply(entry(BUY).quantity("0"), Optional.empty(), Optional.empty());

        assertThat(((Refused) outcome).reason()).contains("positive quantity and price");
    }

    @Test
    void refusesAnEntryAgainstAnOpenPositionOfTheOtherSide() {
        FillOutcome outcome = apply(entry(SELL), Optional.of(entry(BUY).open()), Optional.empty());

        assertThat(((Refused) outcome).reason()).isEqualTo(
                "entry fill cid-sig-1-ENTRY is SELL but the open BTCUSDT position is LONG");
    }

    @Test
    void aSecondEntryAddsToTheOpenPositionAtTheAverageCost() {
        FillOutcome outcome = apply(entry(BUY).price("31000"), Optional.of(entry(BUY).open()), Optional.empty());

        Position added = ((Changed) outcome).position();
        assertThat(added.openQuantity()).isEqualByComparingTo("0.2");
        assertThat(added.averageEntryPrice()).isEqualByComparingTo("30500");
    }

    @Test
    void aPartialExitRealisesItsShareAndKeepsThePositionOpen() {
        FillOutcome outcome = apply(exit(SELL, OrderPurpose.EXIT).quantity("0.04").price("31000").fee("0.5"),
                Optional.of(entry(BUY).fee("1").open()), Optional.empty());

        Changed changed = (Changed) outcome;
        // (31000 - 30000) x 0.04 = 40, less 40% of the entry fee (0.4) and the exit fee (0.5)
        assertThat(changed.position().realizedPnl()).isEqualByComparingTo("39.1");
        assertThat(changed.position().openQuantity()).isEqualByComparingTo("0.06");
        assertThat(changed.ledger().realizedPnl()).isEqualByComparingTo("39.1");
    }

    @Test
    void theExitThatMakesThePositionFlatClosesTheTradeWithItsRMultiple() {
        FillOutcome outcome = apply(exit(SELL, OrderPurpose.TAKE_PROFIT).price("31200"),
                Optional.of(entry(BUY).open()), Optional.empty());

        Closed closed = (Closed) outcome;
        assertThat(closed.trade().realizedPnl()).isEqualByComparingTo("120");
        assertThat(closed.trade().rMultiple()).isEqualByComparingTo("2.0000"); // 120 / (600 x 0.1)
        assertThat(closed.trade().closedAt()).isEqualTo(LATER);
        assertThat(closed.ledger().closedTrades()).isEqualTo(1);
        assertThat(closed.ledger().winningTrades()).isEqualTo(1);
    }

    @Test
    void anExitLargerThanThePositionClosesWhatIsOpen() {
        FillOutcome outcome = apply(exit(SELL, OrderPurpose.STOP_LOSS).quantity("0.3").price("29400"),
                Optional.of(entry(BUY).open()), Optional.empty());

        Closed closed = (Closed) outcome;
        assertThat(closed.position().exitedQuantity()).isEqualByComparingTo("0.1");
        assertThat(closed.trade().rMultiple()).isEqualByComparingTo("-1.0000");
    }

    @Test
    void anExitWithoutAnOpenPositionBooksOnlyItsFee() {
        FillOutcome outcome = apply(exit(SELL, OrderPurpose.STOP_LOSS).fee("0.7"), Optional.empty(),
                Optional.empty());

        assertThat(((Unmatched) outcome).ledger().fees()).isEqualByComparingTo("0.7");
        assertThat(((Unmatched) outcome).ledger().realizedPnl()).isEqualByComparingTo("0");
    }

    @Test
    void refusesAnExitOnTheSideThatWouldAddToThePosition() {
        FillOutcome outcome = apply(exit(BUY, OrderPurpose.EXIT), Optional.of(entry(BUY).open()), Optional.empty());

        assertThat(((Refused) outcome).reason()).isEqualTo(
                "exit fill cid-sig-1-EXIT is BUY but the open BTCUSDT position is LONG");
    }
}
