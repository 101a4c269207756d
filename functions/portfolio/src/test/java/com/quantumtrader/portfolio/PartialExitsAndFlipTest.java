package com.quantumtrader.portfolio;

import static com.quantumtrader.events.EventCatalog.PORTFOLIO_POSITION_CLOSED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_POSITION_OPENED;
import static com.quantumtrader.events.EventCatalog.TRADE_CLOSED;
import static com.quantumtrader.events.OrderPurpose.EXIT;
import static com.quantumtrader.events.OrderPurpose.STOP_LOSS;
import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static com.quantumtrader.portfolio.FillBuilder.entry;
import static com.quantumtrader.portfolio.FillBuilder.exit;
import static com.quantumtrader.portfolio.PortfolioFixture.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.events.portfolio.TradeClosed;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several fills with a losing partial exit, and a flip from long to short, each against a hand-computed example.
 * (Funding: {@link FundingFromTheExchangeTest}.)
 */
class PartialExitsAndFlipTest {

    private final PortfolioFixture portfolio = new PortfolioFixture();

    @Test
    void severalEntriesThenTwoLosingExits() {
        portfolio.fill(entry("sig-3", "BTCUSDT", BUY).quantity("0.05").price("30000").fee("0.6").stop("29400"));
        portfolio.fill(entry("sig-3", "BTCUSDT", BUY).quantity("0.05").price("29800").fee("0.596"));

        // average entry 29900, open cost 2990, entry fees 1.196
        List<Emit> first = portfolio.fill(exit("sig-3", "BTCUSDT", SELL, EXIT).quantity("0.04").price("29500")
                .fee("0.472"));
        // 0.04 of 0.1: cost 1196, proceeds 1180 -> -16; 40 % of the entry fees 0.4784; exit fee 0.472 -> -16.9504
        assertThat(first).isEmpty();
        assertThat(portfolio.performance().realizedPnl()).isEqualByComparingTo("-16.9504");

        List<Emit> out = portfolio.fill(exit("sig-3", "BTCUSDT", SELL, STOP_LOSS).quantity("0.06").price("29400")
                .fee("0.7056"));

        // the rest: cost 1794, proceeds 1764 -> -30; fees 0.7176 + 0.7056 -> -31.4232; the trade -48.3736
        // check: (average exit 29440 - 29900) x 0.1 = -46, less 2.3736 of fees; R = -48.3736 / 50 -> -0.9675
        PositionClosed closed = only(out, PORTFOLIO_POSITION_CLOSED);
        assertThat(closed.realizedPnl()).isEqualByComparingTo("-48.3736");
        assertThat(closed.fees()).isEqualByComparingTo("2.3736");
        assertThat(closed.entryPrice()).isEqualByComparingTo("29900");
        assertThat(closed.exitPrice()).isEqualByComparingTo("29440");
        assertThat(only(out, TRADE_CLOSED).rMultiple()).isEqualByComparingTo("-0.9675");
        assertThat(portfolio.performance().winRate()).isEqualByComparingTo("0");
    }

    @Test
    void aFlipIsAnExitThatClosesTheLongThenAnEntryThatOpensTheShort() {
        portfolio.fill(entry("sig-4", "ETHUSDT", BUY).quantity("1").price("2000").fee("0.8").stop("1960")
                .target("2100"));
        List<Emit> closeLong = portfolio.fill(exit("sig-4", "ETHUSDT", SELL, EXIT).quantity("1").price("2050")
                .fee("0.82"));
        List<Emit> openShort = portfolio.fill(entry("sig-5", "ETHUSDT", SELL).quantity("1").price("2050")
                .fee("0.82").stop("2090").target("1950"));
        portfolio.bar("ETHUSDT", "2070"); // the short at 2070: -(2070 - 2050) - 0.82 = -20.82 unrealised
        assertThat(portfolio.performance().unrealizedPnl()).isEqualByComparingTo("-20.82");
        List<Emit> stopShort = portfolio.fill(exit("sig-5", "ETHUSDT", BUY, STOP_LOSS).quantity("1").price("2090")
                .fee("0.836"));

        // long: 50 - 0.8 - 0.82 = 48.38; short: -40 - 0.82 - 0.836 = -41.656, R = -41.656 / 40 = -1.0414
        assertThat(only(closeLong, TRADE_CLOSED).realizedPnl()).isEqualByComparingTo("48.38");
        assertThat(only(openShort, PORTFOLIO_POSITION_OPENED).side()).isEqualTo(Side.SHORT);
        TradeClosed shortTrade = only(stopShort, TRADE_CLOSED);
        assertThat(shortTrade.side()).isEqualTo(Side.SHORT);
        assertThat(shortTrade.realizedPnl()).isEqualByComparingTo("-41.656");
        assertThat(shortTrade.rMultiple()).isEqualByComparingTo("-1.0414");
        var performance = portfolio.performance();
        assertThat(performance.realizedPnl()).isEqualByComparingTo("6.724");
        assertThat(performance.fees()).isEqualByComparingTo("3.276");
        assertThat(performance.closedTrades()).isEqualTo(2);
        assertThat(performance.winRate()).isEqualByComparingTo("0.5");
        assertThat(performance.equity()).isEqualByComparingTo("10006.724");
    }

    @Test
    void anEntryAgainstTheOpenPositionIsRefusedBecauseExitsAreReduceOnly() {
        portfolio.fill(entry("sig-6", "ETHUSDT", BUY).quantity("1").price("2000"));

        assertThatThrownBy(() -> portfolio.fill(entry("sig-7", "ETHUSDT", SELL).quantity("2").price("2000")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("LONG");
        assertThat(portfolio.performance().openPositions()).isEqualTo(1);
    }
}
