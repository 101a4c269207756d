package com.quantumtrader.execution.guard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Defence in depth below risk: refuses an entry no sane approval contains, whatever risk decided (a bug, a replayed
 * or forged approval on the execution stream). Pure: values in, a refusal or nothing out. Each rule is one small
 * named function; the first that refuses decides, so a reader sees one reason with its limit and value.
 */
public final class OrderSanityGuard {

    /** Refused: quantity above the contract's maximum order quantity. */
    public static final String ABOVE_MAX_QUANTITY = "ABOVE_MAX_QUANTITY";
    /** Refused: quantity x price above execution's own per-order notional cap. */
    public static final String ORDER_NOTIONAL_ABOVE_CAP = "ORDER_NOTIONAL_ABOVE_CAP";
    /** Refused: the symbol's position after the fill would be above execution's own position cap. */
    public static final String POSITION_NOTIONAL_ABOVE_CAP = "POSITION_NOTIONAL_ABOVE_CAP";
    /** Refused: the order's price is too far from the last price execution knows. */
    public static final String PRICE_FAR_FROM_MARKET = "PRICE_FAR_FROM_MARKET";

    private static final BigDecimal BPS = new BigDecimal("10000");
    private static final MathContext PRECISION = new MathContext(12, RoundingMode.HALF_EVEN);

    private static final List<Function<Entry, Optional<Refusal>>> RULES = List.of(
            OrderSanityGuard::quantityWithinContractMaximum,
            OrderSanityGuard::priceNearTheMarket,
            OrderSanityGuard::orderNotionalWithinCap,
            OrderSanityGuard::positionNotionalWithinCap);

    private OrderSanityGuard() {
    }

    /**
     * What the guard looks at.
     *
     * @param symbol           the contract
     * @param quantity         the entry's quantity (positive; as it would be sent)
     * @param signedDirection  +1 for a buy, -1 for a sell
     * @param prices           the prices the order carries: its reference, and its limit when it has one
     * @param marketPrice      the last (or mark) price execution knows; empty before the first one
     * @param positionQuantity the symbol's current position, signed (long positive); zero when flat
     * @param limits           the caps in force
     */
    public record Entry(String symbol, BigDecimal quantity, int signedDirection, List<BigDecimal> prices,
                        Optional<BigDecimal> marketPrice, BigDecimal positionQuantity, Limits limits) {

        public Entry {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(quantity, "quantity");
            prices = List.copyOf(prices);
            Objects.requireNonNull(marketPrice, "marketPrice");
            Objects.requireNonNull(positionQuantity, "positionQuantity");
            Objects.requireNonNull(limits, "limits");
            if (signedDirection != 1 && signedDirection != -1) {
                throw new IllegalArgumentException("signedDirection must be +1 or -1 but is " + signedDirection);
            }
            if (prices.isEmpty()) {
                throw new IllegalArgumentException("an entry needs at least its reference price");
            }
        }

        /** The price notionals are valued at: the market when known, else the highest price the order carries. */
        BigDecimal valuationPrice() {
            return marketPrice.orElseGet(() -> prices.stream().max(BigDecimal::compareTo).orElseThrow());
        }
    }

    /**
     * The caps in force.
     *
     * @param maxQuantity          the contract's maximum order quantity (the exchange's); empty when it publishes none
     * @param maxOrderNotional     execution's per-order notional cap, in USDT
     * @param maxPositionNotional  execution's per-symbol position notional cap, in USDT
     * @param maxPriceDeviationBps how far an order's price may be from the market, in basis points
     */
    public record Limits(Optional<BigDecimal> maxQuantity, BigDecimal maxOrderNotional, BigDecimal maxPositionNotional,
                         BigDecimal maxPriceDeviationBps) {

        public Limits {
            Objects.requireNonNull(maxQuantity, "maxQuantity");
            Objects.requireNonNull(maxOrderNotional, "maxOrderNotional");
            Objects.requireNonNull(maxPositionNotional, "maxPositionNotional");
            Objects.requireNonNull(maxPriceDeviationBps, "maxPriceDeviationBps");
        }
    }

    /**
     * Why an entry was refused.
     *
     * @param code  one of this class's codes; the {@code error_code} of {@code execution.order.failed}
     * @param limit the cap that was exceeded
     * @param value the entry's value that exceeded it
     */
    public record Refusal(String code, String what, BigDecimal limit, BigDecimal value) {

        /** e.g. {@code quantity 1000000 ETHUSDT above the contract's maximum: limit 2000, value 1000000}. */
        public String message() {
            return what + ": limit " + limit.stripTrailingZeros().toPlainString() + ", value "
                    + value.stripTrailingZeros().toPlainString();
        }
    }

    /** The first refusal of the rules, or empty when the entry is sane. */
    public static Optional<Refusal> check(Entry entry) {
        for (Function<Entry, Optional<Refusal>> rule : RULES) {
            Optional<Refusal> refusal = rule.apply(entry);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    static Optional<Refusal> quantityWithinContractMaximum(Entry entry) {
        return entry.limits().maxQuantity()
                .filter(max -> entry.quantity().compareTo(max) > 0)
                .map(max -> new Refusal(ABOVE_MAX_QUANTITY, "quantity " + entry.quantity().toPlainString() + " "
                        + entry.symbol() + " above the contract's maximum order quantity", max, entry.quantity()));
    }

    /** Only with a market price: without one there is nothing to compare against (the other rules still hold). */
    static Optional<Refusal> priceNearTheMarket(Entry entry) {
        if (entry.marketPrice().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal market = entry.marketPrice().get();
        for (BigDecimal price : entry.prices()) {
            BigDecimal deviationBps = price.subtract(market).abs().multiply(BPS).divide(market, PRECISION);
            if (deviationBps.compareTo(entry.limits().maxPriceDeviationBps()) > 0) {
                return Optional.of(new Refusal(PRICE_FAR_FROM_MARKET, "price " + price.toPlainString() + " is "
                        + deviationBps.setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " bps from the market "
                        + market.toPlainString() + " of " + entry.symbol() + " (bps)",
                        entry.limits().maxPriceDeviationBps(), deviationBps.setScale(1, RoundingMode.HALF_EVEN)));
            }
        }
        return Optional.empty();
    }

    static Optional<Refusal> orderNotionalWithinCap(Entry entry) {
        BigDecimal notional = entry.quantity().multiply(entry.valuationPrice());
        if (notional.compareTo(entry.limits().maxOrderNotional()) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(ORDER_NOTIONAL_ABOVE_CAP, "order notional of " + entry.quantity().toPlainString()
                + " " + entry.symbol() + " at " + entry.valuationPrice().toPlainString()
                + " above execution.max_order_notional (USDT)", entry.limits().maxOrderNotional(), notional));
    }

    static Optional<Refusal> positionNotionalWithinCap(Entry entry) {
        BigDecimal after = entry.positionQuantity().add(entry.quantity().multiply(BigDecimal.valueOf(entry.signedDirection())));
        BigDecimal notional = after.abs().multiply(entry.valuationPrice());
        if (notional.compareTo(entry.limits().maxPositionNotional()) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(POSITION_NOTIONAL_ABOVE_CAP, entry.symbol() + " position of "
                + after.toPlainString() + " after the entry at " + entry.valuationPrice().toPlainString()
                + " above execution.max_position_notional (USDT)", entry.limits().maxPositionNotional(), notional));
    }
}
