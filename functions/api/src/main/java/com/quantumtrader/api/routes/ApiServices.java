package com.quantumtrader.api.routes;

import com.quantumtrader.api.routes.admin.OperatorCommands;
import com.quantumtrader.api.readmodel.TradingView;
import com.quantumtrader.core.health.HealthChecker;
import com.quantumtrader.core.policy.PolicyStore;
import java.util.Objects;

/** What the routes use: the health checker, the trading view, the policy store and the operator commands. */
public record ApiServices(HealthChecker health, TradingView trading, PolicyStore policy, OperatorCommands commands) {

    public ApiServices {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(trading, "trading");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(commands, "commands");
    }
}
