package com.quantumtrader.risk.store;

import com.quantumtrader.core.reservation.Increment;
import com.quantumtrader.core.reservation.Limit;
import com.quantumtrader.core.reservation.ReservationOutcome;
import com.quantumtrader.core.reservation.ReservationRequest;
import com.quantumtrader.events.Side;
import com.quantumtrader.risk.model.pretrade.EffectiveLimits;
import com.quantumtrader.risk.model.pretrade.ExposureRoom;
import com.quantumtrader.risk.model.pretrade.RejectReason;
import com.quantumtrader.risk.model.pretrade.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters and limits one entry reserves, in one atomic decision of the reservation store. Notionals are
 * micro-USDT (amounts rounded up, limits rounded down, so rounding never lets a limit be exceeded); counts are 1.
 * Counter names: {@code positions}, {@code positions:<symbol>}, {@code gross}, {@code notional:<symbol>},
 * {@code net_long} / {@code net_short} (long minus short and its opposite), {@code long:<symbol>} /
 * {@code short:<symbol>}, and the rate windows {@code orders:<minute>} / {@code orders:<symbol>:<minute>} with
 * minute = epoch minute of the clock (fixed UTC minutes; they expire after two minutes).
 */
public final class ExposurePlan {

    private static final BigDecimal MICRO = ExposureRoom.MICRO;
    private static final Duration RATE_WINDOW_LIFETIME = Duration.ofMinutes(2);

    private final Map<String, RejectReason> reasons = new LinkedHashMap<>();
    private final List<Limit> countLimits = new ArrayList<>();
    private final List<Limit> notionalLimits = new ArrayList<>();
    private final String symbol;
    private final Side side;
    private final long minute;

    /**
     * @param correlated symbols whose same-direction notional counts with this one (itself included)
     */
    public ExposurePlan(EffectiveLimits limits, String symbol, Side side, BigDecimal equity,
                 List<String> correlated, Instant now) {
        this.symbol = symbol;
        this.side = side;
        this.minute = now.getEpochSecond() / 60;
        var mode = limits.mode();
        count(RejectReason.POSITION_ALREADY_OPEN, 1, "positions:" + symbol);
        count(RejectReason.MAX_OPEN_POSITIONS, mode.maxOpenPositions(), "positions");
        count(RejectReason.ORDER_RATE_LIMIT, mode.maxOrdersPerMinute(), "orders:" + minute);
        count(RejectReason.SYMBOL_ORDER_RATE_LIMIT, mode.maxOrdersPerMinutePerSymbol(),
                "orders:" + symbol + ":" + minute);
        BigDecimal position = limits.maxPositionNotional();
        if (limits.symbolMaxLeverage() != null) {
            position = position.min(limits.symbolMaxLeverage().multiply(equity));
        }
        notional(RejectReason.MAX_POSITION_NOTIONAL, position, List.of("notional:" + symbol));
        notional(RejectReason.MAX_LEVERAGE, mode.maxLeverage().multiply(equity), List.of("gross"));
        notional(RejectReason.MAX_GROSS_EXPOSURE, mode.maxGrossExposure(), List.of("gross"));
        notional(RejectReason.MAX_NET_EXPOSURE, mode.maxNetExposure(), List.of(side == Side.LONG ? "net_long" : "net_short"));
        notional(RejectReason.MAX_CORRELATED_EXPOSURE, mode.maxCorrelatedExposure(),
                correlated.stream().map(s -> directional(side, s)).toList());
    }

    private static String directional(Side side, String symbol) {
        return (side == Side.LONG ? "long:" : "short:") + symbol;
    }

    private void count(RejectReason reason, long max, String counter) {
        Limit limit = Limit.of(reason.name(), max, counter);
        reasons.put(limit.name(), reason);
        countLimits.add(limit);
    }

    private void notional(RejectReason reason, BigDecimal maxUsdt, List<String> counters) {
        long max = maxUsdt.signum() <= 0 ? 0 : maxUsdt.multiply(MICRO).setScale(0, RoundingMode.DOWN).longValueExact();
        Limit limit = new Limit(reason.name(), max, counters);
        reasons.put(limit.name(), reason);
        notionalLimits.add(limit);
    }

    /** Every counter a limit sums, to read the room left. */
    public List<String> counters() {
        return java.util.stream.Stream.concat(countLimits.stream(), notionalLimits.stream())
                .flatMap(l -> l.counters().stream()).distinct().toList();
    }

    /** The first count limit (in check order) that is full already: one more would exceed it. */
    public java.util.Optional<Rejection> fullCount(Map<String, Long> values) {
        for (Limit limit : countLimits) {
            long used = values.getOrDefault(limit.counters().get(0), 0L);
            if (used + 1 > limit.max()) {
                return java.util.Optional.of(rejection(new ReservationOutcome.Refused("", limit, used, 1)));
            }
        }
        return java.util.Optional.empty();
    }

    /** The tightest notional room (micro-USDT) left, given the counters' current values, and the limit it is. */
    public ExposureRoom room(Map<String, Long> values) {
        ExposureRoom tightest = null;
        for (Limit limit : notionalLimits) {
            long used = limit.counters().stream().mapToLong(c -> values.getOrDefault(c, 0L)).sum();
            long room = limit.max() - used;
            if (tightest == null || room < tightest.micros()) {
                tightest = new ExposureRoom(reasons.get(limit.name()), limit.max(), used, room);
            }
        }
        return tightest;
    }

    static long micros(BigDecimal usdt) {
        return usdt.multiply(MICRO).setScale(0, RoundingMode.UP).longValueExact();
    }

    ReservationRequest request(String signalId, BigDecimal notionalUsdt) {
        long amount = micros(notionalUsdt);
        List<Increment> increments = new ArrayList<>(List.of(
                Increment.held("positions", 1),
                Increment.held("positions:" + symbol, 1),
                Increment.held("gross", amount),
                Increment.held("notional:" + symbol, amount),
                Increment.held("net_long", side == Side.LONG ? amount : -amount),
                Increment.held("net_short", side == Side.LONG ? -amount : amount),
                Increment.held(directional(side, symbol), amount),
                Increment.consumed("orders:" + minute, 1, RATE_WINDOW_LIFETIME),
                Increment.consumed("orders:" + symbol + ":" + minute, 1, RATE_WINDOW_LIFETIME)));
        List<Limit> limits = new ArrayList<>(countLimits);
        limits.addAll(notionalLimits);
        return new ReservationRequest(signalId, increments, limits);
    }

    /** The rejection a refused reservation stands for, with the limit and the value it would have reached. */
    public Rejection rejection(ReservationOutcome.Refused refused) {
        RejectReason reason = reasons.get(refused.limit().name());
        boolean notional = notionalLimits.contains(refused.limit());
        String limit = notional ? usdt(refused.limit().max()) : Long.toString(refused.limit().max());
        // a count names how many there are already; a notional what it would have become
        String value = notional ? usdt(refused.used() + refused.requested()) : Long.toString(refused.used());
        return new Rejection(reason, limit, value, reason.name().toLowerCase().replace('_', ' ') + ": "
                + (notional ? usdt(refused.used()) + " USDT used + " + usdt(refused.requested()) + " USDT asked > "
                + limit + " USDT" : refused.used() + " used + " + refused.requested() + " > " + limit));
    }

    private static String usdt(long micros) {
        return ExposureRoom.usdt(micros);
    }
}
