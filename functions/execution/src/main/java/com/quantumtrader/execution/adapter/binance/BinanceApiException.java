package com.quantumtrader.execution.adapter.binance;

/**
 * The exchange understood the request and refused it ({@code {"code":-2019,"msg":"Margin is insufficient."}}):
 * a business rejection. Sending the same request again gets the same answer, so it is never retried.
 */
final class BinanceApiException extends RuntimeException {

    private final int httpStatus;
    private final int code;
    private final String exchangeMessage;

    BinanceApiException(int httpStatus, int code, String exchangeMessage) {
        super("Binance rejected the request (HTTP " + httpStatus + "): " + code + " " + exchangeMessage);
        this.httpStatus = httpStatus;
        this.code = code;
        this.exchangeMessage = exchangeMessage;
    }

    int httpStatus() {
        return httpStatus;
    }

    int code() {
        return code;
    }

    String exchangeMessage() {
        return exchangeMessage;
    }
}
