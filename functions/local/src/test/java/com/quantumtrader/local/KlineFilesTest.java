package com.quantumtrader.local;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Reading Binance's kline files: both formats, names, bad rows, gaps, and the command's answers to bad input. */
class KlineFilesTest {

    static final long T0 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;

    static String row(int hour, String open, String high, String low, String close) {
        long openTime = T0 + hour * HOUR;
        return openTime + "," + open + "," + high + "," + low + "," + close + ",12.5," + (openTime + HOUR - 1)
                + ",1000.0,42,6.0,500.0,0";
    }

    Path file(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    static KlineFiles.Loaded load(List<Path> files, List<String> symbols, boolean skip) {
        return KlineFiles.load(files, symbols, Optional.empty(), Optional.empty(), skip);
    }

    @Test
    void readsACsvWithoutHeaderTakingSymbolAndIntervalFromBinancesFileName() throws IOException {
        Path csv = file("BTCUSDT-1h-2025-01.csv", row(0, "100", "110", "95", "105"), row(1, "105", "106", "101", "102"));

        List<MarketPriceUpdate> bars = load(List.of(csv), List.of(), false).bars();

        assertThat(bars).hasSize(2);
        MarketPriceUpdate bar = bars.get(0);
        assertThat(bar.symbol()).isEqualTo("BTCUSDT");
        assertThat(bar.interval()).isEqualTo("1h");
        assertThat(bar.openTime()).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(bar.closeTime()).isEqualTo(Instant.ofEpochMilli(T0 + HOUR));
        assertThat(bar.close()).isEqualByComparingTo("105");
        assertThat(bar.volume()).isEqualByComparingTo("12.5");
    }

    @Test
    void skipsAHeaderRowAndReadsTheOtherNamingStyle() throws IOException {
        Path csv = file("binance_spot_ETHUSDT_4h_2025.csv", KlineCsvFixture.HEADER, row(0, "10", "11", "9", "10"));

        MarketPriceUpdate bar = load(List.of(csv), List.of(), false).bars().get(0);

        assertThat(bar.symbol()).isEqualTo("ETHUSDT");
        assertThat(bar.interval()).isEqualTo("4h");
    }

    @Test
    void readsBinanceJsonKlinesAndTheSymbolFromSymbolsWhenTheNameHasNone() throws IOException {
        long open = T0;
        Path json = Files.writeString(dir.resolve("klines.json"), "[\n"
                + "  [" + open + ",\"100.0\",\"101.0\",\"99.0\",\"100.5\",\"3.2\"," + (open + 60_000 - 1)
                + ",\"320.0\",7,\"1.0\",\"100.0\",\"0\"],\n"
                + "  [" + (open + 60_000) + ",\"100.5\",\"102.0\",\"100.0\",\"101.0\",\"1.0\"," + (open + 120_000 - 1)
                + ",\"101.0\",3,\"0.5\",\"50.0\",\"0\"]\n]\n");

        List<MarketPriceUpdate> bars = load(List.of(json), List.of("SOLUSDT"), false).bars();

        assertThat(bars).extracting(MarketPriceUpdate::symbol).containsOnly("SOLUSDT");
        assertThat(bars).extracting(MarketPriceUpdate::interval).containsOnly("1m");
        assertThat(bars.get(1).high()).isEqualByComparingTo("102.0");
    }

    @Test
    void readsMicrosecondTimestampsAsBinanceSpotFilesHaveThemSince2025() throws IOException {
        long micros = T0 * 1000;
        Path csv = file("BTCUSDT-1h-2025-02.csv", micros + ",1,2,1,2,3," + (micros + HOUR * 1000 - 1) + ",0,1,0,0,0");

        MarketPriceUpdate bar = load(List.of(csv), List.of(), false).bars().get(0);

        assertThat(bar.openTime()).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(bar.closeTime()).isEqualTo(Instant.ofEpochMilli(T0 + HOUR));
    }

    @Test
    void mergesSymbolsByCloseTimeAndReportsGaps() throws IOException {
        Path btc = file("BTCUSDT-1h-2025-01.csv", row(0, "1", "1", "1", "1"), row(1, "1", "1", "1", "1"),
                row(4, "1", "1", "1", "1"));
        Path eth = file("ETHUSDT-1h-2025-01.csv", row(0, "2", "2", "2", "2"), row(1, "2", "2", "2", "2"),
                row(2, "2", "2", "2", "2"));

        KlineFiles.Loaded loaded = load(List.of(btc, eth), List.of(), false);

        assertThat(loaded.bars()).extracting(b -> b.symbol() + "@" + (b.openTime().toEpochMilli() - T0) / HOUR)
                .containsExactly("BTCUSDT@0", "ETHUSDT@0", "BTCUSDT@1", "ETHUSDT@1", "ETHUSDT@2", "BTCUSDT@4");
        assertThat(loaded.gaps()).containsExactly(new KlineFiles.Gap("BTCUSDT",
                Instant.ofEpochMilli(T0 + 2 * HOUR), Instant.ofEpochMilli(T0 + 4 * HOUR), 2));
    }

    @Test
    void keepsOnlyBarsBetweenFromAndTo() throws IOException {
        Path csv = file("BTCUSDT-1h-2025-01.csv", row(0, "1", "1", "1", "1"), row(1, "1", "1", "1", "1"),
                row(2, "1", "1", "1", "1"));

        List<MarketPriceUpdate> bars = KlineFiles.load(List.of(csv), List.of(), Optional.of(Instant.ofEpochMilli(T0 + HOUR)),
                Optional.of(Instant.ofEpochMilli(T0 + 2 * HOUR)), false).bars();

        assertThat(bars).extracting(MarketPriceUpdate::openTime).containsExactly(Instant.ofEpochMilli(T0 + HOUR));
    }

    @Test
    void rejectsNanNegativeAndInconsistentPricesNamingFileAndLine() throws IOException {
        List<String> bad = List.of(row(1, "NaN", "110", "95", "105"), row(1, "-100", "110", "95", "105"),
                row(1, "100", "90", "95", "105"), row(1, "100", "110", "101", "99"), "1,2,3",
                row(0, "100", "110", "95", "105"));
        for (String badRow : bad) {
            Path csv = file("BTCUSDT-1h-2025-01.csv", KlineCsvFixture.HEADER, row(0, "100", "110", "95", "105"),
                    badRow);

            assertThatThrownBy(() -> load(List.of(csv), List.of(), false))
                    .as(badRow).isInstanceOf(KlineFiles.BadRowException.class)
                    .hasMessageStartingWith(csv + ":3: ");
        }
    }

    @Test
    void skipsAndCountsBadRowsWhenAsked() throws IOException {
        Path csv = file("BTCUSDT-1h-2025-01.csv", row(0, "100", "110", "95", "105"), row(1, "NaN", "1", "1", "1"),
                row(2, "100", "90", "95", "105"), row(3, "100", "110", "95", "105"));

        KlineFiles.Loaded loaded = load(List.of(csv), List.of(), true);

        assertThat(loaded.bars()).hasSize(2);
        assertThat(loaded.skippedTotal()).isEqualTo(2);
        assertThat(loaded.gaps()).hasSize(1);
    }

    @Test
    void refusesAFileWhoseSymbolItCannotTell() throws IOException {
        Path csv = file("history.csv", row(0, "1", "1", "1", "1"));

        assertThatThrownBy(() -> load(List.of(csv), List.of(), false))
                .hasMessageContaining("cannot tell the symbol of").hasMessageContaining("--symbols");
    }

    @Test
    void namesIntervalsTheWayBinanceDoes() {
        assertThat(PriceBars.intervalName(Duration.ofMinutes(15))).isEqualTo("15m");
        assertThat(PriceBars.intervalName(Duration.ofHours(4))).isEqualTo("4h");
        assertThat(PriceBars.intervalName(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(PriceBars.intervalName(Duration.ofDays(7))).isEqualTo("1w");
    }

    @Test
    void theCommandExitsWith2AndNamesFileAndLineOfABadRow() throws IOException {
        Path csv = file("BTCUSDT-1h-2025-01.csv", row(0, "100", "110", "95", "105"), row(1, "100", "x", "95", "105"));
        StringWriter err = new StringWriter();
        CommandLine command = QuantumLocal.commandLine();
        command.setErr(new PrintWriter(err));

        int exit = command.execute("backtest", "--data", csv.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(csv + ":2: ").contains("high 'x' is not a decimal number");
    }

    @Test
    void theCommandRejectsAnInvalidPolicyWithExitCode2() throws IOException {
        Path csv = file("BTCUSDT-1h-2025-01.csv", row(0, "100", "110", "95", "105"));
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"risk_mode\": \"RECKLESS\"}");
        StringWriter err = new StringWriter();
        CommandLine command = QuantumLocal.commandLine();
        command.setErr(new PrintWriter(err));

        int exit = command.execute("backtest", "--data", csv.toString(), "--policy", policy.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("invalid policy");
    }

    @Test
    void theCommandRunsABacktestAndWritesTheReport() throws IOException {
        List<Path> files = KlineCsvFixture.writeSeries(dir, 5, List.of("BTCUSDT"), 60);
        StringWriter out = new StringWriter();
        CommandLine command = QuantumLocal.commandLine();
        command.setOut(new PrintWriter(out));
        Path report = dir.resolve("report");

        int exit = command.execute("backtest", "--data", files.get(0).toString(), "--report-out", report.toString(),
                "--seed", "9", "--skip-bad-rows");

        assertThat(exit).isEqualTo(0);
        assertThat(out.toString()).contains("Quantum Trader backtest: BTCUSDT, 60 bars in 60 steps, seed 9")
                .contains("bar 60/60").contains("Done after 60 bars").contains("report -> ");
        assertThat(report.resolve("report.json")).exists();
        assertThat(report.resolve("report.html")).exists();
    }

}
