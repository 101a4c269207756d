package com.quantumtrader.events;

/** An event that breaks the contract: bad JSON, unknown name, or a payload that fails its schema. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
