package com.quantumtrader.core.ml.registry;

/** A registry request refused (unknown version, duplicate, over the size bound) or stored data that is unreadable. */
public final class ModelRegistryException extends RuntimeException {

    public ModelRegistryException(String message) {
        super(message);
    }

    public ModelRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
