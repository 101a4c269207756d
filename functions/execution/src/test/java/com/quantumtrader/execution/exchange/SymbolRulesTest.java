package com.quantumtrader.execution.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymbolRulesTest {

    @Test
    void roundsQuantitiesDownToTheStepEvenWhenAlmostAWholeStepAbove() {
        assertThat(SymbolRules.BTCUSDT.roundQuantityDown(new BigDecimal("0.0129999"))).isEqualTo(new BigDecimal("0.012"));
        assertThat(SymbolRules.ETHUSDT.roundQuantityDown(new BigDecimal("1.0005"))).isEqualTo(new BigDecimal("1.000"));
    }

    @Test
    void roundsPricesToTheTickInTheDirectionAsked() {
        assertThat(SymbolRules.BTCUSDT.roundPrice(new BigDecimal("61265.62345"), RoundingMode.CEILING))
                .isEqualTo(new BigDecimal("61265.7"));
        assertThat(SymbolRules.BTCUSDT.roundPrice(new BigDecimal("61265.62345"), RoundingMode.FLOOR))
                .isEqualTo(new BigDecimal("61265.6"));
        assertThat(SymbolRules.ETHUSDT.roundPrice(new BigDecimal("3001.005"), RoundingMode.HALF_EVEN))
                .isEqualTo(new BigDecimal("3001.00"));
    }

    @Test
    void knowsTheBinanceFiltersOfBtcAndEth() {
        assertThat(SymbolRules.BTCUSDT.tickSize()).isEqualByComparingTo("0.10");
        assertThat(SymbolRules.BTCUSDT.minNotional()).isEqualByComparingTo("100");
        assertThat(SymbolRules.ETHUSDT.tickSize()).isEqualByComparingTo("0.01");
        assertThat(SymbolRules.ETHUSDT.minNotional()).isEqualByComparingTo("20");
    }

    @Test
    void rejectsSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> SimulatedExchangeSettings.defaults().withFees(new BigDecimal("-0.0004"), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takerFeeRate");
        assertThatThrownBy(() -> new SimulatedExchangeSettings(Map.of("ETHUSDT", SymbolRules.BTCUSDT),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO))
                .hasMessageContaining("are for BTCUSDT");
        assertThatThrownBy(() -> new SymbolRules("X", BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE))
                .hasMessageContaining("tickSize");
    }
}
