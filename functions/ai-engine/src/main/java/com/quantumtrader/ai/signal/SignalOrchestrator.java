package com.quantumtrader.ai.signal;

import static com.quantumtrader.events.EventCatalog.AI_SIGNAL_GENERATED;
import static com.quantumtrader.events.EventCatalog.MARKET_PRICE_UPDATE;

import com.quantumtrader.ai.signal.model.BarChecks;
import com.quantumtrader.ai.signal.model.BarWindow;
import com.quantumtrader.ai.signal.model.PlanForBar;
import com.quantumtrader.ai.signal.model.PlannedStrategy;
import com.quantumtrader.ai.signal.model.SignalDecision;
import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.ai.store.BarWindows;
import com.quantumtrader.ai.store.StrategySelections;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.events.market.MarketPriceUpdate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code signal_orchestrator}: appends each closed bar to the symbol's stored window, runs the strategies the plan
 * runs on the symbol (the trend rule by default; see {@link StrategyPlans}) and emits at most one
 * {@code ai.signal.generated} per bar ({@link SignalDecision}), without a quantity: risk sizes. A bar not newer than
 * the window's newest is a replay and changes nothing; intra-bar {@code LARGE_MOVE} updates are not bars; symbols
 * outside the policy's universe only keep their window. Each signal starts its own trace.
 */
public final class SignalOrchestrator implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SignalOrchestrator.class);

    private final DomainServices services;
    private final BarWindows windows;
    private final StrategySelections selections;
    private final StrategyPlans plans;
    private final StrategyRunner runner = new StrategyRunner();

    public SignalOrchestrator(DomainServices services, StrategyCatalog catalog) {
        this.services = services;
        this.windows = new BarWindows(services.state());
        this.selections = new StrategySelections(services.state());
        this.plans = new StrategyPlans(catalog);
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        MarketPriceUpdate bar = event.payload(MARKET_PRICE_UPDATE);
        if (!MarketPriceUpdate.BAR_CLOSE.equals(bar.reason())) {
            return List.of();
        }
        BarChecks.requireConsistent(bar);
        BarWindow before = windows.load(bar.symbol(), bar.interval());
        if (!before.accepts(bar.closeTime())) {
            return List.of();
        }
        Policy policy = services.policy().current();
        List<PlannedStrategy> running = plans.running(policy, selections.current(), bar.symbol());
        int capacity = PlanForBar.windowCapacity(running);
        BarWindow after = before.append(BarChecks.point(bar), capacity);
        windows.save(bar.symbol(), bar.interval(), after);
        Optional<Instrument> instrument = services.instruments().find(bar.symbol());
        if (!policy.universe().contains(bar.symbol()) || instrument.isEmpty() || running.isEmpty()) {
            return List.of();
        }
        SignalDecision.Outcome outcome = log(bar, SignalDecision.decide(bar.symbol(), bar.closeTime(), bar.close(),
                instrument.get(), runner.decide(bar.symbol() + ":" + bar.interval(), before, after, capacity,
                        instrument.get(), running)));
        return outcome.signal().map(s -> List.of(Emit.of(AI_SIGNAL_GENERATED, s).newTrace())).orElse(List.of());
    }

    private static SignalDecision.Outcome log(MarketPriceUpdate bar, SignalDecision.Outcome outcome) {
        outcome.dropped().forEach(problem -> LOG.warn("{} intent dropped: {}", bar.symbol(), problem));
        outcome.signal().ifPresent(s -> LOG.info("signal {} {} {} confidence={} ref={} stop={} target={} by {}",
                s.signalId(), s.symbol(), s.side(), s.confidence(), s.referencePrice(), s.stopPrice(),
                s.targetPrice(), s.modelId()));
        return outcome;
    }
}
