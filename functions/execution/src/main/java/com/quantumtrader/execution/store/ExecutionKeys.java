package com.quantumtrader.execution.store;

/**
 * Every key execution writes in its store (the store prefixes them with the domain), built here only, so the README's
 * table and the repositories cannot drift. The outbox's own keys are shared-core's ({@code Outbox}).
 */
public final class ExecutionKeys {

    /** Hash: symbol → position quantity the live exchange last reported. */
    public static final String ACCOUNT_POSITIONS = "account:positions";
    /** Hash: asset → wallet balance the live exchange last reported. */
    public static final String ACCOUNT_BALANCES = "account:balances";
    /** Hash: client id → symbol of every working order (so an emergency stop finds them all). */
    public static final String ORDERS_WORKING = "orders:working";
    /** Hash: symbol → the position execution opened (JSON). */
    public static final String POSITIONS = "positions";
    /** Hash: exchange's client id → cumulative quantity of a liquidation or ADL already published. */
    public static final String EXCHANGE_CLOSES = "exchange_closes";
    /** Simulated venue, hash: client id → resting order. */
    public static final String VENUE_ORDERS = "venue:orders";
    /** Simulated venue, hash: symbol → position quantity. */
    public static final String VENUE_POSITIONS = "venue:positions";
    /** Simulated venue, hash: symbol → last bar seen. */
    public static final String VENUE_BARS = "venue:bars";
    /** Simulated venue, hash: client id → every order it ever accepted, as a query would show it. */
    public static final String VENUE_HISTORY = "venue:history";

    private ExecutionKeys() {
    }

    /** String: one order's record (JSON), rewritten at every state change. */
    public static String order(String clientOrderId) {
        return "order:" + clientOrderId;
    }

    /** String: one symbol's rolling slippage window and whether it is high (JSON). */
    public static String slippageWindow(String symbol) {
        return "slippage:" + symbol;
    }
}
