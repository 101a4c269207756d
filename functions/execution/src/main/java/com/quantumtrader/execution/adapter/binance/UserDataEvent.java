package com.quantumtrader.execution.adapter.binance;

import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.execution.MarginCall;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One message of the USD-M user-data stream, as execution needs it. */
sealed interface UserDataEvent {

    /** {@code ORDER_TRADE_UPDATE} with execution type TRADE: a partial or complete fill, its price and fee. */
    record Trade(ExecutionReport report) implements UserDataEvent {
    }

    /** {@code ORDER_TRADE_UPDATE} without a trade: acknowledged (NEW), cancelled, expired or rejected. */
    record OrderStatus(OrderStatusReport report) implements UserDataEvent {
    }

    /**
     * {@code ACCOUNT_UPDATE}: the balances and positions that changed, and why (ORDER, FUNDING_FEE, …).
     *
     * @param positions every position the update names, flat ones included (a position that was closed)
     */
    record AccountUpdate(String reason, Map<String, BigDecimal> walletBalances, List<ExchangePosition> positions)
            implements UserDataEvent {
    }

    /**
     * {@code ORDER_TRADE_UPDATE} of an order the exchange placed on our position, with a trade: a liquidation
     * ({@code autoclose-…}), an auto-deleveraging ({@code adl_autoclose}) or a delisting settlement
     * ({@code settlement_autoclose-…}).
     */
    record ExchangeClose(OrderPurpose purpose, ExecutionReport report) implements UserDataEvent {
    }

    /** {@code MARGIN_CALL}: the positions whose margin is close to liquidation. */
    record MarginCallWarning(List<MarginCall> positions) implements UserDataEvent {
    }

    /** {@code listenKeyExpired}: the stream ends; a new key and a new connection are needed. */
    record ListenKeyExpired() implements UserDataEvent {
    }

    /** An error frame ({@code {"code":…,"msg":…}} or {@code {"error":{…}}}). */
    record StreamError(int code, String message) implements UserDataEvent {
    }

    /** A message execution does not act on (margin calls, config updates, liquidation orders of no known id …). */
    record Ignored(String type) implements UserDataEvent {
    }
}
