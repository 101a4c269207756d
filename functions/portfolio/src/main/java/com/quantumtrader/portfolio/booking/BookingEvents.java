package com.quantumtrader.portfolio.booking;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.events.portfolio.PositionOpened;
import com.quantumtrader.events.portfolio.TradeClosed;
import com.quantumtrader.portfolio.positions.model.FillRules.Closed;
import com.quantumtrader.portfolio.positions.model.Position;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The events of a booked fill, in the trace of the position's first entry. */
final class BookingEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PositionMonitor.class);

    private BookingEvents() {
    }

    static Emit opened(Position position, OrderFilled fill) {
        LOG.info("opened {} {} {} @ {}", position.positionId(), position.side(), fill.quantity().toPlainString(),
                fill.price().toPlainString());
        return Emit.of(EventCatalog.PORTFOLIO_POSITION_OPENED, new PositionOpened(position.positionId(),
                position.symbol(), position.side(), fill.quantity(), fill.price(), fill.stopPrice(),
                fill.targetPrice(), fill.signalId(), fill.strategyId(), fill.modelId())).inTrace(position.traceId());
    }

    static List<Emit> closed(Closed closed, String exitReason) {
        Position p = closed.position();
        BigDecimal pnl = closed.trade().realizedPnl();
        LOG.info("closed {} {} by {}: realised {}", p.positionId(), p.symbol(), exitReason, pnl.toPlainString());
        PositionClosed positionClosed = new PositionClosed(p.positionId(), p.symbol(), p.side(), p.enteredQuantity(),
                p.averageEntryPrice(), p.averageExitPrice(), pnl, closed.trade().fees(), exitReason, p.signalId());
        TradeClosed trade = new TradeClosed(p.positionId(), p.symbol(), p.side(), p.enteredQuantity(),
                p.averageEntryPrice(), p.averageExitPrice(), p.openedAt(), closed.trade().closedAt(),
                closed.trade().fees(), closed.trade().funding(), pnl, closed.trade().rMultiple(), exitReason,
                p.signalId(), p.strategyId(), p.modelId());
        return List.of(
                Emit.of(EventCatalog.PORTFOLIO_POSITION_CLOSED, positionClosed).inTrace(p.traceId()),
                Emit.of(EventCatalog.TRADE_CLOSED, trade).inTrace(p.traceId()));
    }
}
