package com.quantumtrader.portfolio.valuation.model;

import com.quantumtrader.portfolio.positions.model.Position;
import com.quantumtrader.portfolio.settings.PortfolioSettings;
import com.quantumtrader.portfolio.valuation.model.StopRules.StopMove;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Mark-to-market at a bar close, over the account loaded once: the symbol is marked at the close; its open
 * position remembers the close and gets its dynamic stop ({@link StopRules}); the account is valued and the
 * drawdown checked ({@link DrawdownWatch}). Pure: the account and the bar in, per-position results and the
 * account's valuation out.
 */
public final class Marking {

    private final StopRules stops;

    public Marking(PortfolioSettings settings) {
        this.stops = new StopRules(settings);
    }

    /**
     * A closed bar of one symbol with what its position's stop needs.
     *
     * @param atr      the symbol's ATR after the bar, if known
     * @param tickSize the instrument's tick, if known (without it no stop moves)
     */
    public record Bar(String symbol, BigDecimal close, Instant closeTime, Optional<BigDecimal> atr,
                      Optional<BigDecimal> tickSize) {
    }

    /** One position at the bar: before, after (best close, stop, break-even and time-exit marks), the stop move. */
    public record PositionMark(Position before, Position after, Optional<StopMove> move) {
    }

    /**
     * @param account   the account after the bar (mark and position updated)
     * @param position  the bar's symbol's position, when one is open
     * @param valuation the account valued at the new marks
     * @param drawdown  the drawdown state to keep and the crossing to raise
     */
    public record Outcome(Account account, Optional<PositionMark> position, Valuation valuation,
                          DrawdownWatch.Check drawdown) {
    }

    public Outcome mark(Account account, Bar bar, BigDecimal startingEquity, DrawdownState drawdown,
                        DrawdownWatch.Limits limits) {
        Optional<PositionMark> position = account.position(bar.symbol()).map(before -> {
            StopRules.Decision decision = stops.decide(before.withClose(bar.close()), bar.close(), bar.atr(),
                    bar.tickSize(), bar.closeTime());
            return new PositionMark(before, decision.position(), decision.move());
        });
        Account after = account.marked(bar.symbol(), bar.close());
        after = position.map(mark -> mark.after()).map(after::with).orElse(after);
        Valuation valuation = after.value(startingEquity);
        return new Outcome(after, position, valuation, DrawdownWatch.check(drawdown, valuation, limits));
    }
}
