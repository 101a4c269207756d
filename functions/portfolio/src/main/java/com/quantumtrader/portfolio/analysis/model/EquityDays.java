package com.quantumtrader.portfolio.analysis.model;

import com.quantumtrader.portfolio.positions.model.Money;
import com.quantumtrader.portfolio.valuation.model.Valuation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The daily equity curve: one {@link DayPoint} per UTC day with a mark or a fill, its close updated at each. The
 * first mark of a day opens it at the previous day's close; a late mark of a closed day rewrites no history. Pure.
 */
public final class EquityDays {

    private EquityDays() {
    }

    /**
     * The day point to keep after the account was valued at {@code at}, and {@code since} = {@code at} when it is
     * the curve's first point.
     */
    public record CurvePoint(DayPoint point, Optional<Instant> since) {
    }

    /**
     * @param latest         the curve's latest day, empty before the first mark
     * @param startingEquity the policy's starting equity: the first day opens at it
     * @param funding        the ledger's net funding so far
     * @return the point to keep; empty for a late mark of a day already closed
     */
    public static Optional<CurvePoint> at(Optional<DayPoint> latest, Instant at, BigDecimal startingEquity,
                                          Valuation valuation, BigDecimal funding) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        DayPoint last = latest.orElseGet(() -> new DayPoint(day, startingEquity, startingEquity, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        if (day.isBefore(last.day())) {
            return Optional.empty();
        }
        DayPoint point = (day.equals(last.day()) ? last : last.next(day)).closingAt(valuation.equity(),
                valuation.realized(), valuation.fees(), Money.amount(funding));
        return Optional.of(new CurvePoint(point, latest.isEmpty() ? Optional.of(at) : Optional.empty()));
    }
}
