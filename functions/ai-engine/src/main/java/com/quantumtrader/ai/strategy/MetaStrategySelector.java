package com.quantumtrader.ai.strategy;

import static com.quantumtrader.events.EventCatalog.AI_STRATEGY_CHANGED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_PERFORMANCE;

import com.quantumtrader.ai.store.StrategySelections;
import com.quantumtrader.ai.strategy.model.DrawdownSwitch;
import com.quantumtrader.ai.strategy.model.Selection;
import com.quantumtrader.ai.strategy.model.StrategyProfile;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.ai.StrategyChanged;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code meta_strategy_selector}: picks the trend strategy or its defensive variant by the account's drawdown
 * ({@link DrawdownSwitch}), stores the choice (the orchestrator reads it) and publishes a switch as
 * {@code ai.strategy.changed}. Snapshots not newer than the last decision's are ignored, so a replay changes nothing.
 */
public final class MetaStrategySelector implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MetaStrategySelector.class);

    private final DomainServices services;
    private final StrategySelections selections;

    public MetaStrategySelector(DomainServices services) {
        this.services = services;
        this.selections = new StrategySelections(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        PortfolioPerformance performance = event.payload(PORTFOLIO_PERFORMANCE);
        Optional<Selection> last = selections.load();
        if (last.isPresent() && last.get().asOf() != null && !performance.asOf().isAfter(last.get().asOf())) {
            return List.of();
        }
        StrategyProfile current = selections.current();
        DrawdownSwitch.Choice choice = DrawdownSwitch.choose(current, performance.drawdown(),
                services.policy().current().drawdownAlert());
        selections.save(new Selection(choice.next().strategyId(), performance.asOf()));
        if (choice.next() == current) {
            return List.of();
        }
        LOG.info("strategy {} -> {}: {}", current.strategyId(), choice.next().strategyId(), choice.reason());
        return List.of(Emit.of(AI_STRATEGY_CHANGED,
                new StrategyChanged(current.strategyId(), choice.next().strategyId(), choice.reason())));
    }
}
