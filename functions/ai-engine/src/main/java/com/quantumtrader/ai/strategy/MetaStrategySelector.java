package com.quantumtrader.ai.strategy;

import static com.quantumtrader.events.EventCatalog.AI_STRATEGY_CHANGED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_PERFORMANCE;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.ai.StrategyChanged;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code meta_strategy_selector}: chooses between the trend strategy and its defensive variant by the account's
 * drawdown, with hysteresis so a drawdown hovering at one level does not flip the strategy back and forth.
 * <ul>
 *   <li>trend -> defensive when drawdown >= {@value #DEFENSIVE_ENTER_SHARE} x policy {@code drawdown_alert}
 *       (5 % with the default 10 % alert): cut back well before risk's drawdown guard trips;</li>
 *   <li>defensive -> trend when drawdown <= {@value #DEFENSIVE_EXIT_SHARE} x policy {@code drawdown_alert}
 *       (2 % by default): the account has mostly recovered.</li>
 * </ul>
 * A switch is stored (the orchestrator reads it through {@link ActiveStrategy}) and published as
 * {@code ai.strategy.changed}. Snapshots not newer than the one of the last decision are ignored, so a replayed
 * snapshot changes nothing.
 */
public final class MetaStrategySelector implements EventHandler {

    static final double DEFENSIVE_ENTER_SHARE = 0.5;
    static final double DEFENSIVE_EXIT_SHARE = 0.2;

    private static final Logger LOG = LoggerFactory.getLogger(MetaStrategySelector.class);

    private final DomainServices services;
    private final ActiveStrategy active;

    public MetaStrategySelector(DomainServices services) {
        this.services = services;
        this.active = new ActiveStrategy(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        PortfolioPerformance performance = event.payload(PORTFOLIO_PERFORMANCE);
        Optional<ActiveStrategy.Selection> last = active.load();
        if (last.isPresent() && last.get().asOf() != null && !performance.asOf().isAfter(last.get().asOf())) {
            LOG.debug("performance snapshot {} is not newer than {}: ignored", performance.asOf(), last.get().asOf());
            return List.of();
        }
        StrategyProfile current = active.current();
        BigDecimal alert = services.policy().current().drawdownAlert();
        BigDecimal enter = alert.multiply(BigDecimal.valueOf(DEFENSIVE_ENTER_SHARE));
        BigDecimal exit = alert.multiply(BigDecimal.valueOf(DEFENSIVE_EXIT_SHARE));
        BigDecimal drawdown = performance.drawdown();

        StrategyProfile next = current;
        String reason = null;
        if (current != Strategies.DEFENSIVE && drawdown.compareTo(enter) >= 0) {
            next = Strategies.DEFENSIVE;
            reason = "drawdown " + drawdown.toPlainString() + " >= " + enter.stripTrailingZeros().toPlainString();
        } else if (current == Strategies.DEFENSIVE && drawdown.compareTo(exit) <= 0) {
            next = Strategies.TREND;
            reason = "drawdown " + drawdown.toPlainString() + " <= " + exit.stripTrailingZeros().toPlainString();
        }
        active.save(new ActiveStrategy.Selection(next.strategyId(), performance.asOf()));
        if (next == current) {
            return List.of();
        }
        LOG.info("strategy {} -> {}: {}", current.strategyId(), next.strategyId(), reason);
        return List.of(Emit.of(AI_STRATEGY_CHANGED,
                new StrategyChanged(current.strategyId(), next.strategyId(), reason)));
    }
}
