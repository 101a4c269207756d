package com.quantumtrader.risk;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.events.Domain;
import com.quantumtrader.risk.exposure.ExposureBook;
import com.quantumtrader.risk.exposure.ExposureRelease;
import com.quantumtrader.risk.pretrade.GlobalRiskController;
import com.quantumtrader.risk.safety.DrawdownGuard;
import com.quantumtrader.risk.safety.OrderFailureMonitor;
import com.quantumtrader.risk.safety.SafetySwitches;
import java.util.List;

/**
 * Risk and safety: pre-trade checks and sizing of every signal, the exposure it reserves, the circuit breaker and
 * the emergency stop. Discovered through {@link java.util.ServiceLoader}.
 */
public final class RiskSafetyDomain implements DomainModule {

    public static final String GLOBAL_RISK_CONTROLLER = "global_risk_controller";
    public static final String DRAWDOWN_GUARD = "drawdown_guard";
    public static final String ORDER_FAILURE_MONITOR = "order_failure_monitor";
    public static final String EXPOSURE_RELEASE = "exposure_release";

    public RiskSafetyDomain() {
        // ServiceLoader needs a public no-arg constructor
    }

    @Override
    public Domain domain() {
        return Domain.RISK_SAFETY;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        ExposureBook exposure = new ExposureBook(services.state());
        SafetySwitches switches = new SafetySwitches(services.state());
        return List.of(
                definition(GLOBAL_RISK_CONTROLLER,
                        new GlobalRiskController(services.clock(), services.policy(), exposure, switches)),
                definition(DRAWDOWN_GUARD,
                        new DrawdownGuard(DRAWDOWN_GUARD, services.clock(), services.policy(), switches)),
                definition(ORDER_FAILURE_MONITOR, new OrderFailureMonitor(ORDER_FAILURE_MONITOR, services.clock(),
                        services.policy(), exposure, switches, services.state())),
                definition(EXPOSURE_RELEASE, new ExposureRelease(exposure)));
    }

    /** The operator's controls over the safety switches (the admin route calls them). */
    public static RiskControls controls(DomainServices services) {
        return new RiskControls(services.clock(), new SafetySwitches(services.state()));
    }

    private static HandlerDefinition definition(String name, EventHandler handler) {
        return new HandlerDefinition(name, Domain.RISK_SAFETY, handler);
    }
}
