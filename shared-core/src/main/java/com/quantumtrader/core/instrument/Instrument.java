package com.quantumtrader.core.instrument;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One contract's reference data as Binance USDⓈ-M publishes it in {@code GET /fapi/v1/exchangeInfo}: the one source
 * every domain reads its tick and step from. Prices and quantities are kept exactly as the exchange writes them
 * ({@code "0.10"} stays at scale 2), so what a domain rounds to is what the exchange checks.
 *
 * @param symbol         e.g. {@code BTCUSDT}, or {@code BTCUSDT_250926} for a delivery contract
 * @param pair           the underlying pair ({@code BTCUSDT} for both of the above)
 * @param contractType   {@code PERPETUAL}, {@code CURRENT_QUARTER}, {@code NEXT_QUARTER}, ... (as sent)
 * @param status         {@code TRADING}, {@code SETTLING}, {@code PENDING_TRADING}, ... (as sent)
 * @param tickSize       PRICE_FILTER tickSize
 * @param minPrice       PRICE_FILTER minPrice, null when not sent
 * @param maxPrice       PRICE_FILTER maxPrice, null when not sent
 * @param stepSize       LOT_SIZE stepSize
 * @param minQuantity    LOT_SIZE minQty, null when not sent
 * @param maxQuantity    LOT_SIZE maxQty, null when not sent
 * @param marketMinQuantity MARKET_LOT_SIZE minQty, null when not sent
 * @param marketMaxQuantity MARKET_LOT_SIZE maxQty, null when not sent
 * @param minNotional    MIN_NOTIONAL notional (USDT), zero when not sent
 * @param multiplierUp   PERCENT_PRICE multiplierUp, null when not sent
 * @param multiplierDown PERCENT_PRICE multiplierDown, null when not sent
 * @param onboardDate    when the contract was listed, null when not sent
 * @param deliveryDate   when a delivery contract settles, null for perpetuals (Binance sends a far-future date)
 */
public record Instrument(
        String symbol,
        String pair,
        String contractType,
        String status,
        BigDecimal tickSize,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        BigDecimal stepSize,
        BigDecimal minQuantity,
        BigDecimal maxQuantity,
        BigDecimal marketMinQuantity,
        BigDecimal marketMaxQuantity,
        BigDecimal minNotional,
        BigDecimal multiplierUp,
        BigDecimal multiplierDown,
        Instant onboardDate,
        Instant deliveryDate) {

    public static final String PERPETUAL = "PERPETUAL";
    public static final String TRADING = "TRADING";

    public Instrument {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("an instrument needs a symbol");
        }
        Objects.requireNonNull(contractType, () -> symbol + ": contractType");
        Objects.requireNonNull(status, () -> symbol + ": status");
        positive(symbol, "tickSize", tickSize);
        positive(symbol, "stepSize", stepSize);
        minNotional = minNotional == null ? BigDecimal.ZERO : minNotional;
        if (minNotional.signum() < 0) {
            throw new IllegalArgumentException(symbol + ": minNotional must not be negative but is " + minNotional);
        }
        pair = pair == null || pair.isBlank() ? symbol : pair;
    }

    public boolean isTrading() {
        return TRADING.equals(status);
    }

    public boolean isPerpetual() {
        return PERPETUAL.equals(contractType);
    }

    public Optional<Instant> delivery() {
        return Optional.ofNullable(deliveryDate);
    }

    /** Why this contract cannot be traded by a run that trades perpetuals only, or empty when it can. */
    public Optional<String> whyNotTradable() {
        if (!isPerpetual()) {
            return Optional.of(symbol + " is a delivery contract (" + contractType
                    + delivery().map(d -> ", delivers " + d).orElse("")
                    + "): only perpetual contracts are supported");
        }
        if (!isTrading()) {
            return Optional.of(symbol + " is " + status + " on the exchange, not TRADING");
        }
        return Optional.empty();
    }

    private static void positive(String symbol, String name, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": " + name + " must be positive but is " + value);
        }
    }
}
