package com.quantumtrader.execution.exchange;

/** The exchange's answer to a new order: accepted, or rejected with a code and a message a person can act on. */
public record PlaceResult(boolean accepted, String errorCode, String errorMessage) {

    public static PlaceResult acceptedOrder() {
        return new PlaceResult(true, null, null);
    }

    public static PlaceResult rejected(String code, String message) {
        return new PlaceResult(false, code, message);
    }
}
