package com.quantumtrader.portfolio.analysis.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One UTC day of the equity curve: equity and the ledger's running totals at the day's open (the previous day's
 * close) and at the latest mark of the day.
 */
public record DayPoint(LocalDate day, BigDecimal openEquity, BigDecimal closeEquity, BigDecimal openRealized,
                       BigDecimal closeRealized, BigDecimal openFees, BigDecimal closeFees, BigDecimal openFunding,
                       BigDecimal closeFunding) {

    DayPoint closingAt(BigDecimal equity, BigDecimal realized, BigDecimal fees, BigDecimal funding) {
        return new DayPoint(day, openEquity, equity, openRealized, realized, openFees, fees, openFunding, funding);
    }

    DayPoint next(LocalDate nextDay) {
        return new DayPoint(nextDay, closeEquity, closeEquity, closeRealized, closeRealized, closeFees, closeFees,
                closeFunding, closeFunding);
    }
}
