package com.quantumtrader.portfolio.booking;

import com.quantumtrader.portfolio.analysis.model.EquityDays;
import com.quantumtrader.portfolio.store.EquityCurveStore;
import com.quantumtrader.portfolio.valuation.model.Account;
import java.math.BigDecimal;
import java.time.Instant;

/** After a booking: the account valued as stored now, on the equity curve of the day of {@code at}. */
final class EquityCurves {

    private EquityCurves() {
    }

    static void record(EquityCurveStore curve, Account account, BigDecimal startingEquity, Instant at) {
        EquityDays.at(curve.latest(), at, startingEquity, account.value(startingEquity), account.ledger().funding())
                .ifPresent(curve::save);
    }
}
