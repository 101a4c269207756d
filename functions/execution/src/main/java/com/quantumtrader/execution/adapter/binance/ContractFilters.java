package com.quantumtrader.execution.adapter.binance;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The values of one USD-M contract's exchangeInfo filters that execution enforces before sending. A filter the
 * contract does not publish (or publishes as 0, Binance's "no limit") is null and not enforced.
 *
 * @param tickSize        PRICE_FILTER: prices are multiples of it
 * @param minPrice        PRICE_FILTER: lowest price or trigger
 * @param maxPrice        PRICE_FILTER: highest price or trigger
 * @param stepSize        LOT_SIZE: quantities are minQty plus multiples of it
 * @param minQuantity     LOT_SIZE minQty
 * @param maxQuantity     LOT_SIZE maxQty
 * @param marketStepSize  MARKET_LOT_SIZE stepSize (market, stop-market and take-profit-market orders)
 * @param marketMinQuantity MARKET_LOT_SIZE minQty
 * @param marketMaxQuantity MARKET_LOT_SIZE maxQty: the largest single market order
 * @param minNotional     MIN_NOTIONAL notional (USDT) of an order that may open a position
 * @param multiplierUp    PERCENT_PRICE: a limit price is at most mark price times this
 * @param multiplierDown  PERCENT_PRICE: a limit price is at least mark price times this
 */
record ContractFilters(String symbol, BigDecimal tickSize, BigDecimal minPrice, BigDecimal maxPrice,
                       BigDecimal stepSize, BigDecimal minQuantity, BigDecimal maxQuantity,
                       BigDecimal marketStepSize, BigDecimal marketMinQuantity, BigDecimal marketMaxQuantity,
                       BigDecimal minNotional, BigDecimal multiplierUp, BigDecimal multiplierDown) {

    ContractFilters {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minNotional, "minNotional");
    }
}
