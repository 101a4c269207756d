package com.quantumtrader.local.dashboard;

import com.quantumtrader.core.testing.TestEvents;
import com.quantumtrader.core.time.SimulatedClock;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.os.OperatorCommand;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.events.portfolio.PositionOpened;
import com.quantumtrader.events.risk.EmergencyStop;
import com.quantumtrader.events.risk.EmergencyTriggered;
import com.quantumtrader.events.risk.SignalApproved;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Real events of a small run, an hour apart, for the dashboard's tests. */
final class DashboardEvents {

    final SimulatedClock clock = new SimulatedClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final TestEvents events = new TestEvents(clock);

    BusEvent performance(String equity, String peak, String drawdown) {
        clock.advance(Duration.ofHours(1));
        return events.event(EventCatalog.PORTFOLIO_PERFORMANCE, new PortfolioPerformance(clock.instant(),
                new BigDecimal(equity), new BigDecimal(peak), new BigDecimal(drawdown), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO));
    }

    BusEvent bar(String symbol, String close) {
        Instant open = clock.instant();
        clock.advance(Duration.ofHours(1));
        BigDecimal price = new BigDecimal(close);
        return events.event(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate(symbol, "1h", open,
                clock.instant(), price, price, price, price, BigDecimal.TEN, "BAR_CLOSE"));
    }

    BusEvent positionOpened(String positionId, String symbol) {
        return events.event(EventCatalog.PORTFOLIO_POSITION_OPENED, new PositionOpened(positionId, symbol, Side.LONG,
                new BigDecimal("0.010"), new BigDecimal("60000.0"), new BigDecimal("59000.0"),
                new BigDecimal("62000.0"), "sig-" + positionId, "ma_crossover", "ma_crossover@v1"));
    }

    BusEvent emergencyTriggered(String reason, String value, String threshold) {
        return events.event(EventCatalog.SAFETY_EMERGENCY_TRIGGERED, new EmergencyTriggered(reason, value, threshold));
    }

    BusEvent emergencyStop(String requestedBy) {
        return events.event(EventCatalog.SAFETY_EMERGENCY_STOP, new EmergencyStop("MANUAL: drill", requestedBy));
    }

    BusEvent operator(OperatorCommand.Kind kind, String reason, String by) {
        return events.event(EventCatalog.OS_OPERATOR_COMMAND, new OperatorCommand("cmd-" + kind, kind, reason, by));
    }

    BusEvent approved(String signalId) {
        return events.event(EventCatalog.RISK_SIGNAL_APPROVED, new SignalApproved(signalId, "BTCUSDT", Side.LONG,
                new BigDecimal("0.010"), new BigDecimal("60000.0"), new BigDecimal("59000.0"),
                new BigDecimal("62000.0"), "ma_crossover", "ma_crossover@v1"));
    }
}
