package com.quantumtrader.portfolio.store;

import com.quantumtrader.core.state.KeyValueStore;
import com.quantumtrader.portfolio.analysis.model.DayPoint;
import com.quantumtrader.portfolio.analysis.model.EquityDays.CurvePoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The daily equity curve in portfolio's store: one {@link DayPoint} per UTC day (one hash field per day, so a mark
 * writes one small value whatever the history's length), the latest one, and the time of the first.
 */
public final class EquityCurveStore {

    private static final String DAYS = "equity_days";
    private static final String LATEST = "equity_latest";
    private static final String SINCE = "equity_since";

    private final KeyValueStore state;

    public EquityCurveStore(KeyValueStore state) {
        this.state = state;
    }

    public void save(CurvePoint point) {
        point.since().ifPresent(since -> state.put(SINCE, since.toString()));
        state.hashPutJson(DAYS, point.point().day().toString(), point.point());
        state.putJson(LATEST, point.point());
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
