package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.execution.Bar;
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
    static final BigDecimal MIN_CONFIDENCE = new BigDecimal("0.62");

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
        List<List<Bar>> series = KlineCsvFixture.series(11L, SYMBOLS, BARS, START);
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
            assertThat(base.html()).contains("<td>" + event.get("entry_price").decimalValue().toPlainString()
                    + "</td>", ">" + event.get("realized_pnl").decimalValue().toPlainString() + "</td>");
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
        metrics.get("by_strategy").forEach(s -> assertThat(strategySection)
                .contains("<tr><td>" + s.get("key").asText() + "</td><td>" + s.get("total_return").asText()));
        metrics.get("by_symbol").forEach(s -> assertThat(symbolSection)
                .contains("<tr><td>" + s.get("key").asText() + "</td><td>" + s.get("total_return").asText()));
        assertThat(html).contains("<h2>Account metrics");
    }

    @Test
    void monthlyReturnsFollowTheEquityOfThePerformanceSnapshots() {
        Map<YearMonth, BigDecimal> lastEquity = new TreeMap<>();
        List<JsonNode> snapshots = base.payloads("portfolio.performance");
        snapshots.forEach(p -> lastEquity.put(YearMonth.from(Instant.parse(p.get("as_of").asText())
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
    void higherFeesLowerTheNetPnlOfTheSameTradesByExactlyTheFeeDifference() {
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
            assertThat(low.get("realized_pnl").decimalValue().subtract(high.get("realized_pnl").decimalValue()))
                    .as(entry.getKey()).isEqualByComparingTo(feeDifference);
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

    static BigDecimal sum(List<JsonNode> payloads, String field) {
        return payloads.stream().map(p -> p.get(field).decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A fee the way an exchange charges it: notional x rate, to 8 decimals. */
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
