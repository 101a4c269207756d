package com.quantumtrader.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Rule;
import org.ta4j.core.Strategy;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The reference: ta4j's backtest of the platform's crossover on the same kline files. The AI engine's
 * {@code ma_crossover} goes long when SMA(10) of the closes crosses above SMA(30) and short when it crosses below;
 * here that is two ta4j strategies per symbol (long: enter on the cross up, exit on the cross down; short: the
 * mirror image), run by {@code BarSeriesManager} with a 4 bps transaction cost (the simulated exchange's taker fee).
 * It has no ATR filter, stops, targets, sizing, risk checks, events or state: it does far less per bar, which is
 * the point of the comparison.
 */
final class Ta4jReference {

    static final int FAST = 10;
    static final int SLOW = 30;
    static final double FEE_RATE = 0.0004;

    private Ta4jReference() {
    }

    /** Loads every file into a bar series, then backtests each; times both phases into {@code result}. */
    static void run(List<Path> files, boolean decimal, Map<String, String> result) throws IOException {
        long start = System.nanoTime();
        List<BarSeries> series = new ArrayList<>();
        long bars = 0;
        for (Path file : files) {
            BarSeries one = load(file, decimal);
            bars += one.getBarCount();
            series.add(one);
        }
        long loaded = System.nanoTime();
        int positions = 0;
        for (BarSeries one : series) {
            positions += backtest(one);
        }
        long end = System.nanoTime();
        double replay = (end - loaded) / 1e9;
        double total = (end - start) / 1e9;
        result.put("bars", Long.toString(bars));
        result.put("replay_s", BacktestBenchmark.format(replay));
        result.put("replay_bars_per_s", BacktestBenchmark.format(bars / replay));
        result.put("total_s", BacktestBenchmark.format(total));
        result.put("total_bars_per_s", BacktestBenchmark.format(bars / total));
        result.put("notes", positions + "_positions,_" + (decimal ? "DecimalNum" : "DoubleNum")
                + ",_no_report");
    }

    /** Long and short crossover runs on one series; the positions both opened. */
    static int backtest(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator fast = new SMAIndicator(close, FAST);
        SMAIndicator slow = new SMAIndicator(close, SLOW);
        Rule crossUp = new CrossedUpIndicatorRule(fast, slow);
        Rule crossDown = new CrossedDownIndicatorRule(fast, slow);
        Strategy longs = new BaseStrategy("sma10/30 long", crossUp, crossDown, SLOW);
        Strategy shorts = new BaseStrategy("sma10/30 short", crossDown, crossUp, SLOW);
        BarSeriesManager manager = new BarSeriesManager(series, new LinearTransactionCostModel(FEE_RATE),
                new ZeroCostModel());
        TradingRecord longRecord = manager.run(longs, Trade.TradeType.BUY);
        TradingRecord shortRecord = manager.run(shorts, Trade.TradeType.SELL);
        return longRecord.getPositionCount() + shortRecord.getPositionCount();
    }

    /** A Binance kline CSV (header optional) as a ta4j series; a bar ends where Binance's close_time + 1 ms says. */
    static BarSeries load(Path file, boolean decimal) throws IOException {
        BarSeries series = new BaseBarSeriesBuilder().withName(file.getFileName().toString())
                .withNumTypeOf(decimal ? DecimalNum.class : DoubleNum.class).build();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
                    continue; // the header row
                }
                String[] c = line.split(",", 8);
                long openTime = Long.parseLong(c[0]);
                long closeTime = Long.parseLong(c[6]) + 1;
                ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(closeTime), ZoneOffset.UTC);
                series.addBar(Duration.ofMillis(closeTime - openTime), end, num(c[1], decimal),
                        num(c[2], decimal), num(c[3], decimal), num(c[4], decimal),
                        num(c[5], decimal));
            }
        }
        return series;
    }

    private static Num num(String text, boolean decimal) {
        return decimal ? DecimalNum.valueOf(new BigDecimal(text)) : DoubleNum.valueOf(Double.parseDouble(text));
    }
}
