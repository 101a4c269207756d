package com.quantumtrader.local;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Any listed symbol trades: a backtest on symbols no other test uses, at their real small prices, trades each on
 * its own instrument's tick and step; a symbol the run cannot trade stops it with exit code 2 naming it; a run
 * without signals says so.
 */
class AnySymbolBacktestTest {

    static final List<String> NEW_SYMBOLS = List.of("ADAUSDT", "DOGEUSDT");
    static final int BARS = 400;

    @TempDir
    static Path dir;
    static int exitCode;
    static String console;
    static List<JsonNode> events;

    @BeforeAll
    static void backtestAdaAndDoge() throws IOException {
        List<Path> files = KlineCsvFixture.writeSeries(newDir("data"), 5L, NEW_SYMBOLS, BARS);
        StringWriter out = new StringWriter();
        exitCode = run(out, new StringWriter(), "backtest", "--data", join(files),
                "--events-out", dir.resolve("events.jsonl").toString(), "--report-out", dir.resolve("report").toString());
        console = out.toString();
        events = Files.readAllLines(dir.resolve("events.jsonl")).stream().map(EventJson::readTree).toList();
    }

    @Test
    void generatedDataIsAtTheSymbolsRealSmallPricesOnTheirTicks() {
        List<List<MarketPriceUpdate>> series = KlineCsvFixture.series(5L, NEW_SYMBOLS, 1);
        assertThat(series.get(0).get(0).open()).as("ADAUSDT").isBetween(new BigDecimal("0.1"), new BigDecimal("2"));
        assertThat(series.get(1).get(0).open()).as("DOGEUSDT").isBetween(new BigDecimal("0.01"), new BigDecimal("1"));
    }

    @Test
    void tradesEachNewSymbolWithTheDefaultPolicyWhoseUniverseIsTheSymbolsOfTheRun() {
        assertThat(exitCode).isZero();
        Map<String, Long> positionsBySymbol = payloads("portfolio.position.opened").stream()
                .collect(Collectors.groupingBy(p -> p.get("symbol").asText(), Collectors.counting()));
        assertThat(positionsBySymbol).containsOnlyKeys(NEW_SYMBOLS);
        assertThat(payloads("execution.order.failed")).extracting(p -> p.get("error_code").asText())
                .doesNotContain("UNKNOWN_SYMBOL");
        assertThat(console).doesNotContain("NO SIGNALS", "NO TRADES");
    }

    @Test
    void pricesAndQuantitiesAreOnEachInstrumentsTickAndStep() {
        List<JsonNode> signals = payloads("ai.signal.generated");
        List<JsonNode> fills = payloads("execution.order.filled");
        assertThat(signals).isNotEmpty();
        assertThat(fills).isNotEmpty();
        for (JsonNode signal : signals) {
            Instrument instrument = InstrumentCatalog.bundled().require(signal.get("symbol").asText());
            assertOnGrid(signal.get("stop_price"), instrument.tickSize());
            assertOnGrid(signal.get("target_price"), instrument.tickSize());
            assertThat(signal.hasNonNull("requested_quantity")).as("risk sizes; the AI engine asks for no quantity")
                    .isFalse();
        }
        for (JsonNode approval : payloads("risk.signal.approved")) {
            Instrument instrument = InstrumentCatalog.bundled().require(approval.get("symbol").asText());
            assertOnGrid(approval.get("approved_quantity"), instrument.stepSize());
        }
        for (JsonNode fill : fills) {
            Instrument instrument = InstrumentCatalog.bundled().require(fill.get("symbol").asText());
            assertOnGrid(fill.get("quantity"), instrument.stepSize());
        }
    }

    @Test
    void aSymbolWithoutInstrumentDataStopsTheRunWithExitCodeTwoNamingIt() {
        Path file = KlineCsvFixture.writeSeries(newDir("unknown"), 1L, List.of("ADAUSDT"), 40).get(0);
        Path renamed = file.resolveSibling("FOOBARUSDT-1h-2025.csv");
        file.toFile().renameTo(renamed.toFile());
        StringWriter err = new StringWriter();

        int code = run(new StringWriter(), err, "backtest", "--data", renamed.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no instrument data for FOOBARUSDT in the bundled exchangeInfo snapshot",
                "--exchange-info FILE");
    }

    @Test
    void aDeliveryContractIsRefusedByName() {
        Path file = KlineCsvFixture.writeSeries(newDir("quarterly"), 1L, List.of("BTCUSDT"), 40).get(0);
        Path renamed = file.resolveSibling("quarterly.csv");
        file.toFile().renameTo(renamed.toFile());
        StringWriter err = new StringWriter();

        int code = run(new StringWriter(), err, "backtest", "--data", renamed.toString(), "--symbols", "BTCUSDT_250926");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("BTCUSDT_250926 is a delivery contract (CURRENT_QUARTER",
                "only perpetual contracts are supported");
    }

    @Test
    void aSymbolThatIsNotTradingOnTheExchangeIsRefusedByName() {
        Path file = KlineCsvFixture.writeSeries(newDir("matic"), 1L, List.of("MATICUSDT"), 40).get(0);
        StringWriter err = new StringWriter();

        int code = run(new StringWriter(), err, "backtest", "--data", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("MATICUSDT is SETTLING on the exchange, not TRADING");
    }

    @Test
    void dataForASymbolOutsideTheGivenPolicysUniverseStopsTheRunNamingIt() throws IOException {
        Path file = KlineCsvFixture.writeSeries(newDir("universe"), 1L, List.of("SOLUSDT"), 40).get(0);
        Path policy = dir.resolve("btc-eth-policy.json");
        Files.writeString(policy, EventJson.write(PolicyDefaults.load()));
        StringWriter err = new StringWriter();

        int code = run(new StringWriter(), err, "backtest", "--data", file.toString(), "--policy", policy.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("the run could not trade: SOLUSDT is not in the universe "
                + "[BTCUSDT, ETHUSDT] of " + policy);
    }

    @Test
    void aContractOnlyTheGivenExchangeInfoListsIsTradedUnderAPolicyNamingIt() throws IOException {
        Path info = ExchangeInfoFixture.withExtraContract(dir, "WIFUSDT", "ADAUSDT");
        Path file = KlineCsvFixture.writeSeries(newDir("wif"), 3L, List.of("WIFUSDT"), 200).get(0);
        Path policy = dir.resolve("wif-policy.json");
        ObjectNode defaults = PolicyDefaults.load().json();
        defaults.putArray("universe").add("WIFUSDT");
        Files.writeString(policy, EventJson.mapper().writeValueAsString(defaults));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = run(out, err, "backtest", "--data", file.toString(), "--exchange-info", info.toString(),
                "--policy", policy.toString());

        assertThat(err.toString()).doesNotContain("unknown symbol");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Quantum Trader backtest: WIFUSDT");
    }

    @Test
    void aBadExchangeInfoFileStopsTheRunNamingIt() throws IOException {
        Path file = KlineCsvFixture.writeSeries(newDir("badinfo"), 1L, List.of("ADAUSDT"), 40).get(0);
        Path info = dir.resolve("exchangeInfo.json");
        Files.writeString(info, "{\"code\":-1003,\"msg\":\"Too many requests\"}");
        StringWriter err = new StringWriter();

        int code = run(new StringWriter(), err, "backtest", "--data", file.toString(), "--exchange-info",
                info.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("exchangeInfo.json is not a Binance exchangeInfo document");
    }

    @Test
    void aRunWithoutSignalsSaysSoWithTheReasonsOnTheConsoleAndInTheReport() throws IOException {
        // 25 bars: fewer than the 31 a signal needs
        List<Path> files = KlineCsvFixture.writeSeries(newDir("short"), 1L, List.of("ADAUSDT"), 25);
        StringWriter out = new StringWriter();

        int code = run(out, new StringWriter(), "backtest", "--data", join(files), "--report-out",
                dir.resolve("short-report").toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("NO SIGNALS: the run generated no signal at all",
                "signals by symbol: {ADAUSDT=0}");
        JsonNode diagnosis = EventJson.readTree(Files.readString(dir.resolve("short-report/report.json")))
                .get("run").get("diagnosis");
        assertThat(diagnosis.get("signals").asLong()).isZero();
        assertThat(diagnosis.get("no_trades").asText()).contains("NO SIGNALS");
        assertThat(Files.readString(dir.resolve("short-report/report.html"))).contains("NO SIGNALS");
    }

    private static Path newDir(String name) {
        try {
            return Files.createDirectories(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertOnGrid(JsonNode value, BigDecimal increment) {
        BigDecimal number = new BigDecimal(value.asText());
        assertThat(number.remainder(increment)).as("%s on a grid of %s", number, increment).isEqualByComparingTo("0");
    }

    private static List<JsonNode> payloads(String eventName) {
        return events.stream().filter(e -> e.get("detail-type").asText().equals(eventName))
                .map(e -> e.get("detail").get("payload")).toList();
    }

    private static String join(List<Path> files) {
        return files.stream().map(Path::toString).collect(Collectors.joining(","));
    }

    static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = QuantumLocal.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }
}
