package com.quantumtrader.portfolio.positions.model;

import static com.quantumtrader.events.OrderSide.BUY;
import static com.quantumtrader.events.OrderSide.SELL;
import static com.quantumtrader.portfolio.positions.model.Fills.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.execution.FundingPaid;
import com.quantumtrader.portfolio.positions.model.FundingRules.Settlement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a funding payment is booked, on values alone. */
class FundingRulesTest {

    private static final Instant FUNDING_TIME = Instant.parse("2024-03-01T08:00:00Z");

    /** A long of 0.1 at a 30000 mark paying a 0.0001 rate: -0.3 USDT. */
    private static FundingPaid paid(String position, String amount, String asset) {
        return new FundingPaid("BTCUSDT", FUNDING_TIME, new BigDecimal("0.0001"), new BigDecimal("30000"),
                new BigDecimal(position), new BigDecimal(amount), asset);
    }

    @Test
    void refusesFundingPaidInAnotherAssetThanTheBooks() {
        assertThat(FundingRules.refusal(paid("0.1", "-0.3", "BUSD"))).contains(
                "funding of BTCUSDT at 2024-03-01T08:00:00Z paid in BUSD: portfolio books in USDT only");
    }

    @Test
    void refusesAnAmountWhoseSignContradictsThePositionAndTheRate() {
        assertThat(FundingRules.refusal(paid("0.1", "0.3", "USDT"))).hasValueSatisfying(
                reason -> assertThat(reason).contains("has the wrong sign for position 0.1 at rate 0.0001"));
    }

    @Test
    void refusesAPaymentWithoutAPosition() {
        assertThat(FundingRules.refusal(paid("0", "-0.3", "USDT"))).isPresent();
    }

    @Test
    void acceptsAWellFormedPayment() {
        assertThat(FundingRules.refusal(paid("0.1", "-0.3", "USDT"))).isEmpty();
    }

    @Test
    void aPaymentOnTheSideOfTheOpenPositionIsPartOfItsPnlAndOfTheAccount() {
        Position open = entry(BUY).open(); // opened at midnight, before the funding time

        Settlement settlement = FundingRules.settle(paid("0.1", "-0.3", "USDT"), "evt-1", Optional.empty(),
                Optional.of(open), Ledger.EMPTY).orElseThrow();

        assertThat(settlement.position()).hasValueSatisfying(p -> {
            assertThat(p.funding()).isEqualByComparingTo("-0.3");
            assertThat(p.realizedPnl()).isEqualByComparingTo("-0.3");
            assertThat(p.fundingSettledAt()).isEqualTo(FUNDING_TIME);
        });
        assertThat(settlement.ledger().funding()).isEqualByComparingTo("-0.3");
        assertThat(settlement.ledger().realizedPnl()).isEqualByComparingTo("-0.3");
        assertThat(settlement.record().positionId()).isEqualTo("pos-sig-1");
        assertThat(settlement.record().eventId()).isEqualTo("evt-1");
    }

    @Test
    void aPaymentChargedToTheOtherSideStaysOnTheAccountOnly() {
        Position shortPosition = entry(SELL).open();

        Settlement settlement = FundingRules.settle(paid("0.1", "-0.3", "USDT"), "evt-1", Optional.empty(),
                Optional.of(shortPosition), Ledger.EMPTY).orElseThrow();

        assertThat(settlement.position()).isEmpty();
        assertThat(settlement.record().positionId()).isNull();
        assertThat(settlement.ledger().funding()).isEqualByComparingTo("-0.3");
    }

    @Test
    void aFundingTimeAlreadyAppliedIsNotAppliedAgain() {
        FundingRecord earlier = new FundingRecord("evt-1", "BTCUSDT", FUNDING_TIME, new BigDecimal("-0.3"),
                "pos-sig-1");

        assertThat(FundingRules.settle(paid("0.1", "-0.3", "USDT"), "evt-2", Optional.of(earlier),
                Optional.of(entry(BUY).open()), Ledger.EMPTY)).isEmpty();
    }
}
