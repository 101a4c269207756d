package com.quantumtrader.risk.model.pretrade;

import static com.quantumtrader.risk.model.pretrade.RiskSnapshotFixture.aSnapshot;
import static com.quantumtrader.risk.model.pretrade.Signals.aLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.ai.SignalGenerated;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sizing and the fit to the exposure room, over an in-memory snapshot: no store. */
class PreTradeDecisionTest {

    @Test
    void repeatsTheEarlierDecisionOfTheSameSignal() {
        // even a latched stop does not undo an approval already made for this signal
        RiskSnapshot snapshot = aSnapshot().earlierDecision("sig-1", "0.042")
                .emergencyStopLatched("DRAWDOWN", "0.25", "0.2").build();

        assertThat(PreTradeDecision.decide(aLong().build(), snapshot))
                .isEqualTo(new PreTradeDecision.Repeated(new BigDecimal("0.042")));
    }

    @Test
    void rejectsWithTheFirstFailingRule() {
        assertThat(PreTradeDecision.decide(aLong().confidence(0.1).build(), aSnapshot().build()))
                .isInstanceOfSatisfying(PreTradeDecision.Rejected.class,
                        r -> assertThat(r.rejection().reason()).isEqualTo(RejectReason.LOW_CONFIDENCE));
    }

    @Test
    void sizesToTheOrderNotionalCapWhenItIsTighterThanTheRiskBudget() {
        // risk budget 1 % of 10 000 over a 600 stop = 0.1666 BTC; the 2 500 USDT order cap at 30 000 = 0.0833 BTC
        var outcome = PreTradeDecision.decide(aLong().build(), aSnapshot().build());

        assertThat(outcome).isInstanceOfSatisfying(PreTradeDecision.Sized.class,
                sized -> assertThat(sized.quantity()).isEqualByComparingTo("0.083"));
    }

    @Test
    void scalesTheSizeByTheGovernorsMultiplier() {
        var outcome = PreTradeDecision.decide(aLong().build(),
                aSnapshot().governor(new BigDecimal("0.5"), false, "model model-1 degraded x0.5").build());

        assertThat(outcome).isInstanceOfSatisfying(PreTradeDecision.Sized.class,
                sized -> assertThat(sized.quantity()).isEqualByComparingTo("0.041"));
    }

    @Test
    void halvesTheSizeWhileTheBreakerIsHalfOpen() {
        var outcome = PreTradeDecision.decide(aLong().build(),
                aSnapshot().breakerOpened(Duration.ofMinutes(245), Duration.ofHours(4), "ORDER_FAILURES").build());

        assertThat(outcome).isInstanceOfSatisfying(PreTradeDecision.Sized.class,
                sized -> assertThat(sized.quantity()).isEqualByComparingTo("0.041"));
    }

    @Test
    void rejectsSignalTooSmallForOneQuantityStep() {
        var outcome = PreTradeDecision.decide(aLong().quantity("0.0009").build(), aSnapshot().build());

        assertThat(outcome).isInstanceOfSatisfying(PreTradeDecision.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(RejectReason.SIZE_TOO_SMALL);
            assertThat(r.rejection().limit()).isEqualTo("0.001");
            assertThat(r.rejection().value()).isEqualTo("0.00090000");
        });
    }

    @Test
    void cutsTheSizeToTheRoomTheTightestLimitLeaves() {
        SignalGenerated signal = aLong().build();
        // 1 650 USDT left of the gross limit: 0.055 BTC at 30 000
        ExposureRoom room = new ExposureRoom(RejectReason.MAX_GROSS_EXPOSURE, 10_000_000_000L, 8_350_000_000L,
                1_650_000_000L);

        Sizing fitted = PreTradeDecision.fitToRoom(signal, sized("0.083"), room);

        assertThat(fitted.quantity()).isEqualByComparingTo("0.055");
    }

    @Test
    void rejectsSignalWhenNoStepFitsTheRoomLeft() {
        ExposureRoom room = new ExposureRoom(RejectReason.MAX_NET_EXPOSURE, 7_500_000_000L, 7_490_000_000L,
                10_000_000L);

        Sizing fitted = PreTradeDecision.fitToRoom(aLong().build(), sized("0.083"), room);

        assertThat(fitted.rejection()).isEqualTo(new Rejection(RejectReason.MAX_NET_EXPOSURE, "7500", "9980",
                "7490 USDT used leaves no room for one step (30.000 USDT) within 7500 USDT; sized 0.083"));
    }

    @Test
    void rejectsEntryBelowTheInstrumentsMinimumNotional() {
        // 90 USDT of room: 0.003 BTC = 90 USDT, below the 100 USDT minimum notional
        ExposureRoom room = new ExposureRoom(RejectReason.MAX_POSITION_NOTIONAL, 2_500_000_000L, 2_410_000_000L,
                90_000_000L);

        Sizing fitted = PreTradeDecision.fitToRoom(aLong().build(), sized("0.083"), room);

        assertThat(fitted.rejection()).isEqualTo(new Rejection(RejectReason.SIZE_TOO_SMALL, "100", "90",
                "quantity 0.003 is 90 USDT, below the minimum notional 100 USDT of BTCUSDT"));
    }

    @Test
    void namesTheSignalHoldingTheSymbolsPosition() {
        RiskSnapshot snapshot = aSnapshot().openReservation("sig-0", "ETHUSDT").openReservation("sig-7", "BTCUSDT")
                .build();
        Rejection full = new Rejection(RejectReason.POSITION_ALREADY_OPEN, "1", "1", "position already open: 1 used");

        assertThat(PreTradeDecision.explained(full, "BTCUSDT", snapshot.reservations()).message())
                .isEqualTo("BTCUSDT already has a position of signal sig-7");
    }

    @Test
    void retriesTheAtomicReservationOnlyForNotionalLimits() {
        assertThat(PreTradeDecision.isNotionalLimit(RejectReason.MAX_CORRELATED_EXPOSURE)).isTrue();
        assertThat(PreTradeDecision.isNotionalLimit(RejectReason.ORDER_RATE_LIMIT)).isFalse();
        assertThat(PreTradeDecision.isNotionalLimit(RejectReason.POSITION_ALREADY_OPEN)).isFalse();
    }

    private static PreTradeDecision.Sized sized(String quantity) {
        return new PreTradeDecision.Sized(new BigDecimal(quantity),
                RiskSnapshotFixture.perpetual("BTCUSDT", "PERPETUAL", "TRADING"));
    }
}
