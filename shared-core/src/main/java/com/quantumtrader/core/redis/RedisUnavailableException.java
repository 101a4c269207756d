package com.quantumtrader.core.redis;

/** Redis could not be reached. The message names the server with its password masked. */
public final class RedisUnavailableException extends RuntimeException {

    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
