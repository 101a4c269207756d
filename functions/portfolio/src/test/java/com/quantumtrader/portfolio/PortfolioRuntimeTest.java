package com.quantumtrader.portfolio;

import static com.quantumtrader.events.OrderPurpose.TAKE_PROFIT;
import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static com.quantumtrader.portfolio.FillBuilder.entry;
import static com.quantumtrader.portfolio.FillBuilder.exit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Portfolio's handlers behind the real HandlerRuntime: what they publish is schema-valid, in the right trace,
 * and an event delivered twice ends in the same state as once.
 */
class PortfolioRuntimeTest {

    private final PortfolioFixture portfolio = new PortfolioFixture();
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final List<BusEvent> published = new ArrayList<>();
    private final HandlerRuntime positionMonitor = runtime(PortfolioDomain.POSITION_MONITOR);
    private final HandlerRuntime markToMarket = runtime(PortfolioDomain.MARK_TO_MARKET);

    private HandlerRuntime runtime(String handler) {
        return new HandlerRuntime(portfolio.handlers.get(handler), idempotency, portfolio.events, published::add);
    }

    private BusEvent fill(FillBuilder fill) {
        return portfolio.fillEvent(fill.at(portfolio.clock.instant()).build());
    }

    private BusEvent bar(String symbol, String close) {
        portfolio.clock.advance(Duration.ofHours(1));
        return portfolio.barEvent(symbol, close);
    }

    @Test
    void aRoundTripPublishesSchemaValidEventsInTheEntrysTrace() {
        BusEvent entry = fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));
        assertThat(positionMonitor.dispatch(entry).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(markToMarket.dispatch(bar("BTCUSDT", "30600")).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        BusEvent takeProfit = fill(exit("sig-1", "BTCUSDT", SELL, TAKE_PROFIT).quantity("0.1").price("31200")
                .fee("1.248"));
        assertThat(positionMonitor.dispatch(takeProfit).status()).isEqualTo(HandlerOutcome.Status.HANDLED);

        assertThat(published).extracting(BusEvent::name).containsExactly("portfolio.position.opened",
                "portfolio.sl.adjusted", "portfolio.position.closed", "trade.closed");
        assertThat(published).extracting(BusEvent::traceId).containsOnly(entry.traceId());
        assertThat(published).extracting(BusEvent::source).containsOnly("quantum.portfolio");
    }

    @Test
    void theDrawdownAlertAndThePerformanceSnapshotAreSchemaValid() {
        positionMonitor.dispatch(fill(entry("sig-1", "BTCUSDT", BUY).quantity("1").price("30000").fee("12")
                .stop("27000")));
        BusEvent crash = bar("BTCUSDT", "27000");

        assertThat(markToMarket.dispatch(crash).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        BusEvent snapshot = portfolio.events.create(
                new PortfolioDomain().periodicJobs(portfolio.services).get(0).job().get().get(0), "job-trace");

        assertThat(published).extracting(BusEvent::name).containsExactly("portfolio.position.opened",
                "portfolio.drawdown.high");
        assertThat(published.get(1).traceId()).isEqualTo(crash.traceId());
        assertThatCode(() -> EventValidator.validate(snapshot)).doesNotThrowAnyException();
    }

    @Test
    void anEntryFillDeliveredTwiceOpensOnce() {
        BusEvent entry = fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));

        positionMonitor.dispatch(entry);
        HandlerOutcome second = positionMonitor.dispatch(entry);
        List<BusEvent> afterEntries = new ArrayList<>(published);
        positionMonitor.dispatch(fill(exit("sig-1", "BTCUSDT", SELL, TAKE_PROFIT).quantity("0.1").price("31200")
                .fee("1.248")));

        assertThat(second.status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);
        assertThat(afterEntries).extracting(BusEvent::name).containsExactly("portfolio.position.opened");
        // 0.1 in, 0.1 out: the position closed, with the P&L and fees of one entry, not two
        assertThat(published).extracting(BusEvent::name).contains("portfolio.position.closed");
        assertThat(portfolio.performance().realizedPnl()).isEqualByComparingTo("117.552");
        assertThat(portfolio.performance().fees()).isEqualByComparingTo("2.448");
    }

    @Test
    void anExitFillDeliveredTwiceClosesOnce() {
        positionMonitor.dispatch(fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2")));
        BusEvent exit = fill(exit("sig-1", "BTCUSDT", SELL, TAKE_PROFIT).quantity("0.1").price("31200")
                .fee("1.248"));

        positionMonitor.dispatch(exit);
        positionMonitor.dispatch(exit);

        assertThat(published).extracting(BusEvent::name).containsExactly("portfolio.position.opened",
                "portfolio.position.closed", "trade.closed");
        assertThat(portfolio.performance().closedTrades()).isEqualTo(1);
        assertThat(portfolio.performance().fees()).isEqualByComparingTo("2.448");
    }

    @Test
    void aBarDeliveredTwiceAlertsOnce() {
        positionMonitor.dispatch(fill(entry("sig-1", "BTCUSDT", BUY).quantity("1").price("30000").fee("12")));
        BusEvent crash = bar("BTCUSDT", "28000");

        markToMarket.dispatch(crash);
        markToMarket.dispatch(crash);

        assertThat(published).extracting(BusEvent::name).containsExactly("portfolio.position.opened",
                "portfolio.drawdown.high");
    }
}
