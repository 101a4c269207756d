package com.quantumtrader.risk.model.lifecycle;

import com.quantumtrader.risk.policy.LifecyclePolicy;
import java.time.Duration;
import java.time.Instant;

/** A trade waiting in a stage that can get stuck (APPROVED or SUBMITTED), since when. */
public record WaitingTrade(String traceId, String stage, Instant since) {

    /** How long the policy lets a trade wait in this stage. */
    public int timeoutMinutes(LifecyclePolicy policy) {
        return TradeLifecycle.APPROVED.equals(stage) ? policy.approvedTimeoutMinutes()
                : policy.submittedTimeoutMinutes();
    }

    /** Stuck once the stage's timeout has passed at {@code now}. */
    public boolean stuckAt(Instant now, LifecyclePolicy policy) {
        return !now.isBefore(since.plus(Duration.ofMinutes(timeoutMinutes(policy))));
    }

    /** An approved signal that never got submitted died: its reservation is released. */
    public boolean releasesReservation() {
        return TradeLifecycle.APPROVED.equals(stage);
    }
}
