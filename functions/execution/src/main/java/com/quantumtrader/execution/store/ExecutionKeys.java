package com.quantumtrader.execution.store;

/**
 * Every key execution writes in its store (the store itself prefixes them with the domain). Listed in one place so
 * the README's table and the repositories cannot drift.
 */
final class ExecutionKeys {

    /** Hash: symbol → position quantity the live exchange last reported. */
    static final String ACCOUNT_POSITIONS = "account:positions";
    /** Hash: asset → wallet balance the live exchange last reported. */
    static final String ACCOUNT_BALANCES = "account:balances";

    private ExecutionKeys() {
    }
}
