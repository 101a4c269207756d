package com.quantumtrader.portfolio.valuation;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.instrument.InstrumentCatalog;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.core.policy.PolicyReader;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.portfolio.DrawdownHigh;
import com.quantumtrader.events.portfolio.StopLossAdjusted;
import com.quantumtrader.portfolio.analysis.EquityCurve;
import com.quantumtrader.portfolio.market.MarketHistory;
import com.quantumtrader.portfolio.market.SymbolHistory;
import com.quantumtrader.portfolio.positions.Ledger;
import com.quantumtrader.portfolio.positions.Money;
import com.quantumtrader.portfolio.positions.Position;
import com.quantumtrader.portfolio.positions.PositionBook;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import com.quantumtrader.portfolio.valuation.DrawdownState.AlertLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code market.price.update}: keeps the symbol's recent bars (ATR, volatility, volume) and marks it at the
 * close; moves the open position's stop ({@link StopRules}: time exit, break-even, trailing; each move a
 * {@code portfolio.sl.adjusted} that execution turns into a new stop order); values the account, extends the daily
 * equity curve and raises {@code portfolio.drawdown.high} once per upward crossing of the policy's alert and
 * emergency drawdowns. Funding is not estimated here: the exchange reports it ({@code execution.funding.paid},
 * {@link com.quantumtrader.portfolio.positions.FundingSettlement}).
 */
public final class MarkToMarket implements EventHandler {

    static final String BREAK_EVEN = StopRules.BREAK_EVEN;
    private static final Logger LOG = LoggerFactory.getLogger(MarkToMarket.class);

    private final PolicyReader policy;
    private final PositionBook book;
    private final AccountMarks marks;
    private final MarketHistory market;
    private final EquityCurve curve;
    private final PortfolioSettings settings;
    private final StopRules stops;

    public MarkToMarket(PolicyReader policy, PositionBook book, AccountMarks marks, MarketHistory market,
                        EquityCurve curve, PortfolioSettings settings, InstrumentCatalog instruments) {
        this.policy = policy;
        this.book = book;
        this.marks = marks;
        this.market = market;
        this.curve = curve;
        this.settings = settings;
        this.stops = new StopRules(settings, instruments);
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        MarketPriceUpdate bar = event.payload(EventCatalog.MARKET_PRICE_UPDATE);
        if (bar.close() == null || bar.close().signum() <= 0 || bar.closeTime() == null) {
            throw new MalformedEventException("bar of " + bar.symbol()
                    + " needs a positive close and a close time");
        }
        SymbolHistory history = market.record(bar);
        marks.mark(bar.symbol(), bar.close());
        List<Emit> out = new ArrayList<>();
        book.position(bar.symbol()).flatMap(position -> manage(position, bar, history)).ifPresent(out::add);
        Policy current = policy.current();
        Valuation valuation = marks.value(current);
        Ledger ledger = book.ledger();
        curve.record(bar.closeTime(), current.accountEquity(), valuation.equity(), valuation.realized(),
                valuation.fees(), Money.amount(ledger.funding()));
        drawdownAlert(current, valuation).ifPresent(out::add);
        return out;
    }

    private Optional<Emit> manage(Position position, MarketPriceUpdate bar, SymbolHistory history) {
        Position settled = position.withClose(bar.close());
        StopRules.Decision decision = stops.decide(settled, bar.close(),
                history.averageTrueRange(settings.atrPeriod()), bar.closeTime());
        book.save(decision.position());
        return decision.move().map(move -> {
            LOG.info("{}: {} stop {} -> {}", move.reason(), position.positionId(), position.stopPrice(),
                    move.newStop().toPlainString());
            return Emit.of(EventCatalog.PORTFOLIO_SL_ADJUSTED, new StopLossAdjusted(position.positionId(),
                    position.symbol(), position.signalId(), position.stopPrice(), move.newStop(), move.reason()))
                    .inTrace(position.traceId());
        });
    }

    private Optional<Emit> drawdownAlert(Policy current, Valuation valuation) {
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
