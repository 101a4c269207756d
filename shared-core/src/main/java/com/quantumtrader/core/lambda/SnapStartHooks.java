package com.quantumtrader.core.lambda;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart's checkpoint and restore hooks of one Lambda function. Lambda snapshots the initialised JVM when it
 * publishes a version and restores every new execution environment from that snapshot, so before the checkpoint the
 * function primes itself (runs a representative path without side effects: the classes it loads and the code it
 * warms are in the snapshot) and closes its Redis connections (a socket in a snapshot would be dead, and shared by
 * every restored copy); after a restore it opens them again. Outside SnapStart (tests, the local runtime) the hooks
 * are never called by the JVM: {@code org.crac} then registers with nothing.
 */
public final class SnapStartHooks implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartHooks.class);
    /** CRaC holds resources weakly; these must live as long as the function does. */
    private static final List<SnapStartHooks> REGISTERED = new CopyOnWriteArrayList<>();

    private final String function;
    private final Runnable prime;
    private final Runnable closeConnections;
    private final Runnable reopenConnections;

    /**
     * @param function          for the logs
     * @param prime             a representative delivery without side effects (no Redis, nothing published);
     *                          throwing fails the checkpoint, and so the version's publication
     * @param closeConnections  closes what is connected (idempotent, fine when nothing is)
     * @param reopenConnections connects again what {@code closeConnections} closed
     */
    public SnapStartHooks(String function, Runnable prime, Runnable closeConnections, Runnable reopenConnections) {
        this.function = Objects.requireNonNull(function, "function");
        this.prime = Objects.requireNonNull(prime, "prime");
        this.closeConnections = Objects.requireNonNull(closeConnections, "closeConnections");
        this.reopenConnections = Objects.requireNonNull(reopenConnections, "reopenConnections");
    }

    /** Registers the hooks with the JVM's global CRaC context (and keeps them reachable). */
    public SnapStartHooks register() {
        REGISTERED.add(this);
        Core.getGlobalContext().register(this);
        return this;
    }

    /** The function these hooks belong to. */
    public String function() {
        return function;
    }

    /** Every registered hook of this JVM, oldest first (tests find the ones a Lambda's start registered). */
    static List<SnapStartHooks> registered() {
        return List.copyOf(REGISTERED);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long start = System.nanoTime();
        prime.run();
        closeConnections.run();
        LOG.info("snapstart checkpoint of {}: primed and connections closed in {} ms", function,
                (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        long start = System.nanoTime();
        reopenConnections.run();
        LOG.info("snapstart restore of {}: connections reopened in {} ms", function,
                (System.nanoTime() - start) / 1_000_000);
    }
}
