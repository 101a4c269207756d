package com.quantumtrader.core.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;

/** Tells a Redis outage (a fault of the moment: retry later) from an answer of the server (a bug: retrying cannot help). */
public final class RedisFaults {

    private RedisFaults() {
    }

    /**
     * True when {@code e}, or a cause of it, is the client failing to get an answer: a command timeout (a stalled
     * server), a lost or refused connection (a stopped one), or a restarted server still loading its data. False for
     * an error reply (WRONGTYPE, a script error), which the same command would get again.
     */
    public static boolean unavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RedisUnavailableException || cause instanceof RedisLoadingException) {
                return true;
            }
            if (cause instanceof RedisException && !(cause instanceof RedisCommandExecutionException)) {
                return true;
            }
        }
        return false;
    }
}
