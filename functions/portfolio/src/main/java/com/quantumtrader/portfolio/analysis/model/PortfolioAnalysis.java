package com.quantumtrader.portfolio.analysis.model;

import com.quantumtrader.events.portfolio.PortfolioMetrics;
import com.quantumtrader.events.portfolio.SliceMetrics;
import com.quantumtrader.portfolio.analysis.model.Metrics.Exposure;
import com.quantumtrader.portfolio.positions.model.ClosedTrade;
import com.quantumtrader.portfolio.positions.model.Ledger;
import com.quantumtrader.portfolio.positions.model.Money;
import com.quantumtrader.portfolio.positions.model.Position;
import com.quantumtrader.portfolio.valuation.model.Valuation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The portfolio analyzer (the seed's PAL): from the daily equity curve, the closed trades and the open positions,
 * today's and total P&L, fees and funding, and {@link Metrics} for the account, each strategy and each symbol.
 * Pure: the history in, the report out.
 */
public final class PortfolioAnalysis {

    private final int daysPerYear;

    /** @param daysPerYear annualisation: crypto trades every day */
    public PortfolioAnalysis(int daysPerYear) {
        this.daysPerYear = daysPerYear;
    }

    /**
     * What the analyzer reads, as stored.
     *
     * @param days   the equity curve, oldest day first
     * @param since  time of the curve's first point, empty before any
     * @param trades closed trades in the order they closed
     * @param open   open positions
     */
    public record History(List<DayPoint> days, Optional<Instant> since, Ledger ledger, List<ClosedTrade> trades,
                          List<Position> open) {
    }

    /** The report at {@code now} of an account that started at {@code startingEquity} and is valued now. */
    public PortfolioMetrics report(BigDecimal startingEquity, History history, Valuation valuation, Instant now) {
        List<DayPoint> days = history.days();
        Ledger ledger = history.ledger();
        List<ClosedTrade> trades = history.trades();
        List<Position> open = history.open();
        Instant since = history.since().orElse(now);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        DayPoint latest = days.isEmpty() ? null : days.get(days.size() - 1);
        DayPoint todays = latest == null ? null : latest.day().equals(today) ? latest : latest.next(today);
        BigDecimal start = days.isEmpty() ? startingEquity : days.get(0).openEquity();

        List<BigDecimal> accountReturns = new ArrayList<>();
        TreeMap<LocalDate, BigDecimal> openEquity = new TreeMap<>();
        for (DayPoint day : days) {
            accountReturns.add(day.closeEquity().divide(day.openEquity(), Metrics.MATH).subtract(BigDecimal.ONE));
            openEquity.put(day.day(), day.openEquity());
        }
        BigDecimal lastClose = latest == null ? start : latest.closeEquity();
        BigDecimal totalReturn = lastClose.divide(start, Metrics.MATH).subtract(BigDecimal.ONE);

        List<SliceMetrics> slices = new ArrayList<>();
        slices.add(Metrics.of("TOTAL", "ALL", accountReturns, true, totalReturn, daysPerYear, trades,
                exposures(trades, open, t -> true, p -> true, now), since, now));
        addSlices(slices, "STRATEGY", ClosedTrade::strategyId, Position::strategyId, trades, open, openEquity,
                start, since, now);
        addSlices(slices, "SYMBOL", ClosedTrade::symbol, Position::symbol, trades, open, openEquity, start, since,
                now);

        BigDecimal funding = Money.amount(ledger.funding());
        return new PortfolioMetrics(now, since, accountReturns.size(), valuation.equity(),
                todays == null ? Money.amount(BigDecimal.ZERO)
                        : Money.amount(valuation.equity().subtract(todays.openEquity())),
                todays == null ? valuation.realized() : Money.amount(valuation.realized()
                        .subtract(todays.openRealized())),
                valuation.realized(), valuation.unrealized(),
                todays == null ? valuation.fees() : Money.amount(valuation.fees().subtract(todays.openFees())),
                valuation.fees(),
                todays == null ? funding : Money.amount(funding.subtract(todays.openFunding())),
                funding, List.copyOf(slices));
    }

    private void addSlices(List<SliceMetrics> slices, String scope, Function<ClosedTrade, String> tradeKey,
                           Function<Position, String> positionKey, List<ClosedTrade> trades, List<Position> open,
                           TreeMap<LocalDate, BigDecimal> openEquity, BigDecimal start, Instant since, Instant now) {
        TreeSet<String> keys = new TreeSet<>();
        trades.forEach(t -> keys.add(tradeKey.apply(t)));
        open.forEach(p -> keys.add(positionKey.apply(p)));
        for (String key : keys) {
            List<ClosedTrade> mine = trades.stream().filter(t -> tradeKey.apply(t).equals(key)).toList();
            // the slice's daily contribution: its P&L realised that day / the account's equity at the day's open
            TreeMap<LocalDate, BigDecimal> pnlByDay = new TreeMap<>();
            openEquity.keySet().forEach(day -> pnlByDay.put(day, BigDecimal.ZERO));
            for (ClosedTrade trade : mine) {
                LocalDate day = LocalDate.ofInstant(trade.closedAt(), ZoneOffset.UTC);
                Map.Entry<LocalDate, BigDecimal> known = openEquity.floorEntry(day);
                LocalDate bucket = known != null ? known.getKey() : openEquity.isEmpty() ? day : openEquity.firstKey();
                pnlByDay.merge(bucket, trade.realizedPnl(), BigDecimal::add);
            }
            List<BigDecimal> returns = new ArrayList<>();
            pnlByDay.forEach((day, pnl) -> returns.add(pnl.divide(openEquity.getOrDefault(day, start),
                    Metrics.MATH)));
            BigDecimal total = returns.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            slices.add(Metrics.of(scope, key, returns, false, total, daysPerYear, mine,
                    exposures(mine, open, t -> true, p -> positionKey.apply(p).equals(key), now), since, now));
        }
    }

    private static List<Exposure> exposures(List<ClosedTrade> trades, List<Position> open,
                                            java.util.function.Predicate<ClosedTrade> tradeFilter,
                                            java.util.function.Predicate<Position> positionFilter, Instant now) {
        List<Exposure> exposures = new ArrayList<>();
        trades.stream().filter(tradeFilter).forEach(t -> exposures.add(new Exposure(t.openedAt(), t.closedAt())));
        open.stream().filter(positionFilter).forEach(p -> exposures.add(new Exposure(p.openedAt(), now)));
        return exposures;
    }
}
