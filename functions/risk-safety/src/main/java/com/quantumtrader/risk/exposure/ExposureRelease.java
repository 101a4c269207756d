package com.quantumtrader.risk.exposure;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.portfolio.PositionClosed;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code portfolio.position.closed}: frees the closed position's reservation and books its realised P&L into the
 * equity risk sizes against. Publishes nothing.
 */
public final class ExposureRelease implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ExposureRelease.class);

    private final ExposureBook book;

    public ExposureRelease(ExposureBook book) {
        this.book = book;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        PositionClosed closed = event.payload(EventCatalog.PORTFOLIO_POSITION_CLOSED);
        if (book.release(closed.signalId()).isEmpty()) {
            LOG.warn("position {} of signal {} closed without a reservation", closed.positionId(), closed.signalId());
        }
        // The runtime dedupes on event_id, so each close is booked exactly once.
        book.addRealizedPnl(closed.realizedPnl());
        LOG.info("released {} {} realised_pnl={} equity_pnl={}", closed.symbol(), closed.signalId(),
                closed.realizedPnl().toPlainString(), book.realizedPnl().toPlainString());
        return List.of();
    }
}
