package com.quantumtrader.portfolio.market.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.events.market.MarketPriceUpdate;
import org.junit.jupiter.api.Test;

/** Which bars a symbol's history takes, on values alone. */
class SymbolHistoryTest {

    private final SymbolHistory history = Bars.hourly("BTCUSDT", "10", "30000", "30100");

    @Test
    void aBarCloseAfterTheLatestBarIsAdded() {
        assertThat(history.after(Bars.bar("BTCUSDT", Bars.lastClose(3), "30200", "10", MarketPriceUpdate.BAR_CLOSE),
                14, 49)).hasValueSatisfying(next -> assertThat(next.bars()).hasSize(3));
    }

    @Test
    void aRedeliveredBarChangesNothing() {
        assertThat(history.after(Bars.bar("BTCUSDT", Bars.lastClose(2), "30100", "10", MarketPriceUpdate.BAR_CLOSE),
                14, 49)).isEmpty();
    }

    @Test
    void aPriceUpdateThatIsNotABarCloseChangesNothing() {
        assertThat(history.after(Bars.bar("BTCUSDT", Bars.lastClose(3), "31000", "10", MarketPriceUpdate.LARGE_MOVE), 14, 49))
                .isEmpty();
    }

    @Test
    void keepsAtLeast48BarsAndEnoughForTheVolatilityEstimate() {
        assertThat(SymbolHistory.barsToKeep(10)).isEqualTo(48);
        assertThat(SymbolHistory.barsToKeep(60)).isEqualTo(61);
    }
}
