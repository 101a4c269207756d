package com.quantumtrader.portfolio;

import static com.quantumtrader.events.EventCatalog.PORTFOLIO_POSITION_CLOSED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_POSITION_OPENED;
import static com.quantumtrader.events.EventCatalog.TRADE_CLOSED;
import static com.quantumtrader.events.OrderPurpose.EXIT;
import static com.quantumtrader.events.OrderPurpose.STOP_LOSS;
import static com.quantumtrader.events.OrderPurpose.TAKE_PROFIT;
import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static com.quantumtrader.portfolio.FillBuilder.entry;
import static com.quantumtrader.portfolio.FillBuilder.exit;
import static com.quantumtrader.portfolio.PortfolioFixture.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.events.portfolio.PositionOpened;
import com.quantumtrader.events.portfolio.TradeClosed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * position_monitor: positions from fills and realised P&L to the cent. Fees in the examples are Binance's taker
 * 0.04 % of the fill's notional.
 */
class PositionPnlTest {

    private final PortfolioFixture portfolio = new PortfolioFixture();

    @Test
    void opensAPositionOnTheFirstEntryFillInTheSignalsTrace() {
        List<Emit> out = portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));

        PositionOpened opened = only(out, PORTFOLIO_POSITION_OPENED);
        assertThat(opened.positionId()).isEqualTo("pos-sig-1");
        assertThat(opened.side()).isEqualTo(Side.LONG);
        assertThat(opened.quantity()).isEqualByComparingTo("0.1");
        assertThat(opened.entryPrice()).isEqualByComparingTo("30000");
        assertThat(opened.stopPrice()).isEqualByComparingTo("29400");
        assertThat(opened.targetPrice()).isEqualByComparingTo("31200");
        assertThat(opened.strategyId()).isEqualTo("ma_crossover");
        assertThat(out.get(0).traceId()).isEqualTo(portfolio.traceOf("sig-1"));
    }

    @Test
    void aLongLiquidatedByTheExchangeClosesWithItsLossAndReasonLiquidation() {
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));

        // Binance's liquidation order (client id autoclose-…) sold the whole position below the stop
        List<Emit> out = portfolio.fill(exit("sig-1", "BTCUSDT", SELL, OrderPurpose.LIQUIDATION)
                .quantity("0.1").price("27000").fee("1.08"));

        // gross (27000 - 30000) x 0.1 = -300; fees 1.2 + 1.08 = 2.28; net -302.28
        PositionClosed closed = only(out, PORTFOLIO_POSITION_CLOSED);
        assertThat(closed.realizedPnl()).isEqualByComparingTo("-302.28");
        assertThat(closed.exitReason()).isEqualTo("LIQUIDATION");
        TradeClosed trade = only(out, TRADE_CLOSED);
        assertThat(trade.exitReason()).isEqualTo("LIQUIDATION");
        out.forEach(emit -> assertThatCode(() -> EventValidator.validate(portfolio.events.create(emit, "t")))
                .doesNotThrowAnyException());
    }

    @Test
    void aPositionClosedOutsideThePlatformClosesWithReasonExternalClose() {
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));

        List<Emit> out = portfolio.fill(exit("sig-1", "BTCUSDT", SELL, OrderPurpose.EXTERNAL_CLOSE)
                .quantity("0.1").price("30500").fee("0"));

        assertThat(only(out, PORTFOLIO_POSITION_CLOSED).exitReason()).isEqualTo("EXTERNAL_CLOSE");
        out.forEach(emit -> assertThatCode(() -> EventValidator.validate(portfolio.events.create(emit, "t")))
                .doesNotThrowAnyException());
    }

    @Test
    void closesALongAtTheTargetWithPnlNetOfFees() {
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));
        portfolio.clock.advance(Duration.ofHours(5));

        List<Emit> out = portfolio.fill(exit("sig-1", "BTCUSDT", SELL, TAKE_PROFIT)
                .quantity("0.1").price("31200").fee("1.248"));

        // gross (31200 - 30000) x 0.1 = 120; fees 1.2 + 1.248 = 2.448; net 117.552
        // R = 117.552 / (|30000 - 29400| x 0.1 = 60) = 1.9592
        PositionClosed closed = only(out, PORTFOLIO_POSITION_CLOSED);
        assertThat(closed.realizedPnl()).isEqualByComparingTo("117.552");
        assertThat(closed.fees()).isEqualByComparingTo("2.448");
        assertThat(closed.quantity()).isEqualByComparingTo("0.1");
        assertThat(closed.entryPrice()).isEqualByComparingTo("30000");
        assertThat(closed.exitPrice()).isEqualByComparingTo("31200");
        assertThat(closed.exitReason()).isEqualTo("TAKE_PROFIT");
        assertThat(closed.signalId()).isEqualTo("sig-1");
        TradeClosed trade = only(out, TRADE_CLOSED);
        assertThat(trade.realizedPnl()).isEqualByComparingTo("117.552");
        assertThat(trade.rMultiple()).isEqualByComparingTo("1.9592");
        assertThat(trade.funding()).isEqualByComparingTo("0");
        assertThat(trade.fees()).isEqualByComparingTo("2.448");
        assertThat(Duration.between(trade.openedAt(), trade.closedAt())).isEqualTo(Duration.ofHours(5));
        assertThat(trade.signalId()).isEqualTo("sig-1");
        assertThat(trade.strategyId()).isEqualTo("ma_crossover");
        assertThat(trade.modelId()).isEqualTo("model-1");
        assertThat(out).extracting(Emit::traceId).containsOnly(portfolio.traceOf("sig-1"));
    }

    @Test
    void closesAShortAtTheStopWithALoss() {
        portfolio.fill(entry("sig-2", "ETHUSDT", SELL).quantity("2").price("2000").fee("1.6")
                .stop("2040").target("1900"));

        List<Emit> out = portfolio.fill(exit("sig-2", "ETHUSDT", BUY, STOP_LOSS)
                .quantity("2").price("2040").fee("1.632"));

        // gross -1 x (2040 - 2000) x 2 = -80; fees 1.6 + 1.632 = 3.232; net -83.232
        // R = -83.232 / (|2000 - 2040| x 2 = 80) = -1.0404
        PositionClosed closed = only(out, PORTFOLIO_POSITION_CLOSED);
        assertThat(closed.side()).isEqualTo(Side.SHORT);
        assertThat(closed.realizedPnl()).isEqualByComparingTo("-83.232");
        assertThat(closed.exitReason()).isEqualTo("STOP_LOSS");
        assertThat(only(out, TRADE_CLOSED).rMultiple()).isEqualByComparingTo("-1.0404");
    }

    @Test
    void averagesPartialEntryFillsAndAccumulatesTheirFees() {
        List<Emit> first = portfolio.fill(entry("sig-3", "BTCUSDT", BUY).quantity("0.03").price("30000").fee("0.36")
                .stop("29470"));
        List<Emit> second = portfolio.fill(entry("sig-3", "BTCUSDT", BUY).quantity("0.07").price("30100")
                .fee("0.8428"));

        List<Emit> out = portfolio.fill(exit("sig-3", "BTCUSDT", SELL, EXIT).quantity("0.1").price("30500")
                .fee("1.22"));

        // average entry (0.03 x 30000 + 0.07 x 30100) / 0.1 = (900 + 2107) / 0.1 = 30070
        // gross (30500 - 30070) x 0.1 = 43; fees 0.36 + 0.8428 + 1.22 = 2.4228; net 40.5772
        // R = 40.5772 / (|30070 - 29470| x 0.1 = 60) = 0.67628... -> 0.6763
        assertThat(first).extracting(e -> e.type().name()).containsExactly("portfolio.position.opened");
        assertThat(second).isEmpty();
        PositionClosed closed = only(out, PORTFOLIO_POSITION_CLOSED);
        assertThat(closed.entryPrice()).isEqualByComparingTo("30070");
        assertThat(closed.realizedPnl()).isEqualByComparingTo("40.5772");
        assertThat(closed.fees()).isEqualByComparingTo("2.4228");
        assertThat(closed.exitReason()).isEqualTo("EXIT");
        assertThat(only(out, TRADE_CLOSED).rMultiple()).isEqualByComparingTo("0.6763");
    }

    @Test
    void realisesPartialExitsWithTheirShareOfEntryFees() {
        portfolio.fill(entry("sig-4", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));

        List<Emit> firstExit = portfolio.fill(exit("sig-4", "BTCUSDT", SELL, TAKE_PROFIT).quantity("0.04")
                .price("31200").fee("0.4992"));
        // 0.04 x 1200 = 48, less 40 % of the 1.2 entry fee (0.48) and the 0.4992 exit fee = 47.0208
        assertThat(firstExit).isEmpty();
        assertThat(portfolio.performance().realizedPnl()).isEqualByComparingTo("47.0208");

        List<Emit> out = portfolio.fill(exit("sig-4", "BTCUSDT", SELL, TAKE_PROFIT).quantity("0.06")
                .price("31500").fee("0.756"));

        // 0.06 x 1500 = 90, less 0.72 and 0.756 = 88.524; the trade: 47.0208 + 88.524 = 135.5448
        // average exit (0.04 x 31200 + 0.06 x 31500) / 0.1 = 31380; R = 135.5448 / 60 = 2.25908 -> 2.2591
        PositionClosed closed = only(out, PORTFOLIO_POSITION_CLOSED);
        assertThat(closed.realizedPnl()).isEqualByComparingTo("135.5448");
        assertThat(closed.exitPrice()).isEqualByComparingTo("31380");
        assertThat(closed.fees()).isEqualByComparingTo("2.4552");
        assertThat(only(out, TRADE_CLOSED).rMultiple()).isEqualByComparingTo("2.2591");
        assertThat(portfolio.performance().realizedPnl()).isEqualByComparingTo("135.5448");
    }

    @Test
    void aRoundTripWithRepeatingPartialSharesLeavesNoRoundingResidue() {
        portfolio.fill(entry("sig-5", "BTCUSDT", BUY).quantity("0.003").price("30000").fee("0.01"));

        portfolio.fill(exit("sig-5", "BTCUSDT", SELL, EXIT).quantity("0.001").price("30000").fee("0"));
        portfolio.fill(exit("sig-5", "BTCUSDT", SELL, EXIT).quantity("0.001").price("30000").fee("0"));
        List<Emit> out = portfolio.fill(exit("sig-5", "BTCUSDT", SELL, EXIT).quantity("0.001").price("30000")
                .fee("0"));

        // a third of 0.01 does not terminate, but the three shares add up to the whole fee
        assertThat(only(out, PORTFOLIO_POSITION_CLOSED).realizedPnl()).isEqualByComparingTo("-0.01");
    }

    @Test
    void anExitLargerThanTheOpenQuantityClosesWhatIsOpen() {
        portfolio.fill(entry("sig-6", "BTCUSDT", BUY).quantity("0.1").price("30000"));

        List<Emit> out = portfolio.fill(exit("sig-6", "BTCUSDT", SELL, EXIT).quantity("0.2").price("30100"));

        assertThat(only(out, PORTFOLIO_POSITION_CLOSED).realizedPnl()).isEqualByComparingTo("10");
        assertThat(portfolio.performance().openPositions()).isZero();
    }

    @Test
    void ignoresAnExitFillWithoutAPositionButCountsItsFee() {
        List<Emit> out = portfolio.fill(exit("sig-7", "BTCUSDT", SELL, STOP_LOSS).quantity("0.1").price("29400")
                .fee("1.176"));

        assertThat(out).isEmpty();
        assertThat(portfolio.performance().fees()).isEqualByComparingTo("1.176");
        assertThat(portfolio.performance().realizedPnl()).isEqualByComparingTo("0");
    }

    @Test
    void rejectsAnExitOnTheWrongSideOfThePosition() {
        portfolio.fill(entry("sig-8", "BTCUSDT", BUY).quantity("0.1").price("30000"));

        assertThatThrownBy(() -> portfolio.fill(exit("sig-8", "BTCUSDT", BUY, TAKE_PROFIT).quantity("0.1")
                .price("31200"))).isInstanceOf(MalformedEventException.class).hasMessageContaining("LONG");
        assertThat(portfolio.performance().openPositions()).isEqualTo(1);
    }

    @Test
    void rejectsAFillWithoutAPositiveQuantity() {
        assertThatThrownBy(() -> portfolio.fill(entry("sig-9", "BTCUSDT", BUY).quantity("0").price("30000")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("positive quantity");
        assertThat(portfolio.performance().openPositions()).isZero();
    }

    @Test
    void aRestartedDomainClosesThePositionOpenedBeforeTheRestart() {
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));

        PortfolioFixture restarted = portfolio.restarted();
        List<Emit> out = restarted.fill(exit("sig-1", "BTCUSDT", SELL, TAKE_PROFIT).quantity("0.1")
                .price("31200").fee("1.248"));

        assertThat(only(out, PORTFOLIO_POSITION_CLOSED).realizedPnl()).isEqualByComparingTo("117.552");
        assertThat(restarted.performance().closedTrades()).isEqualTo(1);
    }

    @Test
    void leavesTheRMultipleOutWhenTheEntryHadNoStop() {
        portfolio.fill(entry("sig-10", "BTCUSDT", BUY).quantity("0.1").price("30000").stop(null).target(null));

        List<Emit> out = portfolio.fill(exit("sig-10", "BTCUSDT", SELL, EXIT).quantity("0.1").price("30100"));

        assertThat(only(out, TRADE_CLOSED).rMultiple()).isNull();
    }
}
