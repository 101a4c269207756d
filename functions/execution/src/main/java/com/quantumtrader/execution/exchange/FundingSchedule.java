package com.quantumtrader.execution.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When the simulated exchange settles funding on a symbol, and at which rate: a constant rate every 8 h (00:00,
 * 08:00, 16:00 UTC), or the rates an exchange actually settled (a historical funding-rate file), whose own times
 * also give the interval (Binance settles some contracts every 4 h or 1 h).
 */
public interface FundingSchedule {

    /** One funding settlement: its time and rate (positive: longs pay shorts). */
    record Settlement(Instant time, BigDecimal rate) {
        public Settlement {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(rate, "rate");
        }
    }

    /** The settlements of {@code symbol} after {@code after} up to and including {@code until}, oldest first. */
    List<Settlement> between(String symbol, Instant after, Instant until);

    /** {@code rate} at every multiple of {@link SimulatedExchange#FUNDING_INTERVAL} since the epoch; none at rate 0. */
    static FundingSchedule constant(BigDecimal rate) {
        Objects.requireNonNull(rate, "rate");
        return (symbol, after, until) -> {
            if (rate.signum() == 0) {
                return List.of();
            }
            List<Settlement> due = new ArrayList<>();
            long interval = SimulatedExchange.FUNDING_INTERVAL.toSeconds();
            Instant at = Instant.ofEpochSecond(Math.floorDiv(after.getEpochSecond(), interval) * interval + interval);
            for (; !at.isAfter(until); at = at.plus(SimulatedExchange.FUNDING_INTERVAL)) {
                due.add(new Settlement(at, rate));
            }
            return due;
        };
    }

    /**
     * The recorded settlements of each symbol; a symbol without any is settled by {@code otherwise}.
     *
     * @param bySymbol symbol -> funding time -> rate
     */
    static FundingSchedule recorded(Map<String, ? extends NavigableMap<Instant, BigDecimal>> bySymbol,
                                    FundingSchedule otherwise) {
        Map<String, NavigableMap<Instant, BigDecimal>> copy = new TreeMap<>();
        bySymbol.forEach((symbol, rates) -> copy.put(symbol, Collections.unmodifiableNavigableMap(new TreeMap<>(rates))));
        Objects.requireNonNull(otherwise, "otherwise");
        return (symbol, after, until) -> {
            NavigableMap<Instant, BigDecimal> rates = copy.get(symbol);
            if (rates == null) {
                return otherwise.between(symbol, after, until);
            }
            if (!until.isAfter(after)) {
                return List.of();
            }
            List<Settlement> due = new ArrayList<>();
            rates.subMap(after, false, until, true).forEach((time, rate) -> due.add(new Settlement(time, rate)));
            return due;
        };
    }
}
