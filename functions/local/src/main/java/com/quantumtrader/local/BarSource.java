package com.quantumtrader.local;

import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.execution.marketdata.SyntheticMarketData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Where the platform's candles come from: the seeded synthetic market (paper) or history files (backtest). */
interface BarSource {

    /** The bars that close next, all at the same close time; an empty list when the source is exhausted. */
    List<MarketPriceUpdate> next();

    /** Time of the first bar's open: the simulated clock starts there. */
    Instant start();

    /** How many bar steps the source holds, when known (for progress and ETA). */
    default long totalSteps() {
        return -1;
    }

    /** How many bars the source holds (a step plays one per symbol), when known. */
    default long totalBars() {
        return -1;
    }

    /** The endless seeded synthetic market. */
    static BarSource synthetic(long seed, List<String> symbols, Instant start) {
        return synthetic(seed, symbols, start, InstrumentCatalog.bundled());
    }

    /** The endless seeded synthetic market, each symbol on its instrument's tick and price range. */
    static BarSource synthetic(long seed, List<String> symbols, Instant start, InstrumentCatalog instruments) {
        SyntheticMarketData market = new SyntheticMarketData(seed, symbols, start, PaperOptions.BAR_INTERVAL,
                instruments);
        return new BarSource() {
            @Override
            public List<MarketPriceUpdate> next() {
                return market.next();
            }

            @Override
            public Instant start() {
                return start;
            }
        };
    }

    /** Replays recorded bars, ordered by close time: each step is every bar closing at the same time. */
    static BarSource replay(List<MarketPriceUpdate> ordered) {
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("nothing to replay");
        }
        long steps = ordered.stream().map(MarketPriceUpdate::closeTime).distinct().count();
        Instant start = ordered.stream().map(MarketPriceUpdate::openTime).min(Instant::compareTo).orElseThrow();
        return new BarSource() {
            private int position;

            @Override
            public List<MarketPriceUpdate> next() {
                List<MarketPriceUpdate> step = new ArrayList<>();
                while (position < ordered.size() && (step.isEmpty()
                        || ordered.get(position).closeTime().equals(step.get(0).closeTime()))) {
                    step.add(ordered.get(position++));
                }
                return step;
            }

            @Override
            public Instant start() {
                return start;
            }

            @Override
            public long totalSteps() {
                return steps;
            }

            @Override
            public long totalBars() {
                return ordered.size();
            }
        };
    }
}
