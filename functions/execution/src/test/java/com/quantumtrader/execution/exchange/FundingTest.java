package com.quantumtrader.execution.exchange;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.state.InMemoryKeyValueStore;
import com.quantumtrader.events.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Funding at 00:00, 08:00 and 16:00 UTC on the position held at that moment: a long pays and a short receives
 * when the rate is positive, exactly position x mark x rate with no rounding.
 */
class FundingTest {

    private static final BigDecimal RATE = new BigDecimal("0.0001");

    private SimulatedExchange venue = venue(RATE);

    @Test
    void aLongPaysAtTheEightHourBoundaryAndNotBefore() {
        givenPosition(BUY, "0.100");

        List<FundingPayment> before = new ArrayList<>();
        for (int hour = 2; hour <= 7; hour++) {
            before.addAll(settleAndOpen(VenueBars.at(hour).build()));
        }
        List<FundingPayment> at8 = settleAndOpen(VenueBars.at(8).flat("61000.0").build());

        assertThat(before).isEmpty();
        // -1 x 0.100 x 61000.0 x 0.0001 = -0.61, to the last digit of the operands' scales
        assertThat(at8).singleElement().isEqualTo(new FundingPayment("BTCUSDT", Instant.parse("2024-03-01T08:00:00Z"),
                RATE, new BigDecimal("61000.0"), new BigDecimal("0.100"), new BigDecimal("-0.61000000"), "USDT"));
    }

    @Test
    void aShortReceivesWhenTheRateIsPositive() {
        givenPosition(SELL, "0.100");

        List<FundingPayment> paid = settleThrough(8);

        assertThat(paid).singleElement().satisfies(payment -> {
            assertThat(payment.positionQuantity()).isEqualTo(new BigDecimal("-0.100"));
            assertThat(payment.amount()).isEqualTo(new BigDecimal("0.60000000"));
        });
    }

    @Test
    void aNegativeRatePaysLongsAndChargesShorts() {
        venue = venue(new BigDecimal("-0.00025"));
        givenPosition(BUY, "0.100");

        // +1 x 0.100 x 60000.0 x 0.00025 = 1.5 received
        assertThat(settleThrough(8)).singleElement().extracting(FundingPayment::amount)
                .isEqualTo(new BigDecimal("1.500000000"));
    }

    @Test
    void everyFundingTimeInAGapIsSettledMarkedAtTheLastClose() {
        givenPosition(BUY, "0.100");
        settleAndOpen(VenueBars.at(7).flat("60500.0").build());

        // the feed was down from 08:00 to 16:59: the 17:00 bar settles 08:00 and 16:00 at 07:00's close
        List<FundingPayment> paid = settleAndOpen(VenueBars.at(17).flat("62000.0").build());

        assertThat(paid).extracting(FundingPayment::fundingTime).containsExactly(
                Instant.parse("2024-03-01T08:00:00Z"), Instant.parse("2024-03-01T16:00:00Z"));
        assertThat(paid).extracting(FundingPayment::markPrice).containsOnly(new BigDecimal("60500.0"));
        assertThat(paid).extracting(FundingPayment::amount).containsOnly(new BigDecimal("-0.60500000"));
    }

    @Test
    void aPositionOpenedAtTheFundingBarsOpenPaysNothingForThatFundingTime() {
        settleAndOpen(VenueBars.at(7).build());
        venue.place(new OrderRequest("E-1", "BTCUSDT", BUY, OrderType.MARKET, new BigDecimal("0.100"), null, false));

        List<FundingPayment> at8 = settleAndOpen(VenueBars.at(8).build());

        assertThat(at8).isEmpty();
        assertThat(venue.positionQuantity("BTCUSDT")).isEqualByComparingTo("0.100");
        assertThat(settleBetween(9, 16)).singleElement().extracting(FundingPayment::fundingTime)
                .isEqualTo(Instant.parse("2024-03-01T16:00:00Z"));
    }

    @Test
    void midnightIsAFundingTimeToo() {
        givenPosition(BUY, "0.100");

        assertThat(settleThrough(24)).extracting(FundingPayment::fundingTime).containsExactly(
                Instant.parse("2024-03-01T08:00:00Z"), Instant.parse("2024-03-01T16:00:00Z"),
                Instant.parse("2024-03-02T00:00:00Z"));
    }

    @Test
    void nothingIsDueWhenFlatAtAZeroRateOrForABarSeenBefore() {
        settleAndOpen(VenueBars.at(7).build());
        assertThat(settleAndOpen(VenueBars.at(8).build())).as("flat").isEmpty();

        venue = venue(BigDecimal.ZERO);
        givenPosition(BUY, "0.100");
        assertThat(settleThrough(8)).as("zero rate").isEmpty();

        venue = venue(RATE);
        givenPosition(BUY, "0.100");
        settleThrough(8);
        assertThat(venue.settleFunding(VenueBars.at(8).build())).as("the 08:00 bar again").isEmpty();
    }

    @Test
    void recordedRatesSettleAtTheirOwnTimesAndRatesOtherSymbolsAtTheConstantRate() {
        // given BTCUSDT's recorded settlements every 4 h, at varying rates (ETHUSDT has none recorded)
        java.util.NavigableMap<Instant, BigDecimal> btc = new java.util.TreeMap<>();
        btc.put(Instant.parse("2024-03-01T04:00:00Z"), new BigDecimal("0.00010000"));
        btc.put(Instant.parse("2024-03-01T08:00:00Z"), new BigDecimal("-0.00020000"));
        btc.put(Instant.parse("2024-03-01T12:00:00Z"), BigDecimal.ZERO);
        btc.put(Instant.parse("2024-03-01T16:00:00Z"), new BigDecimal("0.00030000"));
        venue = new SimulatedExchange(SimulatedExchangeSettings.defaults(), new InMemoryKeyValueStore(), null,
                FundingSchedule.recorded(java.util.Map.of("BTCUSDT", btc), FundingSchedule.constant(RATE)));
        givenPosition(BUY, "0.100");

        // when the bars up to 16:00 come
        List<FundingPayment> paid = settleThrough(16);

        // then each recorded time is settled at its rate (a zero rate moves no cash), marked at that bar's open
        assertThat(paid).extracting(FundingPayment::fundingTime).containsExactly(
                Instant.parse("2024-03-01T04:00:00Z"), Instant.parse("2024-03-01T08:00:00Z"),
                Instant.parse("2024-03-01T16:00:00Z"));
        assertThat(paid).extracting(p -> p.amount().stripTrailingZeros().toPlainString())
                .containsExactly("-0.6", "1.2", "-1.8");
        // and a symbol with no recorded rates is settled at the constant rate every 8 h
        assertThat(FundingSchedule.recorded(java.util.Map.of("BTCUSDT", btc), FundingSchedule.constant(RATE))
                .between("ETHUSDT", Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-03-01T16:00:00Z")))
                .containsExactly(new FundingSchedule.Settlement(Instant.parse("2024-03-01T08:00:00Z"), RATE),
                        new FundingSchedule.Settlement(Instant.parse("2024-03-01T16:00:00Z"), RATE));
    }

    @Test
    void refusesAFundingRateBeyondFivePercent() {
        assertThatThrownBy(() -> SimulatedExchangeSettings.defaults().withFundingRate(new BigDecimal("0.051")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fundingRate");
        assertThatThrownBy(() -> SimulatedExchangeSettings.defaults().withFundingRate(new BigDecimal("-0.06")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulatedExchangeSettings.defaults().withFundingRate(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A position of {@code quantity} opened at 01:00's open, flat at 60000.0. */
    private void givenPosition(OrderSide side, String quantity) {
        settleAndOpen(VenueBars.at(0).build());
        venue.place(new OrderRequest("E-1", "BTCUSDT", side, OrderType.MARKET, new BigDecimal(quantity), null, false));
        settleAndOpen(VenueBars.at(1).build());
    }

    /** Flat bars from 02:00 (the bar after {@link #givenPosition}) to {@code lastHour}. */
    private List<FundingPayment> settleThrough(int lastHour) {
        return settleBetween(2, lastHour);
    }

    private List<FundingPayment> settleBetween(int firstHour, int lastHour) {
        List<FundingPayment> paid = new ArrayList<>();
        for (int hour = firstHour; hour <= lastHour; hour++) {
            paid.addAll(settleAndOpen(VenueBars.at(hour).build()));
        }
        return paid;
    }

    private List<FundingPayment> settleAndOpen(MarketPriceUpdate bar) {
        List<FundingPayment> paid = venue.settleFunding(bar);
        venue.openBar(bar);
        venue.barProcessed();
        return paid;
    }

    private static SimulatedExchange venue(BigDecimal rate) {
        return new SimulatedExchange(SimulatedExchangeSettings.defaults().withFundingRate(rate),
                new InMemoryKeyValueStore());
    }
}
