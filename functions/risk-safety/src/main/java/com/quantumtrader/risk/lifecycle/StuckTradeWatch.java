package com.quantumtrader.risk.lifecycle;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.risk.policy.RiskPolicy;
import com.quantumtrader.risk.policy.LifecyclePolicy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.risk.TradeStuck;
import com.quantumtrader.risk.exposure.ExposureBook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic look for trades that stopped moving: approved but not submitted within the policy's time (the
 * signal died: its reservation is released) and submitted but neither filled nor failed. Each is raised once as
 * {@code risk.trade.stuck} and logged.
 */
public final class StuckTradeWatch {

    private static final Logger LOG = LoggerFactory.getLogger(StuckTradeWatch.class);

    private final Clock clock;
    private final PolicyReader policy;
    private final LifecycleBook lifecycle;
    private final ExposureBook exposure;

    public StuckTradeWatch(Clock clock, PolicyReader policy, LifecycleBook lifecycle, ExposureBook exposure) {
        this.clock = clock;
        this.policy = policy;
        this.lifecycle = lifecycle;
        this.exposure = exposure;
    }

    public List<Emit> run() {
        Instant now = clock.instant();
        LifecyclePolicy limits = RiskPolicy.of(policy.current()).lifecycle();
        List<Emit> out = new ArrayList<>();
        for (Map.Entry<String, String> waiting : lifecycle.waiting().entrySet()) {
            String[] entry = waiting.getValue().split("\\|", 2);
            String stage = entry[0];
            Instant since = Instant.parse(entry[1]);
            int timeout = LifecycleBook.APPROVED.equals(stage) ? limits.approvedTimeoutMinutes()
                    : limits.submittedTimeoutMinutes();
            if (now.isBefore(since.plus(Duration.ofMinutes(timeout)))) {
                continue;
            }
            lifecycle.of(waiting.getKey()).ifPresent(trade -> {
                boolean released = LifecycleBook.APPROVED.equals(stage)
                        && exposure.release(trade.signalId()).isPresent();
                lifecycle.stuck(trade, now, stage + " for " + timeout + " min"
                        + (released ? ", reservation released" : ""));
                LOG.warn("trade {} of signal {} on {} stuck in {} since {} (allowed {} min){}", trade.traceId(),
                        trade.signalId(), trade.symbol(), stage, since, timeout,
                        released ? "; reservation released" : "");
                out.add(Emit.of(EventCatalog.RISK_TRADE_STUCK, new TradeStuck(trade.traceId(), trade.signalId(),
                        trade.symbol(), stage, since, timeout, released)));
            });
        }
        return out;
    }
}
