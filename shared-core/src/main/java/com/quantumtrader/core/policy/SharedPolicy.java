package com.quantumtrader.core.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The keys several domains read, so shared-core owns them ({@code policy/core.schema.json}): the risk mode (risk
 * picks its limits by it, the operator switches it for the whole platform), the universe (AI engine, risk, core OS,
 * portfolio), the strategy switches (AI engine, risk, portfolio), the account equity (AI engine, risk, portfolio) and
 * the drawdown marks (portfolio raises the alert, risk latches the stop, AI engine, core OS and learning react).
 *
 * @param riskMode          which limits are in force
 * @param universe          symbols the platform may trade
 * @param strategies        strategy id to enabled
 * @param accountEquity     equity risk sizes against until portfolio reports one, in USDT
 * @param drawdownAlert     drawdown from equity peak (fraction) that raises {@code portfolio.drawdown.high}
 * @param emergencyDrawdown drawdown from equity peak (fraction) at which the emergency stop latches
 */
public record SharedPolicy(
        RiskMode riskMode,
        List<String> universe,
        Map<String, Boolean> strategies,
        BigDecimal accountEquity,
        BigDecimal drawdownAlert,
        BigDecimal emergencyDrawdown) {
}
