package com.quantumtrader.local;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --funding-file}: the rates Binance really settled, in its archive CSV and its REST JSON, replace the constant
 * rate for their symbols; the report says which applied; a bad file stops the run with exit 2 naming file and line.
 */
class BacktestFundingFileTest {

    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");
    static final Instant START = Instant.parse("2025-01-22T00:00:00Z");
    static final int BARS = 360;
    static final List<BigDecimal> CYCLE = List.of(new BigDecimal("0.00012000"), new BigDecimal("-0.00007000"),
            new BigDecimal("0.00031000"), new BigDecimal("0.00005000"));

    @TempDir
    static Path dir;
    static String data;
    static Path policyFile;
    static Map<Instant, BigDecimal> btcRates = new TreeMap<>();
    static Map<Instant, BigDecimal> ethRates = new TreeMap<>();
    static Path btcCsv;
    static Path ethJson;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void writeHistoryAndFundingFiles() throws IOException {
        List<List<MarketPriceUpdate>> series = KlineCsvFixture.series(11L, SYMBOLS, BARS, START);
        List<Path> files = new ArrayList<>();
        for (int s = 0; s < SYMBOLS.size(); s++) {
            files.add(KlineCsvFixture.write(dir, SYMBOLS.get(s) + "-1h-2025.csv", series.get(s), true));
        }
        data = files.stream().map(Path::toString).collect(Collectors.joining(","));
        ObjectNode policy = (ObjectNode) EventJson.tree(PolicyDefaults.load());
        ((ObjectNode) policy.at("/limits/NORMAL")).put("min_confidence", new BigDecimal("0.40"));
        policyFile = Files.writeString(dir.resolve("policy.json"), policy.toPrettyString());

        // BTCUSDT: the archive's CSV, every 8 h; ETHUSDT: the REST API's JSON, every 4 h, stamped a few ms late
        List<String> csv = new ArrayList<>(List.of(FundingFiles.CSV_HEADER));
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i <= BARS / 4; i++) {
            Instant at = START.plus(Duration.ofHours(4L * i));
            BigDecimal rate = CYCLE.get(i % CYCLE.size());
            ethRates.put(at, rate);
            json.append(i == 0 ? "" : ",\n").append("  {\"symbol\":\"ETHUSDT\",\"fundingTime\":")
                    .append(at.toEpochMilli() + 3).append(",\"fundingRate\":\"").append(rate.toPlainString())
                    .append("\",\"markPrice\":\"3000.00000000\"}");
            if (i % 2 == 0) {
                BigDecimal btc = CYCLE.get((i / 2 + 1) % CYCLE.size());
                btcRates.put(at, btc);
                csv.add(at.toEpochMilli() + ",8," + btc.toPlainString());
            }
        }
        btcCsv = Files.write(dir.resolve("BTCUSDT-fundingRate-2025-01.csv"), csv);
        ethJson = Files.writeString(dir.resolve("eth-funding.json"), json.append("\n]\n").toString());
    }

    static Result backtest(String... options) {
        List<String> args = new ArrayList<>(List.of("backtest", "--data", data, "--policy", policyFile.toString()));
        args.addAll(List.of(options));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = QuantumLocal.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void settlesTheRecordedRatesAtTheirOwnTimesAndSaysSoInTheReport() throws IOException {
        Path out = dir.resolve("recorded");

        Result result = backtest("--funding-file", btcCsv + "," + ethJson, "--report-out",
                out.resolve("report").toString(), "--events-out", out.resolve("events.jsonl").toString());

        assertThat(result.exit()).as(result.err()).isZero();
        List<JsonNode> payments = Files.readAllLines(out.resolve("events.jsonl")).stream().map(EventJson::readTree)
                .filter(e -> e.get("detail-type").asText().equals("execution.funding.paid"))
                .map(e -> e.at("/detail/payload")).toList();
        assertThat(payments).extracting(p -> p.get("symbol").asText()).contains("BTCUSDT", "ETHUSDT");
        for (JsonNode p : payments) {
            Instant at = Instant.parse(p.get("funding_time").asText());
            Map<Instant, BigDecimal> rates = p.get("symbol").asText().equals("BTCUSDT") ? btcRates : ethRates;
            assertThat(rates).as(p.toString()).containsKey(at);
            assertThat(p.get("funding_rate").decimalValue()).as(p.toString()).isEqualByComparingTo(rates.get(at));
            assertThat(p.get("amount").decimalValue()).isEqualByComparingTo(p.get("position_quantity").decimalValue()
                    .negate().multiply(p.get("mark_price").decimalValue()).multiply(rates.get(at)));
        }
        // ETHUSDT's file settles every 4 h: times the constant 8 h grid does not have
        assertThat(payments).filteredOn(p -> p.get("symbol").asText().equals("ETHUSDT"))
                .anySatisfy(p -> assertThat(Instant.parse(p.get("funding_time").asText()).getEpochSecond()
                        % (8 * 3600)).isNotZero());
        JsonNode report = EventJson.readTree(Files.readString(out.resolve("report/report.json")));
        assertThat(report.at("/cost_model/funding_source").asText()).startsWith("historical funding-rate files");
        assertThat(report.at("/cost_model/funding_files/BTCUSDT/files/0").asText())
                .isEqualTo("BTCUSDT-fundingRate-2025-01.csv");
        assertThat(report.at("/cost_model/funding_files/ETHUSDT/settlements").asInt()).isEqualTo(ethRates.size());
        assertThat(report.at("/run/funding_coverage").toString()).contains("BTCUSDT: " + btcRates.size()
                + " settlements");
        assertThat(result.out()).contains("funding: ETHUSDT: " + ethRates.size() + " settlements");
        assertThat(Files.readString(out.resolve("report/report.html"))).contains("historical funding-rate files");
    }

    @Test
    void withoutAFileTheConstantRateIsSettledAndStated() throws IOException {
        Path out = dir.resolve("constant");

        Result result = backtest("--funding-rate", "0.0002", "--report-out", out.resolve("report").toString());

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode report = EventJson.readTree(Files.readString(out.resolve("report/report.json")));
        assertThat(report.at("/cost_model/funding_source").asText()).isEqualTo("constant rate");
        assertThat(report.at("/cost_model/funding_rate_per_interval").decimalValue()).isEqualByComparingTo("0.0002");
        assertThat(report.at("/cost_model/funding_files").isMissingNode()).isTrue();
    }

    @Test
    void aBadRateInTheArchiveCsvStopsTheRunNamingFileAndLine() throws IOException {
        Path bad = Files.write(dir.resolve("ETHUSDT-fundingRate-2025-02.csv"), List.of(FundingFiles.CSV_HEADER,
                "1737504000000,8,0.00010000", "1737532800000,8,one bps"));

        Result result = backtest("--funding-file", bad.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains(bad + ":3: last_funding_rate 'one bps' is not a decimal number");
    }

    @Test
    void aBadTimeInTheRestJsonStopsTheRunNamingFileAndLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad-time.json"), """
                [
                  {"symbol":"BTCUSDT","fundingTime":1737504000000,"fundingRate":"0.0001","markPrice":"100000"},
                  {"symbol":"BTCUSDT","fundingTime":"yesterday","fundingRate":"0.0001","markPrice":"100000"}
                ]
                """);

        Result result = backtest("--funding-file", bad.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains(bad + ":3: fundingTime 'yesterday' is not an epoch time in milliseconds");
    }

    @Test
    void refusesARateBeyondFivePercentAFileWithoutASymbolAndFundingSwitchedOff() throws IOException {
        Path huge = Files.write(dir.resolve("BTCUSDT-fundingRate-2025-03.csv"),
                List.of("1737504000000,8,0.5"));
        Path nameless = Files.write(dir.resolve("funding.csv"), List.of(FundingFiles.CSV_HEADER,
                "1737504000000,8,0.0001"));

        Result tooHigh = backtest("--funding-file", huge.toString());
        Result noSymbol = backtest("--funding-file", nameless.toString());
        Result off = backtest("--funding-file", btcCsv.toString(), "--no-funding");

        assertThat(tooHigh.exit()).isEqualTo(2);
        assertThat(tooHigh.err()).contains(huge + ":1: last_funding_rate 0.5 is beyond +-0.05 per interval");
        assertThat(noSymbol.exit()).isEqualTo(2);
        assertThat(noSymbol.err()).contains("cannot tell the symbol of " + nameless);
        assertThat(off.exit()).isEqualTo(2);
        assertThat(off.err()).contains("--funding-file and --no-funding exclude each other");
    }

    @Test
    void readsBinanceTimesToTheMinuteAndRefusesTwoRatesForOneTime() throws IOException {
        Path late = Files.write(dir.resolve("XRPUSDT-fundingRate-2025-01.csv"), List.of(
                "1737504000004,8,0.0001", "1737532799998,8,0.0002"));
        Path conflicting = Files.write(dir.resolve("XRPUSDT-fundingRate-2025-01b.csv"), List.of(
                "1737504000000,8,0.0003"));

        FundingFiles.Loaded loaded = FundingFiles.load(List.of(late));

        assertThat(loaded.bySymbol().get("XRPUSDT").rates()).containsOnlyKeys(
                Instant.parse("2025-01-22T00:00:00Z"), Instant.parse("2025-01-22T08:00:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FundingFiles.load(List.of(late, conflicting)))
                .hasMessageContaining(conflicting + ":1: XRPUSDT at 2025-01-22T00:00:00Z has rate 0.0003 here but "
                        + "0.0001 in an earlier row or file");
    }
}
