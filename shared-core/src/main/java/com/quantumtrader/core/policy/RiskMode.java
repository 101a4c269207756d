package com.quantumtrader.core.policy;

/** The seed's risk mode: which set of limits is in force. */
public enum RiskMode {
    SAFE,
    NORMAL,
    AGGRESSIVE
}
