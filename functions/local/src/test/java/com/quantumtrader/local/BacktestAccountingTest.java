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
 * The backtest's books add up: on a generated two-symbol history with funding on, the account's equity change is
 * exactly what the closed trades realised plus what the open positions are worth, every fill and funding payment
 * accounted once, on the trade it belongs to. Checked against the run's own event log.
 */
class BacktestAccountingTest {

    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");
    static final Instant START = Instant.parse("2025-03-01T00:00:00Z");
    // 4h bars: every other bar opens at a funding time (00:00, 08:00, 16:00 UTC), so entries filled at the open
    // of a bar that closes at one are frequent
    static final Duration BAR = Duration.ofHours(4);
    static final int BARS = 540;

    @TempDir
    static Path dir;
    static BacktestReportContentTest.Run run;

    @BeforeAll
    static void runAGeneratedHistoryWithFunding() throws IOException {
        List<List<MarketPriceUpdate>> series = KlineCsvFixture.series(23L, SYMBOLS, BARS, START, BAR);
        List<Path> files = new ArrayList<>();
        for (int s = 0; s < SYMBOLS.size(); s++) {
            files.add(KlineCsvFixture.write(dir, SYMBOLS.get(s) + "-4h-2025.csv", series.get(s), true));
        }
        ObjectNode policy = (ObjectNode) EventJson.tree(PolicyDefaults.load());
        ((ObjectNode) policy.at("/limits/NORMAL")).put("min_confidence", new BigDecimal("0.40"));
        Path policyFile = Files.writeString(dir.resolve("policy.json"), policy.toPrettyString());
        Path out = dir.resolve("run");
        StringWriter err = new StringWriter();
        CommandLine command = QuantumLocal.commandLine();
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(err));

        int exit = command.execute("backtest", "--data", files.stream().map(Path::toString)
                        .collect(Collectors.joining(",")), "--policy", policyFile.toString(), "--funding-rate", "0.0005",
                "--report-out", out.resolve("report").toString(), "--events-out", out.resolve("events.jsonl").toString());

        assertThat(exit).as(err.toString()).isZero();
        run = new BacktestReportContentTest.Run(EventJson.readTree(Files.readString(out.resolve("report/report.json"))),
                Files.readString(out.resolve("report/report.html")),
                Files.readAllLines(out.resolve("events.jsonl")).stream().map(EventJson::readTree).toList());
    }

    @Test
    void theEquityChangeIsTheClosedTradesPnlPlusTheOpenPositionsToTheCent() {
        // given the event log up to the portfolio's last performance snapshot
        List<JsonNode> events = run.events();
        int lastSnapshot = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).get("detail-type").asText().equals("portfolio.performance")) {
                lastSnapshot = i;
            }
        }
        JsonNode snapshot = events.get(lastSnapshot).at("/detail/payload");
        // when every fill, funding payment and price up to it is replayed on a book kept here, per symbol
        Map<String, OpenBook> open = new TreeMap<>();
        Map<String, BigDecimal> marks = new TreeMap<>();
        BigDecimal closedPnl = BigDecimal.ZERO;
        BigDecimal closedFunding = BigDecimal.ZERO;
        BigDecimal allFunding = BigDecimal.ZERO;
        int fundedInTheEntryBar = 0;
        List<String> chargedBeforeOpening = new ArrayList<>();
        List<String> pnlNotItsCashFeesAndFunding = new ArrayList<>();
        for (JsonNode event : events.subList(0, lastSnapshot + 1)) {
            JsonNode p = event.at("/detail/payload");
            switch (event.get("detail-type").asText()) {
                case "market.price.update" -> marks.put(p.get("symbol").asText(), p.get("close").decimalValue());
                case "execution.order.filled" -> open.computeIfAbsent(p.get("symbol").asText(), s -> new OpenBook())
                        .fill(p);
                case "execution.funding.paid" -> {
                    allFunding = allFunding.add(p.get("amount").decimalValue());
                    OpenBook book = open.get(p.get("symbol").asText());
                    assertThat(book).as("funding with no position: " + p).isNotNull();
                    assertThat(book.quantity.signum()).as("funding with no position: " + p).isNotZero();
                    if (!Instant.parse(p.get("funding_time").asText()).isAfter(book.openedAt)) {
                        chargedBeforeOpening.add(p.toString());
                    }
                    book.funding = book.funding.add(p.get("amount").decimalValue());
                    if (Instant.parse(p.get("funding_time").asText()).equals(book.openedAt.plus(BAR))) {
                        fundedInTheEntryBar++;
                    }
                }
                case "trade.closed" -> {
                    closedPnl = closedPnl.add(p.get("realized_pnl").decimalValue());
                    closedFunding = closedFunding.add(p.get("funding").decimalValue());
                    OpenBook book = open.remove(p.get("symbol").asText());
                    assertThat(book.quantity.signum()).as("closed flat: " + p).isZero();
                    assertThat(p.get("opened_at").asText()).isEqualTo(book.openedAt.toString());
                    // the trade's P&L is its cash flow less its fees plus its funding, to the 8 decimals it is kept in
                    if (p.get("realized_pnl").decimalValue().subtract(book.cash.subtract(book.fees).add(book.funding))
                            .abs().compareTo(new BigDecimal("0.0000001")) > 0) {
                        pnlNotItsCashFeesAndFunding.add(p.toString());
                    }
                }
                default -> {
                }
            }
        }
        BigDecimal openValue = BigDecimal.ZERO;
        BigDecimal openFunding = BigDecimal.ZERO;
        for (Map.Entry<String, OpenBook> entry : open.entrySet()) {
            OpenBook book = entry.getValue();
            openValue = openValue.add(book.cash.add(book.quantity.multiply(marks.get(entry.getKey())))
                    .subtract(book.fees).add(book.funding));
            openFunding = openFunding.add(book.funding);
        }
        BigDecimal change = snapshot.get("equity").decimalValue()
                .subtract(run.report().at("/policy/account_equity").decimalValue());

        // then the equity change is the closed trades' P&L plus the open positions' value, to the cent
        assertThat(run.payloads("trade.closed")).hasSizeGreaterThan(3);
        assertThat(allFunding.signum()).isNotZero();
        assertThat(change).isCloseTo(closedPnl.add(openValue), org.assertj.core.data.Offset.offset(
                new BigDecimal("0.005")));
        // and each closed trade's P&L is its fills' cash flow less fees plus the funding charged after it opened
        assertThat(pnlNotItsCashFeesAndFunding).isEmpty();
        assertThat(chargedBeforeOpening).as("funding at or before a position's own entry fill").isEmpty();
        // and every funding payment belongs to a trade, closed or still open, among them some charged at the first
        // funding time after the entry, when that came at the close of the bar the entry filled in
        assertThat(fundedInTheEntryBar).as("payments at the close of an entry's bar").isPositive();
        assertThat(closedFunding.add(openFunding)).isCloseTo(allFunding, org.assertj.core.data.Offset.offset(
                new BigDecimal("0.00000001").multiply(BigDecimal.valueOf(events.size()))));
    }

    /** One symbol's position as its fills build it: signed quantity, cash flow, fees, funding, since it opened. */
    static final class OpenBook {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal funding = BigDecimal.ZERO;
        Instant openedAt;

        void fill(JsonNode fill) {
            if (quantity.signum() == 0) {
                openedAt = Instant.parse(fill.get("filled_at").asText());
            }
            BigDecimal signed = fill.get("side").asText().equals("BUY") ? fill.get("quantity").decimalValue()
                    : fill.get("quantity").decimalValue().negate();
            quantity = quantity.add(signed);
            cash = cash.subtract(signed.multiply(fill.get("price").decimalValue()));
            fees = fees.add(fill.get("fee").decimalValue());
        }
    }
}
