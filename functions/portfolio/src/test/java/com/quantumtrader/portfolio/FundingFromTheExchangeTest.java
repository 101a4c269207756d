package com.quantumtrader.portfolio;

import static com.quantumtrader.events.EventCatalog.PORTFOLIO_POSITION_CLOSED;
import static com.quantumtrader.events.EventCatalog.TRADE_CLOSED;
import static com.quantumtrader.events.OrderPurpose.EXIT;
import static com.quantumtrader.events.OrderPurpose.TAKE_PROFIT;
import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static com.quantumtrader.portfolio.FillBuilder.entry;
import static com.quantumtrader.portfolio.FillBuilder.exit;
import static com.quantumtrader.portfolio.FundingBuilder.funding;
import static com.quantumtrader.portfolio.PortfolioFixture.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.core.idempotency.InMemoryIdempotencyStore;
import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventEnvelope;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.portfolio.TradeClosed;
import com.quantumtrader.portfolio.positions.model.FundingRecord;
import com.quantumtrader.portfolio.store.PositionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Funding comes from the exchange ({@code execution.funding.paid}) and only from there: each payment reaches the
 * open position it was charged on and its trade exactly, bars passing a funding time charge nothing themselves,
 * a payment is applied once however often it is delivered, one no open position matches still reaches the account,
 * and a payment that cannot be booked is refused without touching anything.
 */
class FundingFromTheExchangeTest {

    // START is 2024-03-01T00:00Z; the entries below are at 20:00, so the next funding times are 03-02 00/08/16:00
    private final PortfolioFixture portfolio = new PortfolioFixture();

    private void entryAtTwentyHundred() {
        portfolio.clock.advance(Duration.ofHours(20));
        portfolio.fill(entry("sig-1", "BTCUSDT", BUY).quantity("0.1").price("30000").fee("1.2"));
    }

    /** Hourly bars at 30000 (no stop moves) until {@code until}. */
    private void barsUntil(String until) {
        while (portfolio.clock.instant().isBefore(Instant.parse(until))) {
            portfolio.bar("BTCUSDT", "30000");
        }
    }

    private PositionStore book() {
        return new PositionStore(portfolio.state);
    }

    @Test
    void aLongHeldAcrossMidnightEightAndSixteenGetsExactlyTheExchangesAmounts() {
        entryAtTwentyHundred();

        barsUntil("2024-03-02T00:00:00Z");
        assertThat(portfolio.metrics().funding()).as("a bar past 00:00 charges nothing by itself").isZero();
        portfolio.funding(funding("BTCUSDT", "2024-03-02T00:00:00Z").position("0.1").mark("30500").rate("0.0001"));
        barsUntil("2024-03-02T08:00:00Z");
        portfolio.funding(funding("BTCUSDT", "2024-03-02T08:00:00Z").position("0.1").mark("31000").rate("0.00025"));
        barsUntil("2024-03-02T16:00:00Z");
        portfolio.funding(funding("BTCUSDT", "2024-03-02T16:00:00Z").position("0.1").mark("30800").rate("-0.00005"));
        portfolio.clock.advance(Duration.ofMinutes(30));
        List<Emit> out = portfolio.fill(exit("sig-1", "BTCUSDT", SELL, TAKE_PROFIT).quantity("0.1").price("31200")
                .fee("1.248"));

        // -0.1 x 30500 x 0.0001 = -0.305; -0.1 x 31000 x 0.00025 = -0.775; -0.1 x 30800 x -0.00005 = +0.154
        // funding -0.926; gross 120 - fees 2.448 - 0.926 = 116.626; R = 116.626 / 60 = 1.94376.. -> 1.9438
        TradeClosed trade = only(out, TRADE_CLOSED);
        assertThat(trade.funding()).isEqualByComparingTo("-0.926");
        assertThat(trade.fees()).isEqualByComparingTo("2.448");
        assertThat(trade.realizedPnl()).isEqualByComparingTo("116.626");
        assertThat(trade.rMultiple()).isEqualByComparingTo("1.9438");
        assertThat(only(out, PORTFOLIO_POSITION_CLOSED).realizedPnl()).isEqualByComparingTo("116.626");
        assertThat(portfolio.performance().realizedPnl()).isEqualByComparingTo("116.626");
        assertThat(portfolio.metrics().funding()).isEqualByComparingTo("-0.926");
        assertThat(book().fundingPayments()).extracting(FundingRecord::positionId).containsOnly("pos-sig-1");
    }

    @Test
    void aShortReceivesWhatTheExchangePaysIt() {
        portfolio.fill(entry("sig-2", "ETHUSDT", SELL).quantity("2").price("2000").fee("1.6"));
        portfolio.clock.advance(Duration.ofHours(9));
        portfolio.funding(funding("ETHUSDT", "2024-03-01T08:00:00Z").position("-2").mark("1990").rate("0.0001"));

        List<Emit> out = portfolio.fill(exit("sig-2", "ETHUSDT", BUY, EXIT).quantity("2").price("1990").fee("1.592"));

        // +2 x 1990 x 0.0001 = +0.398; gross (2000 - 1990) x 2 = 20; fees 3.192 -> 17.206
        TradeClosed trade = only(out, TRADE_CLOSED);
        assertThat(trade.funding()).isEqualByComparingTo("0.398");
        assertThat(trade.realizedPnl()).isEqualByComparingTo("17.206");
    }

    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        entryAtTwentyHundred();
        portfolio.clock.advance(Duration.ofHours(5));
        BusEvent midnight = portfolio.fundingEvent(funding("BTCUSDT", "2024-03-02T00:00:00Z"));

        portfolio.deliverFunding(midnight);
        portfolio.deliverFunding(midnight);

        assertThat(portfolio.metrics().funding()).isEqualByComparingTo("-0.3");
        assertThat(portfolio.performance().realizedPnl()).isEqualByComparingTo("-0.3");
        assertThat(book().position("BTCUSDT").orElseThrow().funding()).isEqualByComparingTo("-0.3");
    }

    @Test
    void aFundingTimeReportedAgainUnderAnotherEventIdIsAppliedOnce() {
        entryAtTwentyHundred();
        portfolio.clock.advance(Duration.ofHours(5));

        portfolio.funding(funding("BTCUSDT", "2024-03-02T00:00:00Z"));
        portfolio.funding(funding("BTCUSDT", "2024-03-02T00:00:00Z"));
        portfolio.funding(funding("ETHUSDT", "2024-03-02T00:00:00Z").mark("2000").position("1")); // another symbol

        assertThat(book().fundingPayments()).extracting(FundingRecord::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(book().position("BTCUSDT").orElseThrow().funding()).isEqualByComparingTo("-0.3");
        assertThat(portfolio.metrics().funding()).isEqualByComparingTo("-0.5"); // -0.3 and ETH's -0.2
    }

    @Test
    void behindTheRuntimeARedeliveryIsADuplicateAndABadPayloadIsRejectedBeforeTheHandler() {
        HandlerRuntime runtime = new HandlerRuntime(portfolio.handlers.get(PortfolioDomain.FUNDING_SETTLEMENT),
                new InMemoryIdempotencyStore(), portfolio.events, e -> { });
        entryAtTwentyHundred();
        portfolio.clock.advance(Duration.ofHours(5));
        BusEvent midnight = portfolio.fundingEvent(funding("BTCUSDT", "2024-03-02T00:00:00Z"));
        BusEvent zeroMark = withPayloadField(portfolio.fundingEvent(funding("BTCUSDT", "2024-03-02T08:00:00Z")),
                "mark_price", 0);

        assertThat(runtime.dispatch(midnight).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        assertThat(runtime.dispatch(midnight).status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);
        HandlerOutcome rejected = runtime.dispatch(zeroMark);

        assertThat(rejected.status()).isEqualTo(HandlerOutcome.Status.REJECTED);
        assertThat(rejected.reason()).contains("mark_price");
        assertThat(portfolio.metrics().funding()).isEqualByComparingTo("-0.3");
    }

    @Test
    void fundingWithNoOpenPositionIsBookedToTheAccountOnly() {
        portfolio.clock.advance(Duration.ofHours(9));

        assertThat(portfolio.funding(funding("SOLUSDT", "2024-03-01T08:00:00Z").position("-10").mark("120")
                .rate("0.0002"))).isEmpty();

        // +10 x 120 x 0.0002 = +0.24: cash the account received, on no trade
        assertThat(portfolio.performance().realizedPnl()).isEqualByComparingTo("0.24");
        assertThat(portfolio.performance().closedTrades()).isZero();
        assertThat(portfolio.metrics().funding()).isEqualByComparingTo("0.24");
        assertThat(book().fundingPayments()).singleElement().satisfies(p -> {
            assertThat(p.positionId()).isNull();
            assertThat(p.amount()).isEqualByComparingTo("0.24");
        });
    }

    @Test
    void fundingArrivingAfterTheCloseKeepsThePublishedTradeAndReachesTheAccount() {
        entryAtTwentyHundred();
        portfolio.clock.advance(Duration.ofHours(5));
        TradeClosed trade = only(portfolio.fill(exit("sig-1", "BTCUSDT", SELL, EXIT).quantity("0.1").price("30000")),
                TRADE_CLOSED);

        // delivered late (EventBridge does not order deliveries): the midnight payment of the position just closed
        List<Emit> late = portfolio.funding(funding("BTCUSDT", "2024-03-02T00:00:00Z"));

        assertThat(late).isEmpty();
        assertThat(trade.funding()).isZero();
        assertThat(trade.realizedPnl()).isEqualByComparingTo("-1.2");
        assertThat(portfolio.performance().realizedPnl()).isEqualByComparingTo("-1.5");
        assertThat(portfolio.metrics().funding()).isEqualByComparingTo("-0.3");
    }

    @Test
    void aPaymentForAnotherPositionOfTheSymbolIsNotThisOnes() {
        portfolio.clock.advance(Duration.ofHours(10));
        portfolio.fill(entry("sig-3", "BTCUSDT", BUY).quantity("0.1").price("30000")); // opened at 10:00

        // 08:00 is before this long opened; a short quantity is not this long either
        portfolio.funding(funding("BTCUSDT", "2024-03-01T08:00:00Z").position("0.1"));
        portfolio.funding(funding("BTCUSDT", "2024-03-01T16:00:00Z").position("-0.1"));

        assertThat(book().position("BTCUSDT").orElseThrow().funding()).isZero();
        assertThat(portfolio.metrics().funding()).isEqualByComparingTo("0"); // -0.3 + 0.3
        assertThat(book().fundingPayments()).hasSize(2).allSatisfy(p -> assertThat(p.positionId()).isNull());
    }

    @Test
    void refusesFundingPaidInAnotherAssetOrWithTheWrongSignAndBooksNothing() {
        entryAtTwentyHundred();
        portfolio.clock.advance(Duration.ofHours(5));

        assertThatThrownBy(() -> portfolio.funding(funding("BTCUSDT", "2024-03-02T00:00:00Z").asset("BNB")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("paid in BNB");
        // a long at a positive rate pays: +0.3 cannot be right
        assertThatThrownBy(() -> portfolio.funding(funding("BTCUSDT", "2024-03-02T00:00:00Z").amount("0.3")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("wrong sign");

        assertThat(portfolio.metrics().funding()).isZero();
        assertThat(book().fundingPayments()).isEmpty();
        assertThat(book().position("BTCUSDT").orElseThrow().funding()).isZero();
    }

    @Test
    void aRestartedProcessAppliesARedeliveredPaymentOnce() {
        entryAtTwentyHundred();
        portfolio.clock.advance(Duration.ofHours(5));
        BusEvent midnight = portfolio.fundingEvent(funding("BTCUSDT", "2024-03-02T00:00:00Z"));
        portfolio.deliverFunding(midnight);

        PortfolioFixture restarted = portfolio.restarted(); // the runtime's idempotency record may have expired
        restarted.deliverFunding(midnight);

        assertThat(restarted.metrics().funding()).isEqualByComparingTo("-0.3");
    }

    @Test
    void fundingIsNotEstimatedFromBars() {
        PortfolioFixture other = new PortfolioFixture(new SimulatedClock(PortfolioFixture.START),
                new InMemoryKeyValueStore());
        other.fill(entry("sig-4", "BTCUSDT", BUY).quantity("0.1").price("30000"));
        for (int hour = 0; hour < 48; hour++) {
            other.bar("BTCUSDT", "30000"); // six funding times pass
        }

        TradeClosed trade = only(other.fill(exit("sig-4", "BTCUSDT", SELL, EXIT).quantity("0.1").price("30000")),
                TRADE_CLOSED);

        assertThat(trade.funding()).isZero();
        assertThat(other.metrics().funding()).isZero();
    }

    /** The event with one payload field replaced, as a faulty producer might send it. */
    private static BusEvent withPayloadField(BusEvent event, String field, int value) {
        EventEnvelope envelope = event.envelope();
        ObjectNode payload = envelope.payload().deepCopy();
        payload.put(field, value);
        return new BusEvent(event.source(), event.name(), new EventEnvelope(envelope.eventId(), envelope.traceId(),
                envelope.occurredAt(), envelope.producer(), envelope.schemaVersion(), payload));
    }
}
