package com.quantumtrader.os.universe;

import static com.quantumtrader.events.EventCatalog.PORTFOLIO_LIQUIDITY_RANKED;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import java.util.List;

/**
 * {@code universe_selector}: turns portfolio's liquidity ranking ({@code portfolio.liquidity.ranked}) into the
 * active universe; the rules are {@link ActiveUniverse}'s.
 */
public final class UniverseSelector implements EventHandler {

    private final ActiveUniverse universe;

    public UniverseSelector(ActiveUniverse universe) {
        this.universe = universe;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        return universe.rank(event.payload(PORTFOLIO_LIQUIDITY_RANKED)).stream().toList();
    }
}
