package com.quantumtrader.events;

import static com.quantumtrader.events.Domain.AI_ENGINE;
import static com.quantumtrader.events.Domain.CORE_OS;
import static com.quantumtrader.events.Domain.EXECUTION;
import static com.quantumtrader.events.Domain.LEARNING;
import static com.quantumtrader.events.Domain.PORTFOLIO;
import static com.quantumtrader.events.Domain.RISK_SAFETY;

import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.ai.StrategyChanged;
import com.quantumtrader.events.execution.EntryModeChanged;
import com.quantumtrader.events.execution.FundingPaid;
import com.quantumtrader.events.execution.MarginCall;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import com.quantumtrader.events.execution.SlippageHigh;
import com.quantumtrader.events.learning.DriftDetected;
import com.quantumtrader.events.learning.ModelRetrained;
import com.quantumtrader.events.learning.StrategyPromoted;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.os.OperatorCommand;
import com.quantumtrader.events.os.RegimeChanged;
import com.quantumtrader.events.os.SelfHealingTriggered;
import com.quantumtrader.events.os.UniverseUpdated;
import com.quantumtrader.events.portfolio.AllocationUpdated;
import com.quantumtrader.events.portfolio.DrawdownHigh;
import com.quantumtrader.events.portfolio.LiquidityRanked;
import com.quantumtrader.events.portfolio.PortfolioMetrics;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.events.portfolio.PositionOpened;
import com.quantumtrader.events.portfolio.StopLossAdjusted;
import com.quantumtrader.events.portfolio.TradeClosed;
import com.quantumtrader.events.risk.CircuitBreakerActivated;
import com.quantumtrader.events.risk.EmergencyStop;
import com.quantumtrader.events.risk.EmergencyTriggered;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.SignalRejected;
import com.quantumtrader.events.risk.TradeStuck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event the platform knows. Adding an event: its payload record, its schema under
 * {@code resources/schemas}, an entry here, then regenerate {@code events/EVENTS.md}.
 */
public final class EventCatalog {

    public static final EventType<SignalGenerated> AI_SIGNAL_GENERATED = new EventType<>(
            "ai.signal.generated", AI_ENGINE, SignalGenerated.class, 1,
            "A trade idea: symbol, side, confidence, reference price, stop and target.");
    public static final EventType<ModelDegraded> AI_MODEL_DEGRADED = new EventType<>(
            "ai.model.degraded", AI_ENGINE, ModelDegraded.class, 1,
            "A model's live performance fell below its supervisor's threshold.");
    public static final EventType<StrategyChanged> AI_STRATEGY_CHANGED = new EventType<>(
            "ai.strategy.changed", AI_ENGINE, StrategyChanged.class, 1,
            "The meta-strategy selector switched the active strategy.");

    public static final EventType<OrderSubmitted> EXECUTION_ORDER_SUBMITTED = new EventType<>(
            "execution.order.submitted", EXECUTION, OrderSubmitted.class, 1,
            "An order was accepted by the exchange.");
    public static final EventType<OrderFilled> EXECUTION_ORDER_FILLED = new EventType<>(
            "execution.order.filled", EXECUTION, OrderFilled.class, 1,
            "An order was filled, fully or partly, with price and fee.");
    public static final EventType<OrderFailed> EXECUTION_ORDER_FAILED = new EventType<>(
            "execution.order.failed", EXECUTION, OrderFailed.class, 1,
            "An order could not be placed or was rejected, with the exchange's code and message.");
    public static final EventType<SlippageHigh> EXECUTION_SLIPPAGE_HIGH = new EventType<>(
            "execution.slippage.high", EXECUTION, SlippageHigh.class, 1,
            "A symbol's rolling slippage exceeded the policy threshold.");
    public static final EventType<EntryModeChanged> EXECUTION_ENTRY_MODE_CHANGED = new EventType<>(
            "execution.entry_mode.changed", EXECUTION, EntryModeChanged.class, 1,
            "Adaptive execution switched a symbol's entries between market orders and bounded limit IOC orders.");
    public static final EventType<FundingPaid> EXECUTION_FUNDING_PAID = new EventType<>(
            "execution.funding.paid", EXECUTION, FundingPaid.class, 1,
            "Funding settled on an open position at a funding time (every 8 h), signed: negative = paid.");
    public static final EventType<MarginCall> EXECUTION_MARGIN_CALL = new EventType<>(
            "execution.margin.call", EXECUTION, MarginCall.class, 1,
            "The exchange warned that a position is close to liquidation (Binance MARGIN_CALL): an alert for the"
                    + " operator; execution's health turns degraded.");
    public static final EventType<MarketPriceUpdate> MARKET_PRICE_UPDATE = new EventType<>(
            "market.price.update", EXECUTION, MarketPriceUpdate.class, 1,
            "A closed bar (or a large move) from the market-data feed; never per tick.");

    public static final EventType<SignalApproved> RISK_SIGNAL_APPROVED = new EventType<>(
            "risk.signal.approved", RISK_SAFETY, SignalApproved.class, 1,
            "A signal passed every pre-trade check, with the approved quantity.");
    public static final EventType<SignalRejected> RISK_SIGNAL_REJECTED = new EventType<>(
            "risk.signal.rejected", RISK_SAFETY, SignalRejected.class, 1,
            "A signal was refused, with reason code, limit and value.");
    public static final EventType<CircuitBreakerActivated> RISK_CIRCUIT_BREAKER_ACTIVATED = new EventType<>(
            "risk.circuit_breaker.activated", RISK_SAFETY, CircuitBreakerActivated.class, 1,
            "New entries are blocked for a cool-off period.");
    public static final EventType<EmergencyTriggered> SAFETY_EMERGENCY_TRIGGERED = new EventType<>(
            "safety.emergency.triggered", RISK_SAFETY, EmergencyTriggered.class, 1,
            "The emergency stop system latched on a hard limit.");
    public static final EventType<EmergencyStop> SAFETY_EMERGENCY_STOP = new EventType<>(
            "safety.emergency.stop", RISK_SAFETY, EmergencyStop.class, 1,
            "Command to execution: cancel every order and flatten every position.");
    public static final EventType<TradeStuck> RISK_TRADE_STUCK = new EventType<>(
            "risk.trade.stuck", RISK_SAFETY, TradeStuck.class, 1,
            "A trade stopped in its lifecycle (approved never submitted, submitted never filled).");

    public static final EventType<PositionOpened> PORTFOLIO_POSITION_OPENED = new EventType<>(
            "portfolio.position.opened", PORTFOLIO, PositionOpened.class, 1,
            "A position exists after an entry fill.");
    public static final EventType<PositionClosed> PORTFOLIO_POSITION_CLOSED = new EventType<>(
            "portfolio.position.closed", PORTFOLIO, PositionClosed.class, 1,
            "A position is flat again, with realised P&L.");
    public static final EventType<StopLossAdjusted> PORTFOLIO_SL_ADJUSTED = new EventType<>(
            "portfolio.sl.adjusted", PORTFOLIO, StopLossAdjusted.class, 1,
            "The position monitor moved a protective stop.");
    public static final EventType<PortfolioPerformance> PORTFOLIO_PERFORMANCE = new EventType<>(
            "portfolio.performance", PORTFOLIO, PortfolioPerformance.class, 1,
            "Periodic account snapshot: equity, drawdown, P&L, win rate.");
    public static final EventType<DrawdownHigh> PORTFOLIO_DRAWDOWN_HIGH = new EventType<>(
            "portfolio.drawdown.high", PORTFOLIO, DrawdownHigh.class, 1,
            "Drawdown from the equity peak crossed the policy threshold.");
    public static final EventType<TradeClosed> TRADE_CLOSED = new EventType<>(
            "trade.closed", PORTFOLIO, TradeClosed.class, 1,
            "One completed round trip with realised P&L and the signal, model and strategy that opened it.");
    public static final EventType<PortfolioMetrics> PORTFOLIO_METRICS_REPORTED = new EventType<>(
            "portfolio.metrics.reported", PORTFOLIO, PortfolioMetrics.class, 1,
            "The analyzer's metrics (returns, Sharpe, Sortino, Calmar, drawdown, win rate, R) per account, strategy and symbol.");
    public static final EventType<AllocationUpdated> PORTFOLIO_ALLOCATION_UPDATED = new EventType<>(
            "portfolio.allocation.updated", PORTFOLIO, AllocationUpdated.class, 1,
            "Capital per strategy and symbol from volatility targeting with caps; republished when weights drift.");
    public static final EventType<LiquidityRanked> PORTFOLIO_LIQUIDITY_RANKED = new EventType<>(
            "portfolio.liquidity.ranked", PORTFOLIO, LiquidityRanked.class, 1,
            "Candidate symbols ranked by liquidity, with the eligible ones for the trading universe.");

    public static final EventType<DriftDetected> LEARNING_DRIFT_DETECTED = new EventType<>(
            "learning.drift.detected", LEARNING, DriftDetected.class, 1,
            "A strategy's recent results depart from its long-run results beyond chance.");
    public static final EventType<ModelRetrained> LEARNING_MODEL_RETRAINED = new EventType<>(
            "learning.model.retrained", LEARNING, ModelRetrained.class, 1,
            "A model was refit, with its new parameters and score.");
    public static final EventType<StrategyPromoted> LEARNING_STRATEGY_PROMOTED = new EventType<>(
            "learning.strategy.promoted", LEARNING, StrategyPromoted.class, 1,
            "A strategy left shadow testing for live trading.");

    public static final EventType<RegimeChanged> OS_REGIME_CHANGED = new EventType<>(
            "os.regime.changed", CORE_OS, RegimeChanged.class, 1,
            "A symbol's market regime (trend/range/volatile) changed.");
    public static final EventType<SelfHealingTriggered> OS_SELF_HEALING_TRIGGERED = new EventType<>(
            "os.self_healing.triggered", CORE_OS, SelfHealingTriggered.class, 1,
            "The OS noticed a degraded component and took an action.");
    public static final EventType<UniverseUpdated> OS_UNIVERSE_UPDATED = new EventType<>(
            "os.universe.updated", CORE_OS, UniverseUpdated.class, 1,
            "The active trading universe changed.");
    public static final EventType<OperatorCommand> OS_OPERATOR_COMMAND = new EventType<>(
            "os.operator.command", CORE_OS, OperatorCommand.class, 1,
            "An operator's command from the admin API (emergency stop or reset, circuit-breaker reset) for risk & safety.");

    private static final Map<String, EventType<?>> BY_NAME = index(List.of(
            AI_SIGNAL_GENERATED, AI_MODEL_DEGRADED, AI_STRATEGY_CHANGED,
            EXECUTION_ORDER_SUBMITTED, EXECUTION_ORDER_FILLED, EXECUTION_ORDER_FAILED, EXECUTION_SLIPPAGE_HIGH,
            EXECUTION_ENTRY_MODE_CHANGED, EXECUTION_FUNDING_PAID, EXECUTION_MARGIN_CALL,
            MARKET_PRICE_UPDATE,
            RISK_SIGNAL_APPROVED, RISK_SIGNAL_REJECTED, RISK_CIRCUIT_BREAKER_ACTIVATED,
            SAFETY_EMERGENCY_TRIGGERED, SAFETY_EMERGENCY_STOP, RISK_TRADE_STUCK,
            PORTFOLIO_POSITION_OPENED, PORTFOLIO_POSITION_CLOSED, PORTFOLIO_SL_ADJUSTED,
            PORTFOLIO_PERFORMANCE, PORTFOLIO_DRAWDOWN_HIGH, TRADE_CLOSED,
            PORTFOLIO_METRICS_REPORTED, PORTFOLIO_ALLOCATION_UPDATED, PORTFOLIO_LIQUIDITY_RANKED,
            LEARNING_DRIFT_DETECTED, LEARNING_MODEL_RETRAINED, LEARNING_STRATEGY_PROMOTED,
            OS_REGIME_CHANGED, OS_SELF_HEALING_TRIGGERED, OS_UNIVERSE_UPDATED, OS_OPERATOR_COMMAND));

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<EventType<?>> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static EventType<?> require(String name) {
        return find(name).orElseThrow(() -> new MalformedEventException("unknown event name '" + name + "'"));
    }

    private static Map<String, EventType<?>> index(List<EventType<?>> types) {
        Map<String, EventType<?>> byName = new LinkedHashMap<>();
        for (EventType<?> type : types) {
            if (byName.put(type.name(), type) != null) {
                throw new IllegalStateException("duplicate event name " + type.name());
            }
        }
        return byName;
    }
}
