package com.quantumtrader.local;

import com.quantumtrader.events.market.PriceBars;
import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backtest's promises, on seeded synthetic history written as Binance kline files: the same handlers trade it,
 * the same inputs give the same bytes, a shorter history gives the same events as far as it goes, and no order
 * fills at a price it could only have known from a later bar.
 */
class BacktestRunTest {

    static final long DATA_SEED = 3L;
    static final long RUN_SEED = 42L;
    static final int BARS = 240;
    static final int CUT = 150;
    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");

    @TempDir
    static Path dir;
    static List<List<MarketPriceUpdate>> series;
    static Path first;
    static Path second;

    @BeforeAll
    static void runTheSameBacktestTwice() {
        series = KlineCsvFixture.series(DATA_SEED, SYMBOLS, BARS);
        List<Path> files = write(dir.resolve("data"), series, BARS);
        first = dir.resolve("first");
        second = dir.resolve("second");
        backtest(files, first);
        backtest(files, second);
    }

    @Test
    void tradesTheHistoryThroughEveryDomain() throws IOException {
        Map<String, Long> counts = events(first).stream()
                .collect(Collectors.groupingBy(e -> e.get("detail-type").asText(), Collectors.counting()));

        assertThat(counts.get("market.price.update")).isEqualTo(2L * BARS);
        assertThat(counts).containsKeys("ai.signal.generated", "risk.signal.approved", "execution.order.filled",
                "portfolio.position.opened", "portfolio.performance", "portfolio.metrics.reported");
    }

    @Test
    void theSameInputsAndSeedWriteTheSameBytes() throws IOException {
        assertThat(Files.readAllBytes(first.resolve("events.jsonl")))
                .isEqualTo(Files.readAllBytes(second.resolve("events.jsonl")));
        assertThat(Files.readAllBytes(first.resolve("report/report.json")))
                .isEqualTo(Files.readAllBytes(second.resolve("report/report.json")));
        assertThat(Files.readAllBytes(first.resolve("report/report.html")))
                .isEqualTo(Files.readAllBytes(second.resolve("report/report.html")));
    }

    @Test
    void historyCutAtBarKGivesExactlyTheEventsOfTheFullRunUpToBarK() throws IOException {
        Path cut = dir.resolve("cut");
        backtest(write(dir.resolve("cut-data"), series, CUT), cut);

        List<String> full = Files.readAllLines(first.resolve("events.jsonl"));
        List<String> shorter = Files.readAllLines(cut.resolve("events.jsonl"));
        Instant cutClose = series.get(0).get(CUT - 1).closeTime();
        assertThat(shorter).isNotEmpty().hasSizeLessThan(full.size());
        assertThat(full.subList(0, shorter.size())).isEqualTo(shorter);
        // and the full run's next event already belongs to a later bar
        assertThat(Instant.parse(EventJson.readTree(full.get(shorter.size())).at("/detail/occurred_at").asText()))
                .isAfter(cutClose);
    }

    @Test
    void everyEntryFillsAtTheNextBarsOpenOrWorseNeverAtTheSignalsClose() throws IOException {
        List<EntryFill> entries = entryFills(events(first));

        assertThat(entries).isNotEmpty();
        for (EntryFill entry : entries) {
            MarketPriceUpdate next = barOpeningAt(series, entry.symbol(), entry.signalAt());
            // published once that bar closed, stamped when it traded: at the open it was priced from
            assertThat(entry.publishedAt()).as(entry.signalId()).isEqualTo(next.closeTime());
            assertThat(entry.filledAt()).as(entry.signalId()).isEqualTo(next.openTime());
            if (entry.buy()) {
                assertThat(entry.price()).as(entry.signalId()).isGreaterThanOrEqualTo(next.open());
            } else {
                assertThat(entry.price()).as(entry.signalId()).isLessThanOrEqualTo(next.open());
            }
        }
    }

    @Test
    void aJumpPlantedAfterTheSignalBarIsPaidForNotPocketed() throws IOException {
        // given the first entry of the full run, signalled at the close of bar k
        EntryFill original = entryFills(events(first)).get(0);
        int symbol = SYMBOLS.indexOf(original.symbol());
        int k = indexClosingAt(series.get(symbol), original.signalAt());
        // when every price from bar k+1 on jumps 10% in the direction the signal bets on, and the run is replayed
        BigDecimal jump = original.buy() ? new BigDecimal("1.10") : new BigDecimal("0.90");
        List<List<MarketPriceUpdate>> planted = new ArrayList<>(series);
        planted.set(symbol, series.get(symbol).stream()
                .map(bar -> bar.openTime().isBefore(original.signalAt()) ? bar : scaled(bar, jump)).toList());
        Path run = dir.resolve("planted");
        backtest(write(dir.resolve("planted-data"), planted, k + 3), run);

        // then the same signal still comes at bar k (it cannot see the jump) and fills after the jump, at its price
        EntryFill replayed = entryFills(events(run)).stream()
                .filter(e -> e.signalId().equals(original.signalId())).findFirst().orElseThrow();
        MarketPriceUpdate jumped = planted.get(symbol).get(k + 1);
        MarketPriceUpdate signalBar = planted.get(symbol).get(k);
        assertThat(replayed.signalAt()).isEqualTo(signalBar.closeTime());
        if (original.buy()) {
            assertThat(replayed.price()).isGreaterThanOrEqualTo(jumped.open()).isGreaterThan(signalBar.high());
        } else {
            assertThat(replayed.price()).isLessThanOrEqualTo(jumped.open()).isLessThan(signalBar.low());
        }
    }

    @Test
    void writesAJsonReportWithEverySectionAndASelfContainedHtmlPage() throws IOException {
        JsonNode report = EventJson.readTree(Files.readString(first.resolve("report/report.json")));
        String html = Files.readString(first.resolve("report/report.html"));

        assertThat(report.fieldNames()).toIterable().contains("run", "summary", "equity_curve", "monthly_returns",
                "trades", "rejected_signals_by_reason", "portfolio_metrics", "policy");
        assertThat(report.get("equity_curve")).hasSizeGreaterThan(100);
        assertThat(report.get("monthly_returns").get(0).get("month").asText()).isEqualTo("2025-01");
        assertThat(report.get("trades").get(0).fieldNames()).toIterable()
                .contains("entry_price", "exit_price", "pnl", "r", "entry_time", "exit_time");
        assertThat(report.at("/portfolio_metrics/by_symbol")).hasSize(SYMBOLS.size());
        assertThat(report.at("/cost_model/taker_fee_rate").decimalValue()).isPositive();
        assertThat(report.at("/policy/risk_mode").asText()).isNotEmpty();
        assertThat(report.at("/run/bars").asInt()).isEqualTo(2 * BARS);
        assertThat(html).contains("<svg", "<polyline", "Monthly returns", "Policy used")
                .doesNotContainPattern("(?i)<script[^>]+src=[\"']?https?:")
                .doesNotContainPattern("(?i)<link[^>]+href=[\"']?https?:");
    }

    /** @param publishedAt when the fill was published (the close of the bar it filled in) */
    record EntryFill(String signalId, String symbol, boolean buy, Instant signalAt, Instant publishedAt,
                     Instant filledAt, BigDecimal price) {
    }

    static List<EntryFill> entryFills(List<JsonNode> events) {
        Map<String, Instant> signalled = events.stream()
                .filter(e -> e.get("detail-type").asText().equals("ai.signal.generated"))
                .collect(Collectors.toMap(e -> e.at("/detail/payload/signal_id").asText(),
                        e -> Instant.parse(e.at("/detail/occurred_at").asText())));
        return events.stream()
                .filter(e -> e.get("detail-type").asText().equals("execution.order.filled"))
                .filter(e -> e.at("/detail/payload/purpose").asText().equals("ENTRY"))
                .map(e -> {
                    JsonNode p = e.at("/detail/payload");
                    return new EntryFill(p.get("signal_id").asText(), p.get("symbol").asText(),
                            p.get("side").asText().equals("BUY"), signalled.get(p.get("signal_id").asText()),
                            Instant.parse(e.at("/detail/occurred_at").asText()),
                            Instant.parse(p.get("filled_at").asText()), p.get("price").decimalValue());
                }).toList();
    }

    static MarketPriceUpdate barOpeningAt(List<List<MarketPriceUpdate>> series, String symbol, Instant open) {
        return series.get(SYMBOLS.indexOf(symbol)).stream().filter(b -> b.openTime().equals(open)).findFirst()
                .orElseThrow();
    }

    static int indexClosingAt(List<MarketPriceUpdate> bars, Instant close) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).closeTime().equals(close)) {
                return i;
            }
        }
        throw new AssertionError("no bar closes at " + close);
    }

    static MarketPriceUpdate scaled(MarketPriceUpdate bar, BigDecimal factor) {
        return PriceBars.bar(bar.symbol(), bar.interval(), bar.openTime(), bar.closeTime(), scale(bar.open(), factor),
                scale(bar.high(), factor), scale(bar.low(), factor), scale(bar.close(), factor), bar.volume());
    }

    static BigDecimal scale(BigDecimal price, BigDecimal factor) {
        return price.multiply(factor).setScale(price.scale(), RoundingMode.HALF_EVEN);
    }

    static List<Path> write(Path directory, List<List<MarketPriceUpdate>> bySymbol, int count) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Path> files = new ArrayList<>();
        for (int s = 0; s < SYMBOLS.size(); s++) {
            files.add(KlineCsvFixture.write(directory, SYMBOLS.get(s) + "-1h-2025-01.csv",
                    bySymbol.get(s).subList(0, count), s == 0));
        }
        return files;
    }

    static void backtest(List<Path> files, Path out) {
        KlineFiles.Loaded loaded = KlineFiles.load(files, List.of(), Optional.empty(), Optional.empty(), false);
        new BacktestCommand.Backtest(loaded, PolicyDefaults.load(), RUN_SEED, Optional.of(out.resolve("events.jsonl")),
                Optional.of(out.resolve("report"))).run(new PrintWriter(new StringWriter()), files);
    }

    static List<JsonNode> events(Path run) throws IOException {
        return Files.readAllLines(run.resolve("events.jsonl")).stream().map(EventJson::readTree).toList();
    }
}
