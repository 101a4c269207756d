package com.quantumtrader.os.supervision;

import static com.quantumtrader.events.EventCatalog.OS_SELF_HEALING_TRIGGERED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_PERFORMANCE;

import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.os.SelfHealingTriggered;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code performance_supervisor}: watches the portfolio's periodic snapshots for a stalled or deteriorating
 * account and publishes {@code os.self_healing.triggered} with the action it recommends.
 * <ul>
 *   <li>Stalled: the snapshot arrives more than {@link #STALE_AFTER} (3 h; the portfolio reports hourly) after the
 *       previous one: component {@code portfolio}, action {@code RESYNC_PORTFOLIO} (its view of positions may be
 *       stale). Detected when the next snapshot comes, since a missing one announces nothing.</li>
 *   <li>Deteriorating: drawdown at or above {@value #WARN_SHARE} x policy {@code drawdown_alert} (7.5 % with the
 *       default 10 %): component {@code risk_safety}, action {@code RECOMMEND_SAFE_MODE}, before risk's own
 *       drawdown guard trips. Once per episode: the episode ends when drawdown falls below half that level.</li>
 *   <li>Snapshots not newer than the last one seen are ignored.</li>
 * </ul>
 */
public final class PerformanceSupervisor implements EventHandler {

    static final Duration STALE_AFTER = Duration.ofHours(3);
    static final BigDecimal WARN_SHARE = new BigDecimal("0.75");
    static final BigDecimal REARM_SHARE = new BigDecimal("0.5");
    static final String KEY = "performance:supervisor";

    private static final Logger LOG = LoggerFactory.getLogger(PerformanceSupervisor.class);

    private final DomainServices services;

    public PerformanceSupervisor(DomainServices services) {
        this.services = services;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        PortfolioPerformance performance = event.payload(PORTFOLIO_PERFORMANCE);
        Watch watch = services.state().get(KEY)
                .map(json -> EventJson.read(json, Watch.class))
                .orElse(new Watch(null, false));
        if (watch.lastAsOf() != null && !performance.asOf().isAfter(watch.lastAsOf())) {
            return List.of();
        }
        List<Emit> emits = new ArrayList<>();
        if (watch.lastAsOf() != null) {
            Duration gap = Duration.between(watch.lastAsOf(), performance.asOf());
            if (gap.compareTo(STALE_AFTER) > 0) {
                String issue = "no performance snapshot for " + gap.toMinutes() + " min (tolerated "
                        + STALE_AFTER.toMinutes() + " min)";
                LOG.warn(issue);
                emits.add(Emit.of(OS_SELF_HEALING_TRIGGERED,
                        new SelfHealingTriggered("portfolio", issue, "RESYNC_PORTFOLIO")));
            }
        }
        BigDecimal warn = services.policy().current().drawdownAlert().multiply(WARN_SHARE);
        boolean latched = watch.drawdownLatched();
        if (!latched && performance.drawdown().compareTo(warn) >= 0) {
            String issue = "drawdown " + performance.drawdown().toPlainString() + " reached "
                    + warn.stripTrailingZeros().toPlainString() + " (" + WARN_SHARE.movePointRight(2).toPlainString()
                    + " % of the drawdown alert)";
            LOG.warn(issue);
            emits.add(Emit.of(OS_SELF_HEALING_TRIGGERED,
                    new SelfHealingTriggered("risk_safety", issue, "RECOMMEND_SAFE_MODE")));
            latched = true;
        } else if (latched && performance.drawdown().compareTo(warn.multiply(REARM_SHARE)) < 0) {
            latched = false;
        }
        services.state().put(KEY, EventJson.write(new Watch(performance.asOf(), latched)));
        return emits;
    }

    /** The newest snapshot seen and whether the current drawdown episode was reported. */
    record Watch(Instant lastAsOf, boolean drawdownLatched) {
    }
}
