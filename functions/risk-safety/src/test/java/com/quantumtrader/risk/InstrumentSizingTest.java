package com.quantumtrader.risk;

import static com.quantumtrader.risk.PolicyChanges.universe;
import static com.quantumtrader.risk.SignalBuilder.aLongOn;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.SignalRejected;
import org.junit.jupiter.api.Test;

/** Risk sizes to each instrument's own quantity step and refuses a symbol it has no tradable instrument for. */
class InstrumentSizingTest {

    private final RiskFixture risk = new RiskFixture(InstrumentCatalog.bundled())
            .withPolicy(universe("BTCUSDT", "DOGEUSDT", "XRPUSDT", "NOSUCHUSDT", "MATICUSDT", "BTCUSDT_250926"));

    @Test
    void sizesDogeInWholeCoinsOnItsStepOfOne() {
        // notional cap 2500 (NORMAL) / 0.15 = 16666.67 DOGE: whole coins only
        SignalApproved approved = risk.approved(aLongOn("DOGEUSDT", "0.15").build());

        assertThat(approved.approvedQuantity()).isEqualByComparingTo("16666");
        assertThat(approved.approvedQuantity().stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
    }

    @Test
    void sizesXrpInTenthsOnItsStepOfOneTenth() {
        // 2500 / 0.7 = 3571.43 XRP: step 0.1
        SignalApproved approved = risk.approved(aLongOn("XRPUSDT", "0.7").build());

        assertThat(approved.approvedQuantity()).isEqualByComparingTo("3571.4");
    }

    @Test
    void rejectsAnEntryWhoseRoomLeftIsBelowTheInstrumentsMinimumNotional() {
        // max gross 0.499 x 10000 = 4990: BTC takes 2490, DOGE 2499.90, 0.10 of room is left
        risk.withPolicy(PolicyChanges.maxLeverage("0.499"));
        risk.approved(aLongOn("BTCUSDT", "30000").build());
        risk.approved(aLongOn("DOGEUSDT", "0.15").build());

        SignalRejected tooSmall = risk.rejected(aLongOn("XRPUSDT", "0.7").build()); // 0.1 XRP fits: 0.07 USDT

        assertThat(tooSmall.reasonCode()).isEqualTo("SIZE_TOO_SMALL");
        assertThat(tooSmall.limit()).isEqualTo("5");
        assertThat(tooSmall.message()).isEqualTo("quantity 0.1 is 0.07 USDT, below the minimum notional 5 USDT of "
                + "XRPUSDT");
    }

    @Test
    void rejectsASymbolWithoutInstrumentDataNamingIt() {
        SignalRejected rejected = risk.rejected(aLongOn("NOSUCHUSDT", "10").build());

        assertThat(rejected.reasonCode()).isEqualTo("SYMBOL_NOT_TRADABLE");
        assertThat(rejected.message()).isEqualTo(
                "no instrument data for NOSUCHUSDT in the bundled exchangeInfo snapshot");
    }

    @Test
    void rejectsAContractThatIsNotTradingAndADeliveryContractByName() {
        SignalRejected settling = risk.rejected(aLongOn("MATICUSDT", "0.5").build());
        SignalRejected quarterly = risk.rejected(aLongOn("BTCUSDT_250926", "60000").build());

        assertThat(settling.reasonCode()).isEqualTo("SYMBOL_NOT_TRADABLE");
        assertThat(settling.message()).isEqualTo("MATICUSDT is SETTLING on the exchange, not TRADING");
        assertThat(quarterly.reasonCode()).isEqualTo("SYMBOL_NOT_TRADABLE");
        assertThat(quarterly.message()).contains("BTCUSDT_250926 is a delivery contract");
    }
}
