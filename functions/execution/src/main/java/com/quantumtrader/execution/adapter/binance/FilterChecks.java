package com.quantumtrader.execution.adapter.binance;

import com.quantumtrader.execution.exchange.OrderRequest;
import com.quantumtrader.execution.exchange.OrderType;
import com.quantumtrader.execution.exchange.PlaceResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every exchangeInfo filter Binance would check, checked here first, so a violation is a local rejection that names
 * the filter and the values instead of an order sent to be refused: LOT_SIZE (and MARKET_LOT_SIZE for orders that
 * execute at market), PRICE_FILTER on a limit price or trigger, PERCENT_PRICE on a limit price against the mark
 * price, MIN_NOTIONAL on an order that may open a position (Binance exempts reduce-only orders).
 */
final class FilterChecks {

    /** The prices a check may need, fetched only when it does. */
    interface ReferencePrices {
        Optional<BigDecimal> last();

        Optional<BigDecimal> mark();
    }

    private FilterChecks() {
    }

    static Optional<PlaceResult> check(OrderRequest request, ContractFilters filters, ReferencePrices prices) {
        return first(
                () -> lotSize(request, filters),
                () -> marketLotSize(request, filters),
                () -> priceFilter(request, filters),
                () -> percentPrice(request, filters, prices),
                () -> minNotional(request, filters, prices));
    }

    @SafeVarargs
    private static Optional<PlaceResult> first(Supplier<Optional<PlaceResult>>... checks) {
        for (Supplier<Optional<PlaceResult>> check : checks) {
            Optional<PlaceResult> violation = check.get();
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    static Optional<PlaceResult> lotSize(OrderRequest request, ContractFilters filters) {
        BigDecimal quantity = request.quantity();
        if (quantity == null || quantity.signum() <= 0) {
            return reject("FILTER_LOT_SIZE", "LOT_SIZE: quantity " + plain(quantity) + " is not positive");
        }
        return quantityWithin("FILTER_LOT_SIZE", "LOT_SIZE", quantity, filters.minQuantity(), filters.maxQuantity(),
                filters.stepSize());
    }

    static Optional<PlaceResult> marketLotSize(OrderRequest request, ContractFilters filters) {
        if (request.type() == OrderType.LIMIT) {
            return Optional.empty();
        }
        BigDecimal step = filters.marketStepSize() == null ? filters.stepSize() : filters.marketStepSize();
        return quantityWithin("FILTER_MARKET_LOT_SIZE", "MARKET_LOT_SIZE", request.quantity(),
                filters.marketMinQuantity(), filters.marketMaxQuantity(), step);
    }

    private static Optional<PlaceResult> quantityWithin(String code, String filter, BigDecimal quantity,
                                                        BigDecimal min, BigDecimal max, BigDecimal step) {
        if (min != null && quantity.compareTo(min) < 0) {
            return reject(code, filter + ": quantity " + plain(quantity) + " is below minQty " + plain(min));
        }
        if (max != null && quantity.compareTo(max) > 0) {
            return reject(code, filter + ": quantity " + plain(quantity) + " is above maxQty " + plain(max));
        }
        BigDecimal origin = min == null ? BigDecimal.ZERO : min;
        if (quantity.compareTo(step) < 0 || quantity.subtract(origin).remainder(step).signum() != 0) {
            return reject(code, filter + ": quantity " + plain(quantity) + " is not a positive multiple of the "
                    + "step size " + plain(step));
        }
        return Optional.empty();
    }

    /** The limit price of a LIMIT order, the trigger of a stop or take-profit: on the tick, within min and max. */
    static Optional<PlaceResult> priceFilter(OrderRequest request, ContractFilters filters) {
        if (request.type() == OrderType.MARKET) {
            return Optional.empty();
        }
        boolean limit = request.type() == OrderType.LIMIT;
        String what = limit ? "limit price" : "stop price";
        BigDecimal price = limit ? request.limitPrice() : request.triggerPrice();
        if (limit && request.timeInForce() == null) {
            return reject("FILTER_PRICE", "LIMIT order without a timeInForce");
        }
        if (price == null || price.signum() <= 0) {
            return reject("FILTER_PRICE", "PRICE_FILTER: " + what + " " + plain(price) + " is not positive");
        }
        if (filters.minPrice() != null && price.compareTo(filters.minPrice()) < 0) {
            return reject("FILTER_PRICE", "PRICE_FILTER: " + what + " " + plain(price) + " is below minPrice "
                    + plain(filters.minPrice()));
        }
        if (filters.maxPrice() != null && price.compareTo(filters.maxPrice()) > 0) {
            return reject("FILTER_PRICE", "PRICE_FILTER: " + what + " " + plain(price) + " is above maxPrice "
                    + plain(filters.maxPrice()));
        }
        BigDecimal origin = filters.minPrice() == null ? BigDecimal.ZERO : filters.minPrice();
        if (price.subtract(origin).remainder(filters.tickSize()).signum() != 0) {
            return reject("FILTER_PRICE", "PRICE_FILTER: " + what + " " + plain(price)
                    + " is not a positive multiple of the tick size " + plain(filters.tickSize()));
        }
        return Optional.empty();
    }

    /** A limit price within [mark × multiplierDown, mark × multiplierUp]. */
    static Optional<PlaceResult> percentPrice(OrderRequest request, ContractFilters filters, ReferencePrices prices) {
        if (request.type() != OrderType.LIMIT || filters.multiplierUp() == null || filters.multiplierDown() == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> mark = prices.mark();
        if (mark.isEmpty()) {
            return reject("NO_MARKET_DATA", "PERCENT_PRICE: no mark price for " + request.symbol());
        }
        BigDecimal highest = mark.get().multiply(filters.multiplierUp(), MathContext.DECIMAL64);
        BigDecimal lowest = mark.get().multiply(filters.multiplierDown(), MathContext.DECIMAL64);
        BigDecimal price = request.limitPrice();
        if (price.compareTo(highest) > 0 || price.compareTo(lowest) < 0) {
            return reject("FILTER_PERCENT_PRICE", "PERCENT_PRICE: limit price " + plain(price) + " is outside "
                    + plain(lowest) + " .. " + plain(highest) + " (mark price " + plain(mark.get()) + " × "
                    + plain(filters.multiplierDown()) + " .. × " + plain(filters.multiplierUp()) + ")");
        }
        return Optional.empty();
    }

    /** The notional of an order that may open a position, at its limit price, trigger, or the last price. */
    static Optional<PlaceResult> minNotional(OrderRequest request, ContractFilters filters, ReferencePrices prices) {
        if (request.reduceOnly()) {
            return Optional.empty();
        }
        Optional<BigDecimal> price = switch (request.type()) {
            case MARKET -> prices.last();
            case LIMIT -> Optional.of(request.limitPrice());
            case STOP_MARKET, TAKE_PROFIT_MARKET -> Optional.of(request.triggerPrice());
        };
        if (price.isEmpty()) {
            return reject("NO_MARKET_DATA", "MIN_NOTIONAL: no price for " + request.symbol());
        }
        BigDecimal notional = price.get().multiply(request.quantity(), MathContext.DECIMAL64);
        if (notional.compareTo(filters.minNotional()) < 0) {
            return reject("FILTER_MIN_NOTIONAL", "MIN_NOTIONAL: notional " + plain(notional) + " USDT ("
                    + plain(request.quantity()) + " × " + plain(price.get()) + ") is below the minimum "
                    + plain(filters.minNotional()) + " USDT");
        }
        return Optional.empty();
    }

    private static Optional<PlaceResult> reject(String code, String message) {
        return Optional.of(PlaceResult.rejected(code, message + "; not sent"));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }
}
