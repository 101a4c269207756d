package com.quantumtrader.risk;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.PeriodicJob;
import com.quantumtrader.events.Domain;
import com.quantumtrader.risk.exposure.ExposureRelease;
import com.quantumtrader.risk.governor.ModelHealthMonitor;
import com.quantumtrader.risk.governor.SystemHealthMonitor;
import com.quantumtrader.risk.lifecycle.OrderLifecycleTracker;
import com.quantumtrader.risk.lifecycle.PositionLifecycleTracker;
import com.quantumtrader.risk.lifecycle.StuckTradeWatch;
import com.quantumtrader.risk.market.RiskMarketWatch;
import com.quantumtrader.risk.model.market.MarketReturns;
import com.quantumtrader.risk.pretrade.GlobalRiskController;
import com.quantumtrader.risk.safety.DrawdownGuard;
import com.quantumtrader.risk.safety.OrderFailureMonitor;
import com.quantumtrader.risk.safety.SafetySwitches;
import com.quantumtrader.risk.store.ExposureStore;
import com.quantumtrader.risk.store.GovernorStore;
import com.quantumtrader.risk.store.LifecycleStore;
import com.quantumtrader.risk.store.MarketStore;
import com.quantumtrader.risk.store.OperatorCommandStore;
import com.quantumtrader.risk.store.OrderHealthStore;
import com.quantumtrader.risk.store.RiskSnapshotLoader;
import com.quantumtrader.risk.store.SafetySwitchStore;
import com.quantumtrader.risk.store.TradeRecordStore;
import java.time.Duration;
import java.util.List;

/**
 * Risk and safety: pre-trade checks and sizing of every signal, the exposure it reserves (atomically, in the
 * reservation store of {@link DomainServices}), the safety governor, the circuit breaker, the emergency stop and
 * the trade lifecycle. Discovered through {@link java.util.ServiceLoader}.
 */
public final class RiskSafetyDomain implements DomainModule {

    public static final String GLOBAL_RISK_CONTROLLER = "global_risk_controller";
    public static final String DRAWDOWN_GUARD = "drawdown_guard";
    public static final String ORDER_FAILURE_MONITOR = "order_failure_monitor";
    public static final String EXPOSURE_RELEASE = "exposure_release";
    public static final String RISK_MARKET_WATCH = "risk_market_watch";
    public static final String SYSTEM_HEALTH_MONITOR = "system_health_monitor";
    public static final String MODEL_HEALTH_MONITOR = "model_health_monitor";
    public static final String ORDER_LIFECYCLE_TRACKER = "order_lifecycle_tracker";
    public static final String POSITION_LIFECYCLE_TRACKER = "position_lifecycle_tracker";
    public static final String STUCK_TRADE_WATCH = "stuck_trade_watch";
    public static final String OPERATOR_COMMAND_EXECUTOR = "operator_command_executor";

    public RiskSafetyDomain() {
        // ServiceLoader needs a public no-arg constructor
    }

    @Override
    public Domain domain() {
        return Domain.RISK_SAFETY;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        ExposureStore exposure = new ExposureStore(services.state(), services.reservations());
        SafetySwitchStore switchStore = new SafetySwitchStore(services.state());
        SafetySwitches switches = new SafetySwitches(switchStore);
        GovernorStore governor = new GovernorStore(services.state());
        MarketStore market = new MarketStore(services.state());
        TradeRecordStore trades = new TradeRecordStore(services.state());
        LifecycleStore lifecycle = new LifecycleStore(services.state());
        OrderHealthStore orders = new OrderHealthStore(services.state());
        // one memo of bar returns for the correlation window and the volatility trigger
        MarketReturns returns = new MarketReturns();
        RiskSnapshotLoader snapshots = new RiskSnapshotLoader(exposure, switchStore, governor, trades, market,
                services.instruments());
        return List.of(
                definition(GLOBAL_RISK_CONTROLLER, new GlobalRiskController(services.clock(), services.policy(),
                        snapshots, exposure, returns, lifecycle)),
                definition(DRAWDOWN_GUARD,
                        new DrawdownGuard(DRAWDOWN_GUARD, services.clock(), services.policy(), switches)),
                definition(ORDER_FAILURE_MONITOR, new OrderFailureMonitor(ORDER_FAILURE_MONITOR, services.clock(),
                        services.policy(), exposure, switches, orders, lifecycle)),
                definition(EXPOSURE_RELEASE, new ExposureRelease(services.clock(), services.policy(), exposure,
                        trades, lifecycle, switches)),
                definition(RISK_MARKET_WATCH, new RiskMarketWatch(RISK_MARKET_WATCH, services.clock(),
                        services.policy(), market, returns, switches)),
                definition(SYSTEM_HEALTH_MONITOR, new SystemHealthMonitor(services.clock(), governor)),
                definition(MODEL_HEALTH_MONITOR, new ModelHealthMonitor(services.clock(), governor)),
                definition(ORDER_LIFECYCLE_TRACKER, new OrderLifecycleTracker(services.clock(), lifecycle, orders)),
                definition(POSITION_LIFECYCLE_TRACKER, new PositionLifecycleTracker(services.clock(), lifecycle)),
                definition(OPERATOR_COMMAND_EXECUTOR, new OperatorCommandExecutor(controls(services),
                        new OperatorCommandStore(services.state()))));
    }

    /** Once a minute: raise trades stuck in their lifecycle and release the reservations of dead signals. */
    @Override
    public List<PeriodicJob> periodicJobs(DomainServices services) {
        StuckTradeWatch watch = new StuckTradeWatch(services.clock(), services.policy(),
                new LifecycleStore(services.state()), new ExposureStore(services.state(), services.reservations()));
        return List.of(new PeriodicJob(STUCK_TRADE_WATCH, Duration.ofMinutes(1), watch::run));
    }

    /** The operator's controls over risk (the admin and trading routes call them). */
    public static RiskControls controls(DomainServices services) {
        return new RiskControls(services.clock(), services.policy(), new SafetySwitches(services.state()),
                new GovernorStore(services.state()), new LifecycleStore(services.state()));
    }

    private static HandlerDefinition definition(String name, EventHandler handler) {
        return new HandlerDefinition(name, Domain.RISK_SAFETY, handler);
    }
}
