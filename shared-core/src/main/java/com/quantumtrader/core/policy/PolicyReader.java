package com.quantumtrader.core.policy;

/** Read side of the policy, as domains see it. Served from an in-process cache: call it on every decision. */
@FunctionalInterface
public interface PolicyReader {

    Policy current();
}
