package com.quantumtrader.events.risk;

import java.time.Instant;

/**
 * A trade stopped moving through its lifecycle: approved but never submitted, or submitted but never filled.
 *
 * @param traceId             the trace of the signal that started the trade
 * @param stage               where it stopped: APPROVED or SUBMITTED
 * @param since               when it reached that stage
 * @param timeoutMinutes      the policy's time allowed in that stage
 * @param reservationReleased true when risk gave the signal's reserved exposure back (a dead approval)
 */
public record TradeStuck(
        String traceId,
        String signalId,
        String symbol,
        String stage,
        Instant since,
        int timeoutMinutes,
        boolean reservationReleased) {
}
