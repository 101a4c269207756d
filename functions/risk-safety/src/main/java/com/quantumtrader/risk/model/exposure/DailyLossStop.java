package com.quantumtrader.risk.model.exposure;

import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.core.policy.Policy;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The emergency stop's hard daily loss: the day's realised loss at or beyond the policy's {@code emergency.daily_loss}
 * of account equity latches it (the pre-trade daily loss limit only rejects new entries).
 */
public final class DailyLossStop {

    public static final String REASON = "DAILY_LOSS";

    private DailyLossStop() {
    }

    /** The figures of the latch: {@code figure value >= threshold}. */
    public record Breach(String figure, String value, String threshold) {
    }

    public static Optional<Breach> check(TradeTally tally, Policy policy) {
        BigDecimal loss = tally.lossToday();
        BigDecimal hardLimit = RiskPolicy.of(policy).emergency().dailyLoss().multiply(policy.accountEquity());
        if (loss.compareTo(hardLimit) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Breach("realised loss today", loss.toPlainString(), hardLimit.toPlainString()));
    }

    /** A liquidation is a stop-out the exchange made: the symbol cools down as after our own stop. */
    public static boolean stoppedOut(String exitReason) {
        return "STOP_LOSS".equals(exitReason) || "LIQUIDATION".equals(exitReason);
    }
}
