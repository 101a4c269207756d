package com.quantumtrader.local.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code data download --source archive}: Binance's monthly and daily zip files, each checked by its .CHECKSUM. */
class ArchiveDownloadTest {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);
    static final String FILE = "BTCUSDT-1h-2025-01-01-2025-02-05.csv";

    @TempDir
    Path dir;
    final FakeTime time = new FakeTime(Instant.parse("2025-02-20T00:00:00Z"));
    final FakeBinance binance = new FakeBinance(time);
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @AfterEach
    void stopServer() {
        binance.close();
    }

    @Test
    void aPublishedMonthThenTheDaysOfAMonthNotYetPublishedGiveTheSameFileAsTheRestEndpoint() throws IOException {
        binance.syntheticBars("BTCUSDT", START, HOUR, 24 * 35);
        binance.archive("monthly", "BTCUSDT", "1h", "BTCUSDT-1h-2025-01", opens(START, 24 * 31), true);
        for (int day = 1; day <= 4; day++) {
            Instant midnight = LocalDate.of(2025, 2, day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            binance.archive("daily", "BTCUSDT", "1h", "BTCUSDT-1h-2025-02-0" + day, opens(midnight, 24), true);
        }

        int exit = download(dir.resolve("archive"), "--source", "archive");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(download(dir.resolve("rest"))).isZero();
        assertThat(Files.readAllBytes(dir.resolve("archive").resolve(FILE)))
                .isEqualTo(Files.readAllBytes(dir.resolve("rest").resolve(FILE)));
        assertThat(binance.requests().stream().map(FakeBinance.Request::path).filter(p -> p.startsWith("/data/")))
                .contains("/data/futures/um/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2025-01.zip",
                        "/data/futures/um/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2025-01.zip.CHECKSUM",
                        "/data/futures/um/monthly/klines/BTCUSDT/1h/BTCUSDT-1h-2025-02.zip",
                        "/data/futures/um/daily/klines/BTCUSDT/1h/BTCUSDT-1h-2025-02-04.zip.CHECKSUM");
        assertThat(out.toString()).contains("BTCUSDT: 840 bars in", "no gaps");
    }

    @Test
    void aDayTheArchiveDoesNotHaveIsAGap() throws IOException {
        binance.syntheticBars("BTCUSDT", START, HOUR, 24 * 35);
        binance.archive("monthly", "BTCUSDT", "1h", "BTCUSDT-1h-2025-01", opens(START, 24 * 31), true);
        for (int day : new int[] {1, 2, 4}) {
            Instant midnight = LocalDate.of(2025, 2, day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            binance.archive("daily", "BTCUSDT", "1h", "BTCUSDT-1h-2025-02-0" + day, opens(midnight, 24), true);
        }

        int exit = download(dir, "--source", "archive");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readAllLines(dir.resolve(FILE))).hasSize(1 + 24 * 34);
        assertThat(out.toString()).contains("gap: 24 bars missing, opening 2025-02-03T00:00:00Z to 2025-02-03T23:00:00Z");
    }

    @Test
    void aZipThatDoesNotMatchItsChecksumIsNotWritten() throws IOException {
        binance.syntheticBars("BTCUSDT", START, HOUR, 24 * 35);
        binance.archive("monthly", "BTCUSDT", "1h", "BTCUSDT-1h-2025-01", opens(START, 24 * 31), false);

        int exit = download(dir, "--source", "archive");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("BTCUSDT-1h-2025-01.zip does not match its published checksum",
                "nothing of it written");
        assertThat(Files.readAllLines(dir.resolve(FILE))).containsExactly(KlineDownload.HEADER);
    }

    private static List<Long> opens(Instant from, int count) {
        return LongStream.range(0, count).mapToObj(i -> from.plus(HOUR.multipliedBy(i)).toEpochMilli()).toList();
    }

    private int download(Path outDir, String... more) {
        List<String> args = new ArrayList<>(List.of("--symbols", "BTCUSDT", "--interval", "1h", "--from",
                "2025-01-01", "--to", "2025-02-05", "--out", outDir.toString(), "--base-url",
                binance.baseUrl().toString(), "--archive-url", binance.baseUrl().toString()));
        args.addAll(List.of(more));
        return new CommandLine(new DownloadCommand(time, time)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args.toArray(String[]::new));
    }
}
