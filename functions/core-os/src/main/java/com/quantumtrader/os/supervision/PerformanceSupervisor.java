package com.quantumtrader.os.supervision;

import static com.quantumtrader.events.EventCatalog.OS_SELF_HEALING_TRIGGERED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_PERFORMANCE;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.os.store.SupervisorWatches;
import com.quantumtrader.os.supervision.model.Supervision;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code performance_supervisor}: watches the portfolio's periodic snapshots for a stalled or deteriorating
 * account and publishes {@code os.self_healing.triggered} with the action it recommends (rules:
 * {@link Supervision}).
 */
public final class PerformanceSupervisor implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PerformanceSupervisor.class);

    private final DomainServices services;
    private final SupervisorWatches watches;

    public PerformanceSupervisor(DomainServices services) {
        this.services = services;
        this.watches = new SupervisorWatches(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        PortfolioPerformance performance = event.payload(PORTFOLIO_PERFORMANCE);
        Optional<Supervision.Review> review = Supervision.review(watches.load(), performance.asOf(),
                performance.drawdown(), services.policy().current().drawdownAlert());
        if (review.isEmpty()) {
            return List.of();
        }
        review.get().actions().forEach(action -> LOG.warn(action.issue()));
        watches.save(review.get().watch());
        return review.get().actions().stream().map(action -> Emit.of(OS_SELF_HEALING_TRIGGERED, action)).toList();
    }
}
