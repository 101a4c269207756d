package com.quantumtrader.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinanceExchangeInfoTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = BinanceExchangeInfoTest.class.getResourceAsStream("/instruments/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsEveryFilterOfARealShapedPerpetualIgnoringFiltersAndFieldsItDoesNotUse() throws IOException {
        InstrumentCatalog catalog = BinanceExchangeInfo.parse(resource("exchange-info-real-shape.json"), "fixture");

        Instrument doge = catalog.require("DOGEUSDT");
        assertThat(doge.tickSize()).isEqualTo(new BigDecimal("0.000010"));
        assertThat(doge.minPrice()).isEqualTo(new BigDecimal("0.002440"));
        assertThat(doge.maxPrice()).isEqualTo(new BigDecimal("30"));
        assertThat(doge.stepSize()).isEqualTo(new BigDecimal("1"));
        assertThat(doge.minQuantity()).isEqualTo(new BigDecimal("1"));
        assertThat(doge.maxQuantity()).isEqualTo(new BigDecimal("50000000"));
        assertThat(doge.marketMinQuantity()).isEqualTo(new BigDecimal("1"));
        assertThat(doge.marketMaxQuantity()).isEqualTo(new BigDecimal("30000000"));
        assertThat(doge.minNotional()).isEqualTo(new BigDecimal("5"));
        assertThat(doge.multiplierUp()).isEqualTo(new BigDecimal("1.0500"));
        assertThat(doge.multiplierDown()).isEqualTo(new BigDecimal("0.9500"));
        assertThat(doge.onboardDate()).isEqualTo(Instant.ofEpochMilli(1594364400000L));
        assertThat(doge.deliveryDate()).as("perpetuals carry Binance's far-future date: no delivery").isNull();
        assertThat(doge.isPerpetual()).isTrue();
        assertThat(doge.isTrading()).isTrue();
        assertThat(doge.whyNotTradable()).isEmpty();
    }

    @Test
    void parsesADeliveryContractAndRefusesItByName() throws IOException {
        InstrumentCatalog catalog = BinanceExchangeInfo.parse(resource("exchange-info-real-shape.json"), "fixture");

        Instrument quarterly = catalog.require("BTCUSDT_250926");
        assertThat(quarterly.pair()).isEqualTo("BTCUSDT");
        assertThat(quarterly.contractType()).isEqualTo("CURRENT_QUARTER");
        assertThat(quarterly.deliveryDate()).isEqualTo(Instant.parse("2025-09-26T08:00:00Z"));
        assertThat(quarterly.isPerpetual()).isFalse();
        assertThat(quarterly.marketMaxQuantity()).as("no MARKET_LOT_SIZE sent").isNull();
        assertThat(quarterly.whyNotTradable()).hasValueSatisfying(why -> assertThat(why)
                .contains("BTCUSDT_250926", "delivery contract", "CURRENT_QUARTER", "2025-09-26T08:00:00Z"));
    }

    @Test
    void keepsANonTradingContractButSaysWhyItCannotBeTraded() throws IOException {
        InstrumentCatalog catalog = BinanceExchangeInfo.parse(resource("exchange-info-real-shape.json"), "fixture");

        Instrument old = catalog.require("OLDUSDT");
        assertThat(old.isTrading()).isFalse();
        assertThat(old.minNotional()).isEqualByComparingTo("0");
        assertThat(old.whyNotTradable()).hasValue("OLDUSDT is SETTLING on the exchange, not TRADING");
    }

    @Test
    void leavesOutSymbolsWithoutATickOrStepOrWithABadNumberAndListsWhy() throws IOException {
        InstrumentCatalog catalog = BinanceExchangeInfo.parse(resource("exchange-info-real-shape.json"), "fixture");

        assertThat(catalog.symbols()).containsExactly("BTCUSDT_250926", "DOGEUSDT", "OLDUSDT");
        assertThat(catalog.skipped()).containsExactly("NOLOTUSDT: no LOT_SIZE stepSize",
                "BADUSDT: PRICE_FILTER tickSize 'zero point one' is not a number");
    }

    @Test
    void refusesADocumentThatIsNotExchangeInfo() {
        assertThatThrownBy(() -> BinanceExchangeInfo.parse("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", "x.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.json is not a Binance exchangeInfo document: no symbols array");
        assertThatThrownBy(() -> BinanceExchangeInfo.parse("<html>", "y.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("y.json is not JSON");
    }

    @Test
    void namesAMissingFileAndTheSymbolAFileLacks(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> InstrumentCatalog.fromFile(dir.resolve("nope.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.json does not exist");
        Path file = dir.resolve("info.json");
        Files.writeString(file, resource("exchange-info-real-shape.json"));

        InstrumentCatalog catalog = InstrumentCatalog.fromFile(file);

        assertThat(catalog.source()).isEqualTo("info.json");
        assertThatThrownBy(() -> catalog.require("ADAUSDT")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no instrument data for ADAUSDT in info.json");
    }

    @Test
    void bundledSnapshotListsTheMajorPerpetualsWithBtcAndEthAtThePlatformsFormerValues() {
        InstrumentCatalog bundled = InstrumentCatalog.bundled();

        assertThat(bundled.skipped()).isEmpty();
        assertThat(bundled.symbols()).contains("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT", "ADAUSDT",
                "DOGEUSDT", "AVAXUSDT", "DOTUSDT", "LINKUSDT", "LTCUSDT", "TRXUSDT", "MATICUSDT", "POLUSDT",
                "ATOMUSDT", "NEARUSDT", "UNIUSDT", "BCHUSDT", "OPUSDT", "ARBUSDT", "APTUSDT", "SUIUSDT",
                "BTCUSDT_250926");
        Instrument btc = bundled.require("BTCUSDT");
        assertThat(btc.tickSize()).isEqualTo(new BigDecimal("0.10"));
        assertThat(btc.stepSize()).isEqualTo(new BigDecimal("0.001"));
        assertThat(btc.minNotional()).isEqualTo(new BigDecimal("100"));
        Instrument eth = bundled.require("ETHUSDT");
        assertThat(eth.tickSize()).isEqualTo(new BigDecimal("0.01"));
        assertThat(eth.stepSize()).isEqualTo(new BigDecimal("0.001"));
        assertThat(eth.minNotional()).isEqualTo(new BigDecimal("20"));
        assertThat(bundled.require("BTCUSDT_250926").isPerpetual()).isFalse();
        assertThat(bundled.require("MATICUSDT").isTrading()).isFalse();
    }
}
