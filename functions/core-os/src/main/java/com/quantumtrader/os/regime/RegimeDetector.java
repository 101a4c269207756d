package com.quantumtrader.os.regime;

import static com.quantumtrader.events.EventCatalog.MARKET_PRICE_UPDATE;
import static com.quantumtrader.events.EventCatalog.OS_REGIME_CHANGED;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.memo.StepMemo;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.os.RegimeChanged;
import com.quantumtrader.os.regime.model.RegimeClassifier;
import com.quantumtrader.os.regime.model.RegimeWindow;
import com.quantumtrader.os.store.RegimeWindows;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code regime_detector}: classifies each symbol's market at every closed bar ({@link RegimeClassifier}; the window
 * is kept per symbol and interval). The first classification is published without a previous regime, after that
 * {@code os.regime.changed} only when the regime differs from the last one published. Only closed bars count; a bar
 * not newer than the newest one kept is a replay and changes nothing; a bar with a close at or below zero is
 * rejected as malformed.
 */
public final class RegimeDetector implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegimeDetector.class);

    /** The windows of a hundred symbols; small enough to stay in cache. */
    private static final int LOG_RETURN_MEMO_LIMIT = 8_192;

    private final RegimeWindows windows;
    /**
     * Each log return by the two closes it spans: the window slides one bar at a time, so without this every bar
     * recomputed its {@value RegimeClassifier#RETURNS} decimal divisions and logarithms. A pure function's results:
     * no number changes.
     */
    private final StepMemo<BigDecimal> logReturns =
            new StepMemo<>(LOG_RETURN_MEMO_LIMIT, RegimeClassifier::logReturn);

    public RegimeDetector(DomainServices services) {
        this.windows = new RegimeWindows(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        MarketPriceUpdate bar = event.payload(MARKET_PRICE_UPDATE);
        if (!MarketPriceUpdate.BAR_CLOSE.equals(bar.reason())) {
            return List.of();
        }
        requirePositiveClose(bar);
        RegimeWindow window = windows.load(bar.symbol(), bar.interval());
        if (!window.accepts(bar.closeTime())) {
            return List.of();
        }
        RegimeClassifier.Step step = RegimeClassifier.step(window, bar.close(), bar.closeTime(), logReturns::apply);
        windows.save(bar.symbol(), bar.interval(), step.window());
        if (!step.changed()) {
            return List.of();
        }
        LOG.info("{} regime {} -> {} (volatility {}, trend {})", bar.symbol(), step.previous(), step.regime(),
                step.volatility(), step.trendStrength());
        return List.of(Emit.of(OS_REGIME_CHANGED, new RegimeChanged(bar.symbol(),
                step.previous() == null ? null : step.previous().name(), step.regime().name(), step.volatility(),
                step.trendStrength())));
    }

    private static void requirePositiveClose(MarketPriceUpdate bar) {
        if (bar.close().signum() <= 0) {
            throw new MalformedEventException("bar " + bar.symbol() + " " + bar.closeTime() + " has close "
                    + bar.close() + ": a log return needs a positive price");
        }
    }
}
