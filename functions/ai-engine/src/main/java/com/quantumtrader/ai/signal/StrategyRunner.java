package com.quantumtrader.ai.signal;

import com.quantumtrader.ai.signal.model.BarWindow;
import com.quantumtrader.ai.signal.model.Candidate;
import com.quantumtrader.ai.signal.model.PlannedStrategy;
import com.quantumtrader.ai.spi.Strategy;
import com.quantumtrader.ai.spi.StrategySeries;
import com.quantumtrader.ai.spi.TradeIntent;
import com.quantumtrader.core.instrument.Instrument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ta4j.core.BarSeries;

/**
 * Keeps each symbol's ta4j series and its strategy instances in memory between bars, so indicators step once per
 * bar. The stored bar window stays the source of truth: when the series in memory does not end where the stored
 * window ended before this bar (first bar of this process, a restart, a Lambda cold start, another instance having
 * handled bars meanwhile) or the window's capacity changed, the series is rebuilt from the window and the
 * strategies are created again over it.
 */
final class StrategyRunner {

    private final Map<String, SymbolSeries> bySymbol = new HashMap<>();

    /** The planned strategies' intents on the newest bar of {@code after}, the window before it being {@code before}. */
    synchronized List<Candidate> decide(String key, BarWindow before, BarWindow after, int capacity,
                                        Instrument instrument, List<PlannedStrategy> running) {
        SymbolSeries symbol = bySymbol.get(key);
        Instant expectedEnd = before.size() == 0 ? null : before.newest().closeTime();
        if (symbol == null || symbol.capacity != capacity || !Objects.equals(symbol.end, expectedEnd)) {
            symbol = new SymbolSeries(key, capacity, after);
            bySymbol.put(key, symbol);
        } else {
            symbol.append(after.newest());
        }
        List<Candidate> candidates = new ArrayList<>();
        for (PlannedStrategy planned : running) {
            if (after.size() >= planned.historyBars()) {
                Optional<TradeIntent> intent = symbol.strategy(planned, instrument)
                        .decide(symbol.series.getEndIndex());
                intent.ifPresent(i -> candidates.add(new Candidate(planned.strategyId(), i)));
            }
        }
        return candidates;
    }

    private static final class SymbolSeries {

        final int capacity;
        final BarSeries series;
        final Map<PlannedStrategy, Strategy> strategies = new HashMap<>();
        Instant end;

        SymbolSeries(String name, int capacity, BarWindow window) {
            this.capacity = capacity;
            this.series = StrategySeries.create(name, capacity);
            window.bars().forEach(this::append);
        }

        void append(BarWindow.Point bar) {
            StrategySeries.append(series, null, bar.closeTime(), bar.open(), bar.high(), bar.low(), bar.close(),
                    bar.volume());
            end = bar.closeTime();
        }

        Strategy strategy(PlannedStrategy planned, Instrument instrument) {
            return strategies.computeIfAbsent(planned, p -> p.factory().create(series, instrument, p.parameters()));
        }
    }
}
