package com.quantumtrader.portfolio.marking;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.portfolio.DrawdownHigh;
import com.quantumtrader.events.portfolio.StopLossAdjusted;
import com.quantumtrader.portfolio.positions.model.Position;
import com.quantumtrader.portfolio.valuation.model.DrawdownWatch;
import com.quantumtrader.portfolio.valuation.model.Marking;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The events of a mark: the stop move (in the position's trace), then the drawdown crossing. */
final class MarkingEvents {

    private static final Logger LOG = LoggerFactory.getLogger(MarkToMarket.class);

    private MarkingEvents() {
    }

    static List<Emit> of(Marking.Outcome outcome) {
        List<Emit> out = new ArrayList<>();
        outcome.position().flatMap(MarkingEvents::stopMoved).ifPresent(out::add);
        outcome.drawdown().crossing().map(MarkingEvents::drawdownHigh).ifPresent(out::add);
        return out;
    }

    private static Optional<Emit> stopMoved(Marking.PositionMark mark) {
        Position before = mark.before();
        return mark.move().map(move -> {
            LOG.info("{}: {} stop {} -> {}", move.reason(), before.positionId(), before.stopPrice(),
                    move.newStop().toPlainString());
            return Emit.of(EventCatalog.PORTFOLIO_SL_ADJUSTED, new StopLossAdjusted(before.positionId(),
                    before.symbol(), before.signalId(), before.stopPrice(), move.newStop(), move.reason()))
                    .inTrace(before.traceId());
        });
    }

    private static Emit drawdownHigh(DrawdownWatch.Crossing crossing) {
        LOG.warn("drawdown {} crossed {} (equity {} peak {})", crossing.drawdown().toPlainString(),
                crossing.threshold().toPlainString(), crossing.equity().toPlainString(),
                crossing.peak().toPlainString());
        return Emit.of(EventCatalog.PORTFOLIO_DRAWDOWN_HIGH, new DrawdownHigh(crossing.drawdown(),
                crossing.threshold(), crossing.equity(), crossing.peak()));
    }
}
