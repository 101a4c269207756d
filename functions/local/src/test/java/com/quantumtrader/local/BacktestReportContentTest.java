package com.quantumtrader.local;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every section of the backtest report holds what the run's events say: the report is checked against the event
 * log of the same run, never against numbers written down here. Three runs of the CLI over the same history (15
 * days across a month end, a policy of our own) differ only in their cost options.
 */
class BacktestReportContentTest {

    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");
    static final Instant START = Instant.parse("2025-01-22T00:00:00Z");
    static final int BARS = 360;
    static final BigDecimal TAKER = new BigDecimal("0.0005");
    static final BigDecimal HIGHER_TAKER = new BigDecimal("0.0010");
    static final BigDecimal MAKER = new BigDecimal("0.0001");
    static final BigDecimal FUNDING = new BigDecimal("0.0003");
    /**
     * Inside the range of the trend rule's calibrated confidences on this history (0.413 to 0.438, its base rate of
     * hitting the target): risk rejects the weakest signals and passes enough for every report section to have
     * several trades, winners and losers. At 0.43 only 3 of 21 signals passed, all winners.
     */
    static final BigDecimal MIN_CONFIDENCE = new BigDecimal("0.415");

    @TempDir
    static Path dir;
    static Path policyFile;
    static Run base;
    static Run higherFees;
    static Run noFunding;

    /** One CLI run's outputs. */
    record Run(JsonNode report, String html, List<JsonNode> events) {

        List<JsonNode> payloads(String detailType) {
            return events.stream().filter(e -> e.get("detail-type").asText().equals(detailType))
                    .map(e -> e.at("/detail/payload")).toList();
        }
    }

    @BeforeAll
    static void runTheSameHistoryWithThreeCostModels() throws IOException {
        List<List<MarketPriceUpdate>> series = KlineCsvFixture.series(11L, SYMBOLS, BARS, START);
        List<Path> files = new ArrayList<>();
        for (int s = 0; s < SYMBOLS.size(); s++) {
            files.add(KlineCsvFixture.write(dir, SYMBOLS.get(s) + "-1h-2025.csv", series.get(s), true));
        }
        String data = files.stream().map(Path::toString).collect(Collectors.joining(","));
        ObjectNode policy = (ObjectNode) EventJson.tree(PolicyDefaults.load());
        ((ObjectNode) policy.at("/limits/NORMAL")).put("min_confidence", MIN_CONFIDENCE);
        policyFile = Files.writeString(dir.resolve("policy.json"), policy.toPrettyString());

        List<String> costs = List.of("--maker-fee", MAKER.toString(), "--spread-bps", "3", "--range-slippage",
                "0.04", "--funding-rate", FUNDING.toString());
        base = backtest("base", data, costs, "--taker-fee", TAKER.toString());
        higherFees = backtest("higher-fees", data, costs, "--taker-fee", HIGHER_TAKER.toString());
        noFunding = backtest("no-funding", data, List.of(), "--no-funding");
    }

    @Test
    void listsEveryClosedTradeWithEntryExitPnlAndR() {
        List<JsonNode> closed = base.payloads("trade.closed");
        JsonNode rows = base.report().get("trades");

        assertThat(closed).hasSizeGreaterThan(3);
        assertThat(rows).hasSize(closed.size());
        for (int i = 0; i < closed.size(); i++) {
            JsonNode event = closed.get(i);
            JsonNode row = rows.get(i);
            assertThat(row.get("trade_id").asText()).isEqualTo(event.get("trade_id").asText());
            assertThat(row.get("entry_time").asText()).isEqualTo(event.get("opened_at").asText());
            assertThat(row.get("exit_time").asText()).isEqualTo(event.get("closed_at").asText());
            assertThat(row.get("entry_price").decimalValue()).isEqualByComparingTo(event.get("entry_price")
                    .decimalValue());
            assertThat(row.get("exit_price").decimalValue()).isEqualByComparingTo(event.get("exit_price")
                    .decimalValue());
            assertThat(row.get("pnl").decimalValue()).isEqualByComparingTo(event.get("realized_pnl").decimalValue());
            assertThat(row.get("fees").decimalValue()).isEqualByComparingTo(event.get("fees").decimalValue());
            if (event.path("r_multiple").isNull() || event.path("r_multiple").isMissingNode()) {
                assertThat(row.get("r").isNull()).isTrue();
            } else {
                assertThat(row.get("r").decimalValue()).isEqualByComparingTo(event.get("r_multiple").decimalValue());
            }
            assertThat(base.html()).contains("<td>" + BacktestReport.plain(event.get("entry_price").decimalValue())
                    + "</td>", ">" + BacktestReport.fixed(event.get("realized_pnl").decimalValue(), 2) + "</td>");
        }
        assertThat(base.html()).contains("<h2>Trades (" + closed.size() + ")</h2>");
    }

    @Test
    void countsRejectedSignalsByTheReasonRiskGave() {
        Map<String, Long> expected = base.payloads("risk.signal.rejected").stream()
                .collect(Collectors.groupingBy(p -> p.get("reason_code").asText(), TreeMap::new,
                        Collectors.counting()));
        Map<String, Long> reported = new TreeMap<>();
        base.report().get("rejected_signals_by_reason").fields()
                .forEachRemaining(e -> reported.put(e.getKey(), e.getValue().asLong()));

        assertThat(expected).containsKey("LOW_CONFIDENCE");
        assertThat(reported).isEqualTo(expected);
        expected.forEach((reason, count) -> assertThat(base.html())
                .contains("<tr><th>" + reason + "</th><td>" + count + "</td></tr>"));
    }

    @Test
    void splitsTheAnalyzersLastMetricsIntoAccountStrategyAndSymbolSections() {
        List<JsonNode> published = base.payloads("portfolio.metrics.reported");
        JsonNode last = published.get(published.size() - 1);
        JsonNode metrics = base.report().get("portfolio_metrics");

        ObjectNode account = last.deepCopy();
        account.remove("slices");
        assertThat(metrics.get("account")).isEqualTo(account);
        assertThat(metrics.get("total")).isEqualTo(slices(last, "TOTAL").get(0));
        assertThat(metrics.get("by_strategy")).containsExactlyElementsOf(slices(last, "STRATEGY"));
        assertThat(metrics.get("by_symbol")).containsExactlyElementsOf(slices(last, "SYMBOL"));
        // and the per-symbol trade counts are those of the trades closed up to the report
        Instant asOf = Instant.parse(last.get("as_of").asText());
        for (JsonNode symbol : metrics.get("by_symbol")) {
            long closed = base.payloads("trade.closed").stream()
                    .filter(t -> t.get("symbol").asText().equals(symbol.get("key").asText()))
                    .filter(t -> !Instant.parse(t.get("closed_at").asText()).isAfter(asOf)).count();
            assertThat(symbol.get("trades").asLong()).as(symbol.get("key").asText()).isEqualTo(closed);
        }
        assertThat(metrics.get("by_symbol")).extracting(s -> s.get("key").asText())
                .containsExactlyInAnyOrderElementsOf(SYMBOLS);

        String html = base.html();
        String strategySection = between(html, "<h2>Per-strategy metrics</h2>", "<h2>Per-symbol metrics</h2>");
        String symbolSection = between(html, "<h2>Per-symbol metrics</h2>", "<h2>Policy used</h2>");
        metrics.get("by_strategy").forEach(s -> assertThat(strategySection).contains("<tr><td>"
                + s.get("key").asText() + "</td><td class=\"" + (s.get("total_return").decimalValue().signum() < 0
                ? "neg" : "pos") + "\">" + BacktestReport.percent(s.get("total_return").decimalValue()) + "</td>"));
        metrics.get("by_symbol").forEach(s -> assertThat(symbolSection).contains("<tr><td>"
                + s.get("key").asText() + "</td><td class=\"" + (s.get("total_return").decimalValue().signum() < 0
                ? "neg" : "pos") + "\">" + BacktestReport.percent(s.get("total_return").decimalValue()) + "</td>"));
        assertThat(html).contains("<h2>Account metrics");
    }

    @Test
    void monthlyReturnsFollowTheEquityOfThePerformanceSnapshots() {
        Map<YearMonth, BigDecimal> lastEquity = new TreeMap<>();
        List<JsonNode> snapshots = base.payloads("portfolio.performance");
        // a snapshot at midnight closes the month before it
        snapshots.forEach(p -> lastEquity.put(YearMonth.from(Instant.parse(p.get("as_of").asText()).minusNanos(1)
                .atZone(ZoneOffset.UTC)), p.get("equity").decimalValue()));
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        BigDecimal previous = snapshots.get(0).get("equity").decimalValue();
        for (Map.Entry<YearMonth, BigDecimal> month : lastEquity.entrySet()) {
            expected.put(month.getKey().toString(), month.getValue().divide(previous, 6, RoundingMode.HALF_EVEN)
                    .subtract(BigDecimal.ONE));
            previous = month.getValue();
        }

        JsonNode monthly = base.report().get("monthly_returns");
        assertThat(expected).containsOnlyKeys("2025-01", "2025-02");
        assertThat(monthly).hasSize(expected.size());
        for (JsonNode row : monthly) {
            assertThat(row.get("return").decimalValue()).as(row.get("month").asText())
                    .isEqualByComparingTo(expected.get(row.get("month").asText()));
            assertThat(base.html()).contains("<tr><td>" + row.get("month").asText() + "</td><td class=");
        }
    }

    @Test
    void statesThePolicyItRanWith() throws IOException {
        JsonNode used = EventJson.tree(PolicyValidator.parseAndValidate(Files.readString(policyFile)));

        assertThat(base.report().get("policy").toString()).isEqualTo(used.toString());
        assertThat(base.report().at("/policy/limits/NORMAL/min_confidence").decimalValue())
                .isEqualByComparingTo(MIN_CONFIDENCE);
        assertThat(between(base.html(), "<h2>Policy used</h2>", "</pre>")).contains("&quot;min_confidence&quot; : "
                + MIN_CONFIDENCE.toPlainString());
    }

    @Test
    void statesTheCostModelItRanWith() {
        JsonNode model = base.report().get("cost_model");

        assertThat(model.get("taker_fee_rate").decimalValue()).isEqualByComparingTo(TAKER);
        assertThat(model.get("maker_fee_rate").decimalValue()).isEqualByComparingTo(MAKER);
        assertThat(model.get("spread_bps").decimalValue()).isEqualByComparingTo("3");
        assertThat(model.get("range_slippage_fraction").decimalValue()).isEqualByComparingTo("0.04");
        assertThat(model.get("funding_rate_per_interval").decimalValue()).isEqualByComparingTo(FUNDING);
        assertThat(model.get("funding_enabled").asBoolean()).isTrue();
        assertThat(noFunding.report().at("/cost_model/funding_enabled").asBoolean()).isFalse();
        assertThat(noFunding.report().at("/cost_model/taker_fee_rate").decimalValue())
                .isEqualByComparingTo(CostModel.defaults().takerFeeRate());
        assertThat(between(base.html(), "<h2>Cost model</h2>", "<h2>Costs paid</h2>"))
                .contains("<tr><th>taker_fee_rate</th><td>" + TAKER.toPlainString() + "</td></tr>");
    }

    @Test
    void feesInTheReportAreTheSumOfTheFillFeesEachChargedAtTheGivenRates() {
        List<JsonNode> fills = base.payloads("execution.order.filled");
        BigDecimal sum = fills.stream().map(f -> f.get("fee").decimalValue()).reduce(BigDecimal.ZERO,
                BigDecimal::add);

        assertThat(fills).isNotEmpty();
        long takers = fills.stream().filter(f -> chargedAt(f, TAKER)).count();
        long makers = fills.stream().filter(f -> chargedAt(f, MAKER)).count();
        assertThat(takers + makers).as("every fill pays the taker or the maker rate").isEqualTo(fills.size());
        assertThat(takers).isPositive();
        assertThat(base.report().at("/costs/fees_paid").decimalValue()).isEqualByComparingTo(sum);
        assertThat(base.report().at("/summary/fees_paid").decimalValue()).isEqualByComparingTo(sum);
        assertThat(base.report().at("/costs/fills").asInt()).isEqualTo(fills.size());
        assertThat(base.report().at("/costs/fills_at_taker_rate").asLong()).isEqualTo(takers);
        assertThat(base.report().at("/costs/fills_at_maker_rate").asLong()).isEqualTo(makers);
        // the portfolio's own ledger charged the same fees
        assertThat(base.report().at("/portfolio_metrics/account/fees").decimalValue()).isEqualByComparingTo(
                feesUpTo(base, Instant.parse(base.report().at("/portfolio_metrics/account/as_of").asText())));
    }

    @Test
    void higherFeesLowerTheNetPnlOfTheSameTradesByExactlyTheFeeDifferenceBeforeRounding() {
        Map<String, JsonNode> cheap = bySignal(base.payloads("trade.closed"));
        Map<String, JsonNode> dear = bySignal(higherFees.payloads("trade.closed"));
        int compared = 0;
        for (Map.Entry<String, JsonNode> entry : cheap.entrySet()) {
            JsonNode low = entry.getValue();
            JsonNode high = dear.get(entry.getKey());
            if (high == null || !sameTrade(low, high)) {
                continue; // sizing follows equity, so later trades may differ once fees made it differ
            }
            List<JsonNode> fills = fillsOf(base, entry.getKey());
            assertThat(fills).extracting(f -> f.get("price").decimalValue().toPlainString() + "x"
                    + f.get("quantity").decimalValue().toPlainString())
                    .isEqualTo(fillsOf(higherFees, entry.getKey()).stream().map(f -> f.get("price").decimalValue()
                            .toPlainString() + "x" + f.get("quantity").decimalValue().toPlainString()).toList());
            BigDecimal feeDifference = BigDecimal.ZERO;
            for (JsonNode fill : fills.stream().filter(f -> chargedAt(f, TAKER)).toList()) {
                feeDifference = feeDifference.add(charge(fill, HIGHER_TAKER)).subtract(charge(fill, TAKER));
            }

            assertThat(feeDifference).isPositive();
            assertThat(high.get("fees").decimalValue().subtract(low.get("fees").decimalValue()))
                    .as(entry.getKey()).isEqualByComparingTo(feeDifference);
            // funding amounts carry 9 decimals, so each run's P&L is rounded once, to 8: the two P&Ls differ by the
            // fee difference before that rounding (after it, by up to 1e-8 more on a HALF_EVEN tie)
            BigDecimal unroundedLow = unroundedPnl(base, low);
            assertThat(low.get("realized_pnl").decimalValue()).as(entry.getKey())
                    .isEqualByComparingTo(unroundedLow.setScale(8, RoundingMode.HALF_EVEN));
            assertThat(high.get("realized_pnl").decimalValue()).as(entry.getKey())
                    .isEqualByComparingTo(unroundedLow.subtract(feeDifference).setScale(8, RoundingMode.HALF_EVEN));
            assertThat(unroundedPnl(higherFees, high)).isEqualByComparingTo(unroundedLow.subtract(feeDifference));
            assertThat(low.get("funding").decimalValue()).isEqualByComparingTo(high.get("funding").decimalValue());
            compared++;
        }
        // the first trade is sized before any fee was paid, so at least it is the same trade in both runs
        assertThat(compared).isGreaterThanOrEqualTo(1);
        assertThat(higherFees.report().at("/costs/fees_paid").decimalValue())
                .isGreaterThan(base.report().at("/costs/fees_paid").decimalValue());
    }

    @Test
    void theExchangeChargesFundingAtTheGivenRateLongsPayingAndNothingWhenSwitchedOff() {
        List<JsonNode> payments = base.payloads("execution.funding.paid");

        assertThat(payments).isNotEmpty();
        for (JsonNode p : payments) {
            BigDecimal position = p.get("position_quantity").decimalValue();
            assertThat(p.get("funding_rate").decimalValue()).isEqualByComparingTo(FUNDING);
            assertThat(p.get("amount").decimalValue()).as(p.toString()).isEqualByComparingTo(position.negate()
                    .multiply(p.get("mark_price").decimalValue()).multiply(FUNDING));
            assertThat(p.get("amount").decimalValue().signum()).as("a positive rate: longs pay, shorts receive")
                    .isEqualTo(-position.signum());
            assertThat(Instant.parse(p.get("funding_time").asText()).getEpochSecond() % (8 * 3600)).isZero();
        }
        assertThat(noFunding.payloads("execution.funding.paid")).isEmpty();
        assertThat(noFunding.payloads("trade.closed")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("funding").decimalValue()).isZero());
        assertThat(noFunding.report().at("/costs/funding_paid").decimalValue()).isZero();
        assertThat(noFunding.report().at("/portfolio_metrics/account/funding").decimalValue()).isZero();
    }

    @Test
    void eachTradesFundingIsExactlyWhatTheExchangePaidWhileItWasOpen() {
        List<JsonNode> payments = base.payloads("execution.funding.paid");
        List<JsonNode> closed = base.payloads("trade.closed");
        BigDecimal onTrades = BigDecimal.ZERO;
        List<JsonNode> onNoClosedTrade = new ArrayList<>(payments);
        for (JsonNode trade : closed) {
            List<JsonNode> during = payments.stream().filter(p -> p.get("symbol").equals(trade.get("symbol")))
                    .filter(p -> Instant.parse(p.get("funding_time").asText())
                            .isAfter(Instant.parse(trade.get("opened_at").asText())))
                    .filter(p -> !Instant.parse(p.get("funding_time").asText())
                            .isAfter(Instant.parse(trade.get("closed_at").asText())))
                    .toList();
            BigDecimal paid = sum(during, "amount");
            assertThat(trade.get("funding").decimalValue()).as(trade.get("trade_id").asText())
                    .isEqualByComparingTo(paid.setScale(8, RoundingMode.HALF_EVEN));
            onTrades = onTrades.add(trade.get("funding").decimalValue());
            onNoClosedTrade.removeAll(during);
        }
        JsonNode costs = base.report().get("costs");

        assertThat(closed.stream().filter(t -> t.get("funding").decimalValue().signum() != 0)).isNotEmpty();
        assertThat(costs.get("funding_payments").asInt()).isEqualTo(payments.size());
        assertThat(costs.get("funding_paid").decimalValue()).isEqualByComparingTo(sum(payments, "amount"));
        assertThat(base.report().at("/summary/funding_paid").decimalValue()).isEqualByComparingTo(
                sum(payments, "amount"));
        assertThat(costs.get("funding_on_closed_trades").decimalValue()).isEqualByComparingTo(onTrades);
        // the rest was paid on the positions still open at the end (each trade's share is rounded to 8 decimals)
        assertThat(costs.get("funding_not_on_closed_trades").decimalValue())
                .isCloseTo(sum(onNoClosedTrade, "amount"), org.assertj.core.data.Offset.offset(
                        new BigDecimal("0.00000001").multiply(BigDecimal.valueOf(closed.size()))));
    }

    @Test
    void thePortfoliosAccountFundingIsTheExchangesPaymentsUpToItsLastReport() {
        Instant asOf = Instant.parse(base.report().at("/portfolio_metrics/account/as_of").asText());
        List<JsonNode> reported = base.events().stream()
                .filter(e -> e.get("detail-type").asText().equals("execution.funding.paid"))
                .filter(e -> !Instant.parse(e.at("/detail/occurred_at").asText()).isAfter(asOf))
                .map(e -> e.at("/detail/payload")).toList();

        assertThat(reported).isNotEmpty();
        assertThat(base.report().at("/portfolio_metrics/account/funding").decimalValue())
                .isEqualByComparingTo(sum(reported, "amount").setScale(8, RoundingMode.HALF_EVEN));
    }

    @Test
    void statesOneMaxDrawdownOfTheSnapshotCurveWithItsPeakTroughAndDates() {
        List<JsonNode> snapshots = base.payloads("portfolio.performance");
        int trough = 0;
        for (int i = 0; i < snapshots.size(); i++) {
            if (snapshots.get(i).get("drawdown").decimalValue()
                    .compareTo(snapshots.get(trough).get("drawdown").decimalValue()) > 0) {
                trough = i;
            }
        }
        JsonNode bottom = snapshots.get(trough);
        BigDecimal peak = bottom.get("peak_equity").decimalValue();
        String peakAt = snapshots.get(0).get("as_of").asText();
        for (int i = trough - 1; i >= 0; i--) {
            if (snapshots.get(i).get("equity").decimalValue().compareTo(peak) >= 0) {
                peakAt = snapshots.get(i).get("as_of").asText();
                break;
            }
        }
        JsonNode summary = base.report().get("summary");

        assertThat(bottom.get("drawdown").decimalValue()).isPositive();
        assertThat(summary.get("max_drawdown").decimalValue()).isEqualByComparingTo(bottom.get("drawdown")
                .decimalValue());
        assertThat(summary.get("max_drawdown_curve").asText()).contains("portfolio.performance");
        assertThat(summary.get("max_drawdown_peak_equity").decimalValue()).isEqualByComparingTo(peak);
        assertThat(summary.get("max_drawdown_trough_equity").decimalValue()).isEqualByComparingTo(
                bottom.get("equity").decimalValue());
        assertThat(summary.get("max_drawdown_start").asText()).isEqualTo(peakAt);
        assertThat(summary.get("max_drawdown_end").asText()).isEqualTo(bottom.get("as_of").asText());
        // one figure on the page: the analyzer's daily-close drawdown is left out of the metrics tables
        assertThat(base.html().split("<th>max_drawdown</th>", -1)).hasSize(2);
        assertThat(base.html()).contains("<tr><th>max_drawdown</th>" + BacktestReport.cell("max_drawdown",
                summary.get("max_drawdown")) + "</tr>");
    }

    @Test
    void dailyAndMonthlyReturnsEndWithTheLastBarsDay() {
        List<JsonNode> snapshots = base.payloads("portfolio.performance");
        Instant lastClose = Instant.parse(base.report().at("/run/last_bar_close").asText());
        JsonNode daily = base.report().get("daily_returns");
        JsonNode monthly = base.report().get("monthly_returns");

        // the run ends at 2025-02-06T00:00: the last day is the 5th, with no empty day for the 6th
        assertThat(lastClose).isEqualTo(START.plus(java.time.Duration.ofHours(BARS)));
        assertThat(snapshots.get(snapshots.size() - 1).get("as_of").asText()).isEqualTo(lastClose.toString());
        assertThat(daily.get(daily.size() - 1).get("day").asText()).isEqualTo("2025-02-05");
        assertThat(monthly.get(monthly.size() - 1).get("month").asText()).isEqualTo("2025-02");
        // every day's return is its last snapshot's equity over the day before's
        Map<String, BigDecimal> lastOfDay = new TreeMap<>();
        snapshots.forEach(p -> lastOfDay.put(Instant.parse(p.get("as_of").asText()).minusNanos(1)
                .atZone(ZoneOffset.UTC).toLocalDate().toString(), p.get("equity").decimalValue()));
        BigDecimal previous = snapshots.get(0).get("equity").decimalValue();
        int i = 0;
        for (Map.Entry<String, BigDecimal> day : lastOfDay.entrySet()) {
            assertThat(daily.get(i).get("day").asText()).isEqualTo(day.getKey());
            assertThat(daily.get(i).get("return").decimalValue()).as(day.getKey()).isEqualByComparingTo(
                    day.getValue().divide(previous, 6, RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE));
            previous = day.getValue();
            i++;
        }
        assertThat(daily).hasSize(lastOfDay.size());
    }

    @Test
    void groupsTheClosedTradesBySymbolSideAndExitReason() {
        List<JsonNode> closed = base.payloads("trade.closed");
        BigDecimal start = base.payloads("portfolio.performance").get(0).get("equity").decimalValue();
        JsonNode stats = base.report().get("trade_statistics");

        assertThat(closed.stream().map(t -> t.get("exit_reason").asText()).distinct()).hasSizeGreaterThan(1);
        checkGroups(stats.get("by_symbol"), closed, "symbol", start);
        checkGroups(stats.get("by_side"), closed, "side", start);
        checkGroups(stats.get("by_exit_reason"), closed, "exit_reason", start);
        assertThat(stats.get("by_side")).extracting(g -> g.get("key").asText()).containsExactly("LONG", "SHORT");
        assertThat(stats.at("/total/trades").asInt()).isEqualTo(closed.size());
        String html = between(base.html(), "<h2>Trades by symbol</h2>", "<h2>Long and short</h2>");
        for (JsonNode group : stats.get("by_symbol")) {
            assertThat(html).contains("<tr><td>" + group.get("key").asText() + "</td><td>"
                    + group.get("trades").asInt() + "</td>");
        }
        assertThat(between(base.html(), "<h2>Exit reasons</h2>", "<h2>Best and worst trade</h2>"))
                .contains("<td>" + closed.get(0).get("exit_reason").asText() + "</td>");
    }

    @Test
    void namesTheBestAndWorstTradeTheBestAndWorstDayAndTheLongestStreaks() {
        List<JsonNode> closed = base.payloads("trade.closed");
        JsonNode best = closed.get(0);
        JsonNode worst = closed.get(0);
        int wins = 0;
        int losses = 0;
        int longestWins = 0;
        int longestLosses = 0;
        for (JsonNode trade : closed) {
            if (pnlPct(trade).compareTo(pnlPct(best)) > 0) {
                best = trade;
            }
            if (pnlPct(trade).compareTo(pnlPct(worst)) < 0) {
                worst = trade;
            }
            int sign = trade.get("realized_pnl").decimalValue().signum();
            wins = sign > 0 ? wins + 1 : 0;
            losses = sign < 0 ? losses + 1 : 0;
            longestWins = Math.max(longestWins, wins);
            longestLosses = Math.max(longestLosses, losses);
        }
        JsonNode report = base.report();
        Map<String, BigDecimal> days = new TreeMap<>();
        report.get("daily_returns").forEach(d -> days.put(d.get("day").asText(), d.get("return").decimalValue()));
        String bestDay = days.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String worstDay = days.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();

        assertThat(report.at("/trade_statistics/best_trade/trade_id").asText()).isEqualTo(best.get("trade_id").asText());
        assertThat(report.at("/trade_statistics/worst_trade/trade_id").asText())
                .isEqualTo(worst.get("trade_id").asText());
        assertThat(report.at("/trade_statistics/best_trade/pnl_pct").decimalValue()).isEqualByComparingTo(pnlPct(best));
        assertThat(report.at("/summary/longest_winning_streak").asInt()).isEqualTo(longestWins).isPositive();
        assertThat(report.at("/summary/longest_losing_streak").asInt()).isEqualTo(longestLosses).isPositive();
        assertThat(report.at("/summary/best_day").asText()).isEqualTo(bestDay);
        assertThat(report.at("/summary/worst_day").asText()).isEqualTo(worstDay);
        assertThat(report.at("/summary/best_day_return").decimalValue()).isEqualByComparingTo(days.get(bestDay));
    }

    @Test
    void statesEachSymbolsMarketChangeFromFirstToLastClose() {
        List<JsonNode> bars = base.payloads("market.price.update");
        JsonNode changes = base.report().get("market_change");

        assertThat(changes).extracting(c -> c.get("symbol").asText()).containsExactlyElementsOf(SYMBOLS);
        for (JsonNode change : changes) {
            List<JsonNode> own = bars.stream().filter(b -> b.get("symbol").equals(change.get("symbol"))).toList();
            BigDecimal first = own.get(0).get("close").decimalValue();
            BigDecimal last = own.get(own.size() - 1).get("close").decimalValue();
            assertThat(own).hasSize(BARS);
            assertThat(change.get("first_close").decimalValue()).isEqualByComparingTo(first);
            assertThat(change.get("last_close").decimalValue()).isEqualByComparingTo(last);
            assertThat(change.get("change").decimalValue()).isEqualByComparingTo(last.subtract(first)
                    .divide(first, 6, RoundingMode.HALF_EVEN));
            assertThat(base.html()).contains("<td>" + BacktestReport.plain(last) + "</td>");
        }
    }

    @Test
    void statesTheCompoundAnnualGrowthOverTheRunsPeriod() {
        List<JsonNode> bars = base.payloads("market.price.update");
        Instant start = Instant.parse(bars.get(0).get("open_time").asText());
        Instant end = Instant.parse(bars.get(bars.size() - 1).get("close_time").asText());
        JsonNode summary = base.report().get("summary");
        double growth = summary.get("end_equity").doubleValue() / summary.get("start_equity").doubleValue();
        double years = java.time.Duration.between(start, end).getSeconds() / (365.25 * 86_400);

        assertThat(summary.get("period_start").asText()).isEqualTo(start.toString());
        assertThat(summary.get("period_end").asText()).isEqualTo(end.toString());
        assertThat(summary.get("cagr").doubleValue()).isCloseTo(Math.pow(growth, 1 / years) - 1,
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void saysWhichFileBecameWhichSymbol() {
        JsonNode files = base.report().at("/run/file_symbols");

        assertThat(files).hasSize(SYMBOLS.size());
        for (int i = 0; i < SYMBOLS.size(); i++) {
            int index = i;
            long bars = base.payloads("market.price.update").stream()
                    .filter(b -> b.get("symbol").asText().equals(SYMBOLS.get(index))).count();
            assertThat(files.get(i).get("file").asText()).isEqualTo(SYMBOLS.get(i) + "-1h-2025.csv");
            assertThat(files.get(i).get("symbol").asText()).isEqualTo(SYMBOLS.get(i));
            assertThat(files.get(i).get("interval").asText()).isEqualTo("1h");
            assertThat(files.get(i).get("rows").asLong()).isEqualTo(bars);
            assertThat(base.html()).contains("<tr><td>" + SYMBOLS.get(i) + "-1h-2025.csv</td><td>" + SYMBOLS.get(i)
                    + "</td><td>1h</td><td>file name</td><td>" + bars + "</td></tr>");
        }
    }

    @Test
    void writesNumbersForPeopleAndChartsWithAxesAndDates() throws IOException {
        String json = Files.readString(dir.resolve("base/report/report.json"));
        String html = base.html();

        String exponent = "(?<![A-Za-z0-9])-?[0-9]+(\\.[0-9]+)?E[-+]?[0-9]+(?![A-Za-z0-9])";
        assertThat(json).doesNotContainPattern(exponent);
        assertThat(html).doesNotContainPattern(exponent);
        assertThat(html).contains("<tr><th>total_return</th>" + BacktestReport.cell("total_return",
                base.report().at("/summary/total_return")) + "</tr>");
        assertThat(BacktestReport.cell("total_return", base.report().at("/summary/total_return")))
                .matches("<td class=\"(pos|neg)\">-?[0-9]+\\.[0-9]{2} %</td>");
        assertThat(BacktestReport.cell("end_equity", base.report().at("/summary/end_equity")))
                .matches("<td class=\"(pos|neg)\">-?[0-9]+\\.[0-9]{2}</td>");
        // two charts, each with five value ticks, seven dated time ticks from the run's first to its last day
        assertThat(html.split("class=\"y-tick\"", -1)).hasSize(2 * 5 + 1);
        assertThat(html.split("class=\"x-tick\"", -1)).hasSize(2 * 7 + 1);
        assertThat(html).contains(">2025-01-22</text>", ">2025-02-06</text>", ">time (UTC)</text>",
                ">equity, USDT</text>");
    }

    static BigDecimal pnlPct(JsonNode trade) {
        return trade.get("realized_pnl").decimalValue().divide(trade.get("entry_price").decimalValue()
                .multiply(trade.get("quantity").decimalValue()), 6, RoundingMode.HALF_EVEN);
    }

    /** Each group of the report against the trades of the event log with that value of {@code field}. */
    static void checkGroups(JsonNode groups, List<JsonNode> closed, String field, BigDecimal startEquity) {
        Map<String, List<JsonNode>> byKey = closed.stream().collect(Collectors.groupingBy(
                t -> t.get(field).asText(), TreeMap::new, Collectors.toList()));
        for (JsonNode group : groups) {
            List<JsonNode> members = byKey.getOrDefault(group.get("key").asText(), List.of());
            long wins = members.stream().filter(t -> t.get("realized_pnl").decimalValue().signum() > 0).count();
            BigDecimal total = sum(members, "realized_pnl");
            assertThat(group.get("trades").asLong()).as(group.toString()).isEqualTo(members.size());
            assertThat(group.get("wins").asLong()).as(group.toString()).isEqualTo(wins);
            if (members.isEmpty()) {
                continue;
            }
            long seconds = members.stream().mapToLong(t -> java.time.Duration.between(
                    Instant.parse(t.get("opened_at").asText()), Instant.parse(t.get("closed_at").asText()))
                    .getSeconds()).sum();
            BigDecimal averagePct = members.stream().map(BacktestReportContentTest::pnlPct)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(members.size()), 6, RoundingMode.HALF_EVEN);
            assertThat(group.get("win_rate").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(wins)
                    .divide(BigDecimal.valueOf(members.size()), 6, RoundingMode.HALF_EVEN));
            assertThat(group.get("total_pnl").decimalValue()).isEqualByComparingTo(total);
            assertThat(group.get("total_pnl_pct").decimalValue()).isEqualByComparingTo(total.divide(startEquity, 6,
                    RoundingMode.HALF_EVEN));
            assertThat(group.get("average_pnl_pct").decimalValue()).isEqualByComparingTo(averagePct);
            assertThat(group.get("average_duration_seconds").asLong())
                    .isEqualTo(Math.round((double) seconds / members.size()));
        }
        long grouped = 0;
        for (JsonNode group : groups) {
            grouped += group.get("trades").asLong();
        }
        assertThat(grouped).as("every trade in exactly one group").isEqualTo(closed.size());
    }

    static BigDecimal sum(List<JsonNode> payloads, String field) {
        return payloads.stream().map(p -> p.get(field).decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A fee the way an exchange charges it: notional x rate, to 8 decimals. */
    /**
     * A closed trade's P&L from the run's own events before rounding: exit proceeds minus entry cost (by side), minus
     * every fee of its fills, plus the funding settled on it while it was open (checked against the trade's rounded
     * funding, so a wrong window fails here).
     */
    static BigDecimal unroundedPnl(Run run, JsonNode trade) {
        String symbol = trade.get("symbol").asText();
        BigDecimal sign = trade.get("side").asText().equals("LONG") ? BigDecimal.ONE : BigDecimal.ONE.negate();
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (JsonNode fill : fillsOf(run, trade.get("signal_id").asText())) {
            BigDecimal notional = fill.get("price").decimalValue().multiply(fill.get("quantity").decimalValue());
            gross = fill.get("purpose").asText().equals("ENTRY") ? gross.subtract(notional) : gross.add(notional);
            fees = fees.add(fill.get("fee").decimalValue());
        }
        Instant opened = Instant.parse(trade.get("opened_at").asText());
        Instant closed = Instant.parse(trade.get("closed_at").asText());
        BigDecimal funding = run.payloads("execution.funding.paid").stream()
                .filter(p -> p.get("symbol").asText().equals(symbol))
                .filter(p -> p.get("position_quantity").decimalValue().signum() == sign.signum())
                .filter(p -> !Instant.parse(p.get("funding_time").asText()).isBefore(opened)
                        && !Instant.parse(p.get("funding_time").asText()).isAfter(closed))
                .map(p -> p.get("amount").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(funding.setScale(8, RoundingMode.HALF_EVEN)).as("funding of %s", trade)
                .isEqualByComparingTo(trade.get("funding").decimalValue());
        return gross.multiply(sign).subtract(fees).add(funding);
    }

    static BigDecimal charge(JsonNode fill, BigDecimal rate) {
        return fill.get("price").decimalValue().multiply(fill.get("quantity").decimalValue()).multiply(rate)
                .setScale(8, RoundingMode.HALF_EVEN);
    }

    static boolean chargedAt(JsonNode fill, BigDecimal rate) {
        return fill.get("fee").decimalValue().compareTo(charge(fill, rate)) == 0;
    }

    static List<JsonNode> slices(JsonNode metrics, String scope) {
        List<JsonNode> slices = new ArrayList<>();
        metrics.get("slices").forEach(s -> {
            if (s.get("scope").asText().equals(scope)) {
                slices.add(s);
            }
        });
        return slices;
    }

    static BigDecimal feesUpTo(Run run, Instant asOf) {
        return run.payloads("execution.order.filled").stream()
                .filter(f -> !Instant.parse(f.get("filled_at").asText()).isAfter(asOf))
                .map(f -> f.get("fee").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Map<String, JsonNode> bySignal(List<JsonNode> trades) {
        Map<String, JsonNode> bySignal = new LinkedHashMap<>();
        trades.forEach(t -> bySignal.put(t.get("signal_id").asText(), t));
        return bySignal;
    }

    static boolean sameTrade(JsonNode a, JsonNode b) {
        return Stream.of("symbol", "side", "opened_at", "closed_at").allMatch(f -> a.get(f).equals(b.get(f)))
                && Stream.of("quantity", "entry_price", "exit_price").allMatch(f -> a.get(f).decimalValue()
                        .compareTo(b.get(f).decimalValue()) == 0);
    }

    static List<JsonNode> fillsOf(Run run, String signalId) {
        return run.payloads("execution.order.filled").stream()
                .filter(f -> f.get("signal_id").asText().equals(signalId)).toList();
    }

    static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        int end = text.indexOf(to, start);
        assertThat(end).as(to).isGreaterThan(start);
        return text.substring(start, end);
    }

    static Run backtest(String name, String data, List<String> options, String... more) throws IOException {
        Path out = dir.resolve(name);
        List<String> all = new ArrayList<>(List.of("backtest", "--data", data, "--policy", policyFile.toString(),
                "--report-out", out.resolve("report").toString(), "--events-out", out.resolve("events.jsonl")
                        .toString()));
        all.addAll(options);
        all.addAll(List.of(more));
        StringWriter err = new StringWriter();
        CommandLine command = QuantumLocal.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(err));

        int exit = command.execute(all.toArray(String[]::new));

        assertThat(exit).as(err.toString()).isZero();
        return new Run(EventJson.readTree(Files.readString(out.resolve("report/report.json"))),
                Files.readString(out.resolve("report/report.html")),
                Files.readAllLines(out.resolve("events.jsonl")).stream().map(EventJson::readTree).toList());
    }
}
