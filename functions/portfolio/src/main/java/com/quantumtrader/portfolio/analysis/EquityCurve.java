package com.quantumtrader.portfolio.analysis;

import com.quantumtrader.core.state.KeyValueStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The daily equity curve in portfolio's store: one {@link DayPoint} per UTC day with a mark, updated at every
 * mark (one hash field per day, so a mark writes one small value whatever the history's length).
 */
public final class EquityCurve {

    private static final String DAYS = "equity_days";
    private static final String LATEST = "equity_latest";
    private static final String SINCE = "equity_since";

    private final KeyValueStore state;

    public EquityCurve(KeyValueStore state) {
        this.state = state;
    }

    /** The account as marked at {@code at}; the first mark of a day opens it at the previous day's close. */
    public void record(Instant at, BigDecimal startingEquity, BigDecimal equity, BigDecimal realized,
                       BigDecimal fees, BigDecimal funding) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        DayPoint latest = latest().orElseGet(() -> {
            state.put(SINCE, at.toString());
            return new DayPoint(day, startingEquity, startingEquity, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        });
        if (day.isBefore(latest.day())) {
            return; // a late mark of a closed day: the curve does not rewrite history
        }
        DayPoint point = (day.equals(latest.day()) ? latest : latest.next(day))
                .closingAt(equity, realized, fees, funding);
        state.hashPutJson(DAYS, day.toString(), point);
        state.putJson(LATEST, point);
    }

    public Optional<DayPoint> latest() {
        return state.getJson(LATEST, DayPoint.class);
    }

    /** Time of the first mark. */
    public Optional<Instant> since() {
        return state.get(SINCE).map(Instant::parse);
    }

    /** Every day, oldest first. */
    public List<DayPoint> days() {
        return List.copyOf(new TreeMap<>(state.hashGetAllJson(DAYS, DayPoint.class)).values());
    }
}
