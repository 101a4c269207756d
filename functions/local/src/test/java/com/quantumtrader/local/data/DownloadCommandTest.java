package com.quantumtrader.local.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code data download} against a local Binance that answers as the real one does: pages, weight headers, 429,
 * 418, gaps, interrupted files. The clock moves only when the downloader waits, so every wait is measured, none is
 * real.
 */
class DownloadCommandTest {

    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    /** 2025-01-01 to 2025-01-15 in 5m bars: three pages of 1500, 1500 and 1032. */
    static final int BARS = 14 * 288;

    @TempDir
    Path dir;
    final FakeTime time = new FakeTime(Instant.parse("2025-03-01T00:00:30Z"));
    final FakeBinance binance = new FakeBinance(time);
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @AfterEach
    void stopServer() {
        binance.close();
    }

    @Test
    void downloadsEveryPageIntoBinancesTwelveColumnCsv() throws IOException {
        binance.syntheticBars("BTCUSDT", START, FIVE_MINUTES, BARS);

        int exit = download("BTCUSDT", "5m", "2025-01-01", "2025-01-15");

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(file("BTCUSDT-5m-2025-01-01-2025-01-15.csv"));
        assertThat(lines.get(0)).isEqualTo(KlineDownload.HEADER);
        assertThat(lines).hasSize(BARS + 1);
        for (int i = 0; i < BARS; i++) {
            long open = START.plus(FIVE_MINUTES.multipliedBy(i)).toEpochMilli();
            assertThat(lines.get(i + 1)).isEqualTo(csv(binance.kline("BTCUSDT", open)));
        }
        List<FakeBinance.Request> requests = binance.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/fapi/v1/klines");
            assertThat(r.query()).containsEntry("symbol", "BTCUSDT").containsEntry("interval", "5m")
                    .containsEntry("limit", "1500");
        });
        assertThat(requests.stream().map(r -> r.param("startTime")).toList()).containsExactly(
                START.toEpochMilli(), START.plus(FIVE_MINUTES.multipliedBy(1500)).toEpochMilli(),
                START.plus(FIVE_MINUTES.multipliedBy(3000)).toEpochMilli());
        assertThat(time.slept()).isEqualTo(Duration.ZERO);
        assertThat(out.toString()).contains("BTCUSDT 5m", "[##############################] 100.0%  4032/4032 bars",
                "BTCUSDT: 4032 bars in", "no gaps");
        assertThat(dir.resolve("BTCUSDT-5m-2025-01-01-2025-01-15.gaps.txt")).doesNotExist();
    }

    @Test
    void writesOnlyBarsThatHaveClosed() throws IOException {
        time.advance(Duration.between(time.instant(), Instant.parse("2025-01-02T10:30:00Z")));
        binance.syntheticBars("ETHUSDT", START, Duration.ofHours(1), 24 * 10);

        int exit = download("ETHUSDT", "1h", "2025-01-01", "2025-01-10");

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(file("ETHUSDT-1h-2025-01-01-2025-01-10.csv"));
        // 34 bars have closed by 10:30 on the 2nd; the 10:00 bar, which Binance also sends, is still open
        assertThat(lines).hasSize(1 + 34);
        assertThat(lines.get(34)).startsWith(Instant.parse("2025-01-02T09:00:00Z").toEpochMilli() + ",");
    }

    @Test
    void waitsWhatRetryAfterSaysOnA429() throws IOException {
        binance.syntheticBars("BTCUSDT", START, FIVE_MINUTES, BARS);
        binance.thenAnswer(429, Map.of("Retry-After", "7"),
                "{\"code\":-1003,\"msg\":\"Too many requests; current limit of IP is 2400 requests per minute.\"}");
        Instant began = time.instant();

        int exit = download("BTCUSDT", "5m", "2025-01-01", "2025-01-15");

        assertThat(exit).as(err.toString()).isZero();
        List<FakeBinance.Request> requests = binance.requests();
        assertThat(requests).hasSize(4);
        assertThat(requests.get(1).at()).isEqualTo(began.plusSeconds(7));
        assertThat(requests.get(1).param("startTime")).isEqualTo(requests.get(0).param("startTime"));
        assertThat(Files.readAllLines(file("BTCUSDT-5m-2025-01-01-2025-01-15.csv"))).hasSize(BARS + 1);
        assertThat(out.toString()).contains("HTTP 429", "waiting 7 s");
    }

    @Test
    void sendsNothingUntilTheTimeA418BanStates() throws IOException {
        binance.syntheticBars("BTCUSDT", START, FIVE_MINUTES, BARS);
        Instant banEnd = time.instant().plusSeconds(150);
        binance.thenAnswer(418, Map.of("Retry-After", "60"), "{\"code\":-1003,\"msg\":\"Way too much request weight "
                + "used; IP banned until " + banEnd.toEpochMilli() + ". Please use WebSocket Streams for live "
                + "updates to avoid bans.\"}");

        int exit = download("BTCUSDT", "5m", "2025-01-01", "2025-01-15");

        assertThat(exit).as(err.toString()).isZero();
        List<FakeBinance.Request> requests = binance.requests();
        assertThat(requests).hasSize(4);
        // the message's time, later than Retry-After here, and not a 2-minute default
        assertThat(requests.get(1).at()).isEqualTo(banEnd);
        assertThat(Files.readAllLines(file("BTCUSDT-5m-2025-01-01-2025-01-15.csv"))).hasSize(BARS + 1);
    }

    @Test
    void aLongBanEndsTheRunAndTheSameCommandResumesAfterIt() throws IOException {
        binance.syntheticBars("BTCUSDT", START, FIVE_MINUTES, BARS);
        binance.thenAnswer(200, Map.of(), page(0, 1500));
        Instant banEnd = time.instant().plus(Duration.ofHours(3));
        binance.thenAnswer(418, Map.of("Retry-After", "10800"), "{\"code\":-1003,\"msg\":\"Way too much request "
                + "weight used; IP banned until " + banEnd.toEpochMilli() + ".\"}");

        int exit = download("BTCUSDT", "5m", "2025-01-01", "2025-01-15");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("BTCUSDT", "until " + banEnd, "run the same command again");
        assertThat(binance.requests()).hasSize(2);
        assertThat(Files.readAllLines(file("BTCUSDT-5m-2025-01-01-2025-01-15.csv"))).hasSize(1500 + 1);

        time.advance(Duration.ofHours(3));
        int rerun = download("BTCUSDT", "5m", "2025-01-01", "2025-01-15");

        assertThat(rerun).as(err.toString()).isZero();
        List<FakeBinance.Request> requests = binance.requests();
        assertThat(requests.get(2).param("startTime"))
                .isEqualTo(START.plus(FIVE_MINUTES.multipliedBy(1500)).toEpochMilli());
        assertThat(requests).hasSize(4);
        assertThat(Files.readAllLines(file("BTCUSDT-5m-2025-01-01-2025-01-15.csv"))).hasSize(BARS + 1);
    }

    @Test
    void pausesUntilTheNextMinuteWhenTheUsedWeightNearsTheLimit() {
        binance.syntheticBars("BTCUSDT", START, FIVE_MINUTES, BARS);
        binance.otherUsersWeight(1995); // another program on the same IP used most of this minute's weight

        int exit = download("BTCUSDT", "5m", "2025-01-01", "2025-01-15");

        assertThat(exit).as(err.toString()).isZero();
        List<FakeBinance.Request> requests = binance.requests();
        assertThat(requests).hasSize(3);
        // 1995 + 10 = 2005 reported after the first page: the second waits for the next minute (and a second)
        Instant nextMinute = Instant.parse("2025-03-01T00:01:01Z");
        assertThat(requests.get(1).at()).isEqualTo(nextMinute);
        assertThat(requests.get(2).at()).isEqualTo(nextMinute);
        assertThat(out.toString()).contains("request weight 2005/2400 used this minute");
    }

    @Test
    void resumesAnInterruptedFileAfterItsLastCompleteBar() throws IOException {
        binance.syntheticBars("BTCUSDT", START, FIVE_MINUTES, BARS);
        Path fresh = dir.resolve("fresh");
        assertThat(download(fresh, "BTCUSDT", "5m", "2025-01-01", "2025-01-15")).isZero();
        Path name = Path.of("BTCUSDT-5m-2025-01-01-2025-01-15.csv");
        byte[] complete = Files.readAllBytes(fresh.resolve(name));
        // an earlier run died after 2000 bars, in the middle of writing the next line
        List<String> lines = Files.readAllLines(fresh.resolve(name));
        String interrupted = String.join("\n", lines.subList(0, 2001)) + "\n" + lines.get(2001).substring(0, 25);
        Path resumed = dir.resolve("resumed");
        Files.createDirectories(resumed);
        Files.writeString(resumed.resolve(name), interrupted, StandardCharsets.UTF_8);
        int requestsBefore = binance.requests().size();

        int exit = download(resumed, "BTCUSDT", "5m", "2025-01-01", "2025-01-15");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readAllBytes(resumed.resolve(name))).isEqualTo(complete);
        List<FakeBinance.Request> requests = binance.requests().subList(requestsBefore, binance.requests().size());
        assertThat(requests.get(0).param("startTime"))
                .isEqualTo(START.plus(FIVE_MINUTES.multipliedBy(2000)).toEpochMilli());
        assertThat(requests).hasSize(2);
        assertThat(out.toString()).contains("resuming", "2000 bars already there", "cut-off last line of 25 bytes");
    }

    @Test
    void aCompleteFileNeedsNoRequestOnARerun() throws IOException {
        binance.syntheticBars("BTCUSDT", START, FIVE_MINUTES, BARS);
        download("BTCUSDT", "5m", "2025-01-01", "2025-01-15");
        byte[] first = Files.readAllBytes(file("BTCUSDT-5m-2025-01-01-2025-01-15.csv"));

        int exit = download("BTCUSDT", "5m", "2025-01-01", "2025-01-15");

        assertThat(exit).isZero();
        assertThat(binance.requests()).hasSize(3);
        assertThat(Files.readAllBytes(file("BTCUSDT-5m-2025-01-01-2025-01-15.csv"))).isEqualTo(first);
    }

    @Test
    void listsTheBarsTheExchangeDoesNotHaveWithoutInventingThem() throws IOException {
        Duration hour = Duration.ofHours(1);
        binance.syntheticBars("SOLUSDT", START, hour, 48);
        long listed = START.plus(hour.multipliedBy(5)).toEpochMilli();
        long maintenanceFrom = START.plus(hour.multipliedBy(20)).toEpochMilli();
        long maintenanceTo = START.plus(hour.multipliedBy(22)).toEpochMilli();
        binance.without("SOLUSDT", open -> open < listed || (open >= maintenanceFrom && open <= maintenanceTo));

        int exit = download("SOLUSDT", "1h", "2025-01-01", "2025-01-03");

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(file("SOLUSDT-1h-2025-01-01-2025-01-03.csv"));
        assertThat(lines).hasSize(1 + 48 - 5 - 3);
        assertThat(out.toString()).contains("2 gaps, 8 bars missing (not invented)",
                "gap: 5 bars missing, opening 2025-01-01T00:00:00Z to 2025-01-01T04:00:00Z",
                "gap: 3 bars missing, opening 2025-01-01T20:00:00Z to 2025-01-01T22:00:00Z");
        assertThat(Files.readAllLines(file("SOLUSDT-1h-2025-01-01-2025-01-03.gaps.txt"))).containsExactly(
                "symbol,interval,first_missing_open,last_missing_open,missing_bars",
                "SOLUSDT,1h,2025-01-01T00:00:00Z,2025-01-01T04:00:00Z,5",
                "SOLUSDT,1h,2025-01-01T20:00:00Z,2025-01-01T22:00:00Z,3");
    }

    @Test
    void downloadsTheFundingRateHistoryPageByPage() throws IOException {
        binance.syntheticBars("BTCUSDT", START, Duration.ofDays(1), 60);
        long eightHours = Duration.ofHours(8).toMillis();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1200; i++) { // 400 days of 8-hour funding
            long at = START.minus(Duration.ofDays(400)).toEpochMilli() + i * eightHours;
            String rate = "0.000" + (10 + i % 90);
            String mark = i < 100 ? "" : "9" + i + ".50000000"; // Binance's older records carry an empty markPrice
            binance.fundingRate("BTCUSDT", at, rate, mark);
            if (at >= Instant.parse("2024-06-01T00:00:00Z").toEpochMilli() && at < START.toEpochMilli()) {
                expected.add("BTCUSDT," + at + "," + rate + "," + mark);
            }
        }

        int exit = download("BTCUSDT", "1d", "2024-06-01", "2025-01-01", "--funding");

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(file("BTCUSDT-fundingRate-2024-06-01-2025-01-01.csv"));
        assertThat(lines.get(0)).isEqualTo("symbol,fundingTime,fundingRate,markPrice");
        assertThat(lines.subList(1, lines.size())).containsExactlyElementsOf(expected);
        List<FakeBinance.Request> funding = binance.requests().stream()
                .filter(r -> r.path().equals("/fapi/v1/fundingRate")).toList();
        assertThat(funding).allSatisfy(r -> assertThat(r.query()).containsEntry("limit", "1000"));
        assertThat(funding.get(0).param("startTime")).isEqualTo(Instant.parse("2024-06-01T00:00:00Z").toEpochMilli());
        assertThat(funding.get(0).param("endTime")).isEqualTo(START.toEpochMilli() - 1);
        assertThat(out.toString()).contains("BTCUSDT: " + expected.size() + " funding rates in");
    }

    @Test
    void resumesAnInterruptedFundingFileAfterItsLastCompleteRate() throws IOException {
        binance.syntheticBars("BTCUSDT", START, Duration.ofDays(1), 10);
        long eightHours = Duration.ofHours(8).toMillis();
        for (int i = 0; i < 1500; i++) {
            binance.fundingRate("BTCUSDT", START.toEpochMilli() - (1500 - i) * eightHours, "0.0001" + i % 10,
                    "9" + i + ".5");
        }
        Path fresh = dir.resolve("fresh");
        assertThat(download(fresh, "BTCUSDT", "1d", "2024-01-01", "2025-01-01", "--funding")).isZero();
        Path name = Path.of("BTCUSDT-fundingRate-2024-01-01-2025-01-01.csv");
        List<String> lines = Files.readAllLines(fresh.resolve(name));
        Path resumed = Files.createDirectories(dir.resolve("resumed"));
        Files.writeString(resumed.resolve(name), String.join("\n", lines.subList(0, 501)) + "\n"
                + lines.get(501).substring(0, 12));
        int requestsBefore = binance.requests().size();

        int exit = download(resumed, "BTCUSDT", "1d", "2024-01-01", "2025-01-01", "--funding");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readAllBytes(resumed.resolve(name))).isEqualTo(Files.readAllBytes(fresh.resolve(name)));
        FakeBinance.Request firstFunding = binance.requests().subList(requestsBefore, binance.requests().size())
                .stream().filter(r -> r.path().equals("/fapi/v1/fundingRate")).findFirst().orElseThrow();
        assertThat(firstFunding.param("startTime")).isEqualTo(Long.parseLong(lines.get(500).split(",")[1]) + 1);
        assertThat(out.toString()).contains("resuming BTCUSDT-fundingRate-2024-01-01-2025-01-01.csv");
    }

    @Test
    void retriesAServerErrorOfBinance() throws IOException {
        binance.syntheticBars("BTCUSDT", START, FIVE_MINUTES, BARS);
        binance.thenAnswer(503, Map.of(), "{\"code\":-1001,\"msg\":\"Internal error; unable to process your request."
                + " Please try again.\"}");

        int exit = download("BTCUSDT", "5m", "2025-01-01", "2025-01-15");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(binance.requests()).hasSize(4);
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Files.readAllLines(file("BTCUSDT-5m-2025-01-01-2025-01-15.csv"))).hasSize(BARS + 1);
    }

    @Test
    void aSymbolBinanceDoesNotListIsNamedAndTheOthersStillDownload() throws IOException {
        binance.syntheticBars("ETHUSDT", START, Duration.ofHours(1), 24);

        int exit = download("NOSUCHUSDT,ETHUSDT", "1h", "2025-01-01", "2025-01-02");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("NOSUCHUSDT: Binance refused GET /fapi/v1/klines (HTTP 400): -1121 "
                + "Invalid symbol.");
        assertThat(Files.readAllLines(file("ETHUSDT-1h-2025-01-01-2025-01-02.csv"))).hasSize(25);
    }

    @Test
    void namesEveryBadOptionWithExitCode2AndSendsNothing() {
        int exit = run("--symbols", "btcusdt,ETH-USDT", "--interval", "2m", "--from", "2025-13-01", "--to",
                "yesterday", "--base-url", "ftp://example");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--symbols: 'btcusdt' is not a symbol", "--symbols: 'ETH-USDT' is not a "
                        + "symbol", "--interval: '2m' is not one of 1m, 5m, 15m, 1h, 4h, 1d",
                "--from '2025-13-01' is not a date", "--to 'yesterday' is not a date", "--out is missing",
                "--base-url 'ftp://example' is not an http(s) URL");
        assertThat(binance.requests()).isEmpty();
    }

    @Test
    void refusesAFromThatIsNotBeforeTo() {
        int exit = download("BTCUSDT", "1h", "2025-02-01", "2025-01-01");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--from 2025-02-01 is not before --to 2025-01-01");
        assertThat(binance.requests()).isEmpty();
    }

    @Test
    void refusesAnOutThatIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        int exit = run("--symbols", "BTCUSDT", "--interval", "1h", "--from", "2025-01-01", "--to", "2025-01-02",
                "--out", file.toString(), "--source", "ftp");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--out " + file + " is a file, not a directory",
                "--source: 'ftp' is not one of rest, archive");
    }

    @Test
    void refusesMissingOptionsByName() {
        int exit = run("--out", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--symbols is missing", "--interval is missing", "--from is missing",
                "--to is missing");
    }

    @Test
    void refusesAFileThatThisCommandDidNotWrite() throws IOException {
        binance.syntheticBars("BTCUSDT", START, Duration.ofHours(1), 24);
        Files.writeString(file("BTCUSDT-1h-2025-01-01-2025-01-02.csv"), "something else\n1,2,3\n");

        int exit = download("BTCUSDT", "1h", "2025-01-01", "2025-01-02");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("does not start with the header");
        assertThat(Files.readString(file("BTCUSDT-1h-2025-01-01-2025-01-02.csv"))).isEqualTo("something else\n1,2,3\n");
    }

    private Path file(String name) {
        return dir.resolve(name);
    }

    private int download(String symbols, String interval, String from, String to, String... more) {
        return download(dir, symbols, interval, from, to, more);
    }

    private int download(Path out, String symbols, String interval, String from, String to, String... more) {
        List<String> args = new ArrayList<>(List.of("--symbols", symbols, "--interval", interval, "--from", from,
                "--to", to, "--out", out.toString(), "--base-url", binance.baseUrl().toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private int run(String... args) {
        return new CommandLine(new DownloadCommand(time, time)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    private static String csv(com.fasterxml.jackson.databind.JsonNode kline) {
        List<String> fields = new ArrayList<>();
        kline.forEach(f -> fields.add(f.asText()));
        return String.join(",", fields);
    }

    private String page(int fromBar, int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = fromBar; i < fromBar + count; i++) {
            json.append(i == fromBar ? "" : ",")
                    .append(binance.kline("BTCUSDT", START.plus(FIVE_MINUTES.multipliedBy(i)).toEpochMilli()));
        }
        return json.append("]").toString();
    }
}
