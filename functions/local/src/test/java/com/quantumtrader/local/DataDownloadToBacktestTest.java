package com.quantumtrader.local;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.local.data.FakeBinance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One command to history, one to a backtest of it: {@code data download} from a local Binance writes files that
 * {@code backtest --data} replays bar for bar, to the same events as the same bars written by hand.
 */
class DataDownloadToBacktestTest {

    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");
    static final int BARS = 240;

    @TempDir
    Path dir;

    @Test
    void backtestReplaysEveryDownloadedBar() throws IOException {
        List<List<MarketPriceUpdate>> series = KlineCsvFixture.series(5L, SYMBOLS, BARS);
        Path downloaded = dir.resolve("downloaded");
        try (FakeBinance binance = new FakeBinance(Clock.systemUTC())) {
            binance.bars("BTCUSDT", series.get(0)).bars("ETHUSDT", series.get(1));

            Run download = run("data", "download", "--symbols", "BTCUSDT,ETHUSDT", "--interval", "1h", "--from",
                    "2025-01-01", "--to", "2025-01-11", "--out", downloaded.toString(), "--base-url",
                    binance.baseUrl().toString());

            assertThat(download.exit()).as(download.err()).isZero();
            assertThat(download.out()).contains("BTCUSDT: 240 bars", "ETHUSDT: 240 bars", "no gaps");
        }
        Path btc = downloaded.resolve("BTCUSDT-1h-2025-01-01-2025-01-11.csv");
        Path eth = downloaded.resolve("ETHUSDT-1h-2025-01-01-2025-01-11.csv");

        Run replay = run("backtest", "--data", btc + "," + eth, "--events-out", dir.resolve("downloaded.jsonl").toString());

        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("BTCUSDT,ETHUSDT, 480 bars", "data: 0 bad rows skipped, 0 gaps");
        List<Path> handWritten = KlineCsvFixture.writeSeries(Files.createDirectories(dir.resolve("fixture")), 5L,
                SYMBOLS, BARS);
        Run reference = run("backtest", "--data", handWritten.get(0) + "," + handWritten.get(1), "--events-out",
                dir.resolve("fixture.jsonl").toString());
        assertThat(reference.exit()).as(reference.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("downloaded.jsonl")))
                .anyMatch(line -> line.contains("\"execution.order.filled\""))
                .isEqualTo(Files.readAllLines(dir.resolve("fixture.jsonl")));
    }

    @Test
    void theHelpOfDataDownloadListsItsOptions() {
        Run help = run("data", "download", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--symbols", "--interval", "--from", "--to", "--out", "--funding",
                "--base-url", "--source", "--archive-url", "Exit codes");
        assertThat(run("--help").out()).contains("data");
    }

    @Test
    void badOptionsExitWith2ThroughTheCli() {
        Run bad = run("data", "download", "--symbols", "BTCUSDT", "--interval", "3m", "--from", "2025-01-01", "--to",
                "2025-01-02");

        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--interval: '3m' is not one of", "--out is missing");
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QuantumLocal.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }
}
