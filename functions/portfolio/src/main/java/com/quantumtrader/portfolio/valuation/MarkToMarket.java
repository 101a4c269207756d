package com.quantumtrader.portfolio.valuation;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.portfolio.DrawdownHigh;
import com.quantumtrader.events.portfolio.StopLossAdjusted;
import com.quantumtrader.portfolio.positions.Money;
import com.quantumtrader.portfolio.positions.Position;
import com.quantumtrader.portfolio.positions.PositionBook;
import com.quantumtrader.portfolio.valuation.DrawdownState.AlertLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code market.price.update}: marks the symbol at the bar's close; moves the position's stop to break-even once
 * the close is 1R in its favour ({@code portfolio.sl.adjusted}, once per position); values the account and raises
 * {@code portfolio.drawdown.high} once per upward crossing of the policy's alert and emergency drawdowns.
 */
public final class MarkToMarket implements EventHandler {

    static final String BREAK_EVEN = "BREAK_EVEN";
    private static final Logger LOG = LoggerFactory.getLogger(MarkToMarket.class);

    private final PolicyReader policy;
    private final PositionBook book;
    private final AccountMarks marks;

    public MarkToMarket(PolicyReader policy, PositionBook book, AccountMarks marks) {
        this.policy = policy;
        this.book = book;
        this.marks = marks;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        MarketPriceUpdate bar = event.payload(EventCatalog.MARKET_PRICE_UPDATE);
        marks.mark(bar.symbol(), bar.close());
        List<Emit> out = new ArrayList<>();
        book.position(bar.symbol()).flatMap(position -> breakEven(position, bar.close())).ifPresent(out::add);
        drawdownAlert(policy.current()).ifPresent(out::add);
        return out;
    }

    private Optional<Emit> breakEven(Position position, BigDecimal close) {
        if (position.breakEvenDone() || position.initialStop() == null) {
            return Optional.empty();
        }
        BigDecimal entry = position.averageEntryPrice();
        BigDecimal oneR = entry.subtract(position.initialStop()).abs();
        BigDecimal inFavour = close.subtract(entry).multiply(BigDecimal.valueOf(position.side().sign()));
        if (oneR.signum() == 0 || inFavour.compareTo(oneR) < 0) {
            return Optional.empty();
        }
        BigDecimal newStop = Ticks.breakEvenStop(position.symbol(), position.side(), entry);
        boolean belowClose = position.side() == Side.LONG ? newStop.compareTo(close) < 0 : newStop.compareTo(close) > 0;
        if (!belowClose) {
            return Optional.empty(); // 1R is under a tick: wait until the stop can sit behind the price
        }
        BigDecimal previous = position.stopPrice();
        boolean tighter = previous == null || (position.side() == Side.LONG
                ? newStop.compareTo(previous) > 0 : newStop.compareTo(previous) < 0);
        book.save(position.withStop(tighter ? newStop : previous));
        if (!tighter) {
            return Optional.empty();
        }
        LOG.info("break-even: {} stop {} -> {}", position.positionId(), previous, newStop.toPlainString());
        return Optional.of(Emit.of(EventCatalog.PORTFOLIO_SL_ADJUSTED, new StopLossAdjusted(position.positionId(),
                position.symbol(), position.signalId(), previous, newStop, BREAK_EVEN)).inTrace(position.traceId()));
    }

    private Optional<Emit> drawdownAlert(Policy current) {
        Valuation valuation = marks.value(current);
        DrawdownState state = marks.drawdown(current);
        BigDecimal peak = state.peakEquity().max(valuation.equity());
        BigDecimal drawdown = valuation.drawdownFrom(peak);
        AlertLevel level = drawdown.compareTo(current.emergencyDrawdown()) >= 0 ? AlertLevel.EMERGENCY
                : drawdown.compareTo(current.drawdownAlert()) >= 0 ? AlertLevel.ALERT : AlertLevel.NONE;
        marks.save(new DrawdownState(peak, level));
        if (level.compareTo(state.alertLevel()) <= 0) {
            return Optional.empty();
        }
        BigDecimal threshold = level == AlertLevel.EMERGENCY ? current.emergencyDrawdown() : current.drawdownAlert();
        LOG.warn("drawdown {} crossed {} (equity {} peak {})", drawdown.toPlainString(), threshold.toPlainString(),
                valuation.equity().toPlainString(), peak.toPlainString());
        return Optional.of(Emit.of(EventCatalog.PORTFOLIO_DRAWDOWN_HIGH,
                new DrawdownHigh(drawdown, threshold, valuation.equity(), Money.amount(peak))));
    }
}
