package com.quantumtrader.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.ai.StrategyChanged;
import com.quantumtrader.events.execution.EntryModeChanged;
import com.quantumtrader.events.execution.FundingPaid;
import com.quantumtrader.events.execution.MarginCall;
import com.quantumtrader.events.execution.OrderFailed;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.execution.OrderSubmitted;
import com.quantumtrader.events.execution.SlippageHigh;
import com.quantumtrader.events.learning.DriftDetected;
import com.quantumtrader.events.learning.ModelRetrained;
import com.quantumtrader.events.learning.StrategyPromoted;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.os.OperatorCommand;
import com.quantumtrader.events.os.RegimeChanged;
import com.quantumtrader.events.os.SelfHealingTriggered;
import com.quantumtrader.events.os.UniverseUpdated;
import com.quantumtrader.events.portfolio.AllocationUpdated;
import com.quantumtrader.events.portfolio.CapitalAllocation;
import com.quantumtrader.events.portfolio.DrawdownHigh;
import com.quantumtrader.events.portfolio.LiquidityRanked;
import com.quantumtrader.events.portfolio.PortfolioMetrics;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.events.portfolio.PositionClosed;
import com.quantumtrader.events.portfolio.PositionOpened;
import com.quantumtrader.events.portfolio.SliceMetrics;
import com.quantumtrader.events.portfolio.StopLossAdjusted;
import com.quantumtrader.events.portfolio.SymbolLiquidity;
import com.quantumtrader.events.portfolio.TradeClosed;
import com.quantumtrader.events.risk.CircuitBreakerActivated;
import com.quantumtrader.events.risk.EmergencyStop;
import com.quantumtrader.events.risk.EmergencyTriggered;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.TradeStuck;
import com.quantumtrader.events.risk.SignalRejected;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One valid sample payload per catalog event, all from the same BTCUSDT trade, and the bus events that carry them.
 * Public (in the events test-jar) so a runtime test can deliver every event to every handler.
 */
public final class SamplePayloads {

    static final Instant OCCURRED_AT = Instant.parse("2024-03-01T12:00:05Z");
    static final String SIGNAL_ID = "01HQ8Z4N2V6K3M9P7R5T1W0XYZ";
    static final String TRACE_ID = "01HQ8Z4N2V6K3M9P7R5T1W0TRC";

    private static final String SYMBOL = "BTCUSDT";
    private static final String STRATEGY = "ma_crossover_v1";
    private static final String MODEL = "ma_crossover_v1@3";
    private static final Map<String, Record> BY_EVENT = new LinkedHashMap<>();

    static {
        add(EventCatalog.AI_SIGNAL_GENERATED, new SignalGenerated(SIGNAL_ID, SYMBOL, Side.LONG, 0.72,
                dec("64250.10"), dec("63600.00"), dec("65550.30"), dec("0.015"), STRATEGY, MODEL));
        add(EventCatalog.AI_MODEL_DEGRADED, new ModelDegraded(MODEL, STRATEGY, "win_rate", 0.31, 0.40, 50));
        add(EventCatalog.AI_STRATEGY_CHANGED, new StrategyChanged("mean_reversion_v2", STRATEGY,
                "regime TRENDING_UP favours trend following"));

        add(EventCatalog.EXECUTION_ORDER_SUBMITTED, new OrderSubmitted(SIGNAL_ID, "qt-" + SIGNAL_ID + "-e",
                SYMBOL, OrderSide.BUY, OrderPurpose.ENTRY, "MARKET", dec("0.012"), null, false));
        add(EventCatalog.EXECUTION_ORDER_FILLED, new OrderFilled(SIGNAL_ID, "qt-" + SIGNAL_ID + "-e", SYMBOL,
                OrderSide.BUY, OrderPurpose.ENTRY, dec("0.012"), dec("0.012"), true, dec("64262.90"),
                dec("64250.10"), dec("0.30846192"), "USDT", dec("63600.00"), dec("65550.30"), STRATEGY, MODEL,
                Instant.parse("2024-03-01T12:00:04.123Z")));
        add(EventCatalog.EXECUTION_ORDER_FAILED, new OrderFailed(SIGNAL_ID, "qt-" + SIGNAL_ID + "-sl", SYMBOL,
                OrderSide.SELL, OrderPurpose.STOP_LOSS, dec("0.012"), "-2021", "Order would immediately trigger."));
        add(EventCatalog.EXECUTION_SLIPPAGE_HIGH, new SlippageHigh(SYMBOL, dec("12.5"), dec("10"), 20));
        add(EventCatalog.EXECUTION_ENTRY_MODE_CHANGED, new EntryModeChanged(SYMBOL, "LIMIT_IOC", "MARKET", dec("12.5"),
                dec("10"), 20));
        add(EventCatalog.EXECUTION_FUNDING_PAID, new FundingPaid(SYMBOL, Instant.parse("2024-03-01T08:00:00Z"),
                dec("0.0001"), dec("64250.10"), dec("0.015"), dec("-0.096375150"), "USDT"));
        add(EventCatalog.EXECUTION_MARGIN_CALL, new MarginCall(SYMBOL, dec("1.327"), "CROSSED", dec("187.17127"),
                dec("-1.166074"), dec("1.614445"), dec("3.16812045"), Instant.parse("2024-03-01T12:00:05.123Z")));
        add(EventCatalog.MARKET_PRICE_UPDATE, new MarketPriceUpdate(SYMBOL, "1m",
                Instant.parse("2024-03-01T11:59:00Z"), Instant.parse("2024-03-01T11:59:59.999Z"),
                dec("64180.00"), dec("64260.50"), dec("64150.20"), dec("64250.10"), dec("152.731"),
                MarketPriceUpdate.BAR_CLOSE));

        add(EventCatalog.RISK_SIGNAL_APPROVED, new SignalApproved(SIGNAL_ID, SYMBOL, Side.LONG, dec("0.012"),
                dec("64250.10"), dec("63600.00"), dec("65550.30"), STRATEGY, MODEL));
        add(EventCatalog.RISK_SIGNAL_REJECTED, new SignalRejected(SIGNAL_ID, SYMBOL, Side.LONG, "LOW_CONFIDENCE",
                "0.75", "0.72", "confidence 0.72 is below the minimum 0.75"));
        add(EventCatalog.RISK_CIRCUIT_BREAKER_ACTIVATED, new CircuitBreakerActivated("CONSECUTIVE_ORDER_FAILURES",
                "3 orders failed within 5 minutes", Instant.parse("2024-03-01T12:30:00Z")));
        add(EventCatalog.SAFETY_EMERGENCY_TRIGGERED, new EmergencyTriggered("MAX_DRAWDOWN", "0.12", "0.10"));
        add(EventCatalog.SAFETY_EMERGENCY_STOP, new EmergencyStop("MAX_DRAWDOWN", "emergency_stop_system"));
        add(EventCatalog.RISK_TRADE_STUCK, new TradeStuck("01HQX7Z8K3M4N5P6Q7R8S9T0TR", "sig-1", "BTCUSDT",
                "APPROVED", Instant.parse("2024-03-01T12:00:00Z"), 5, true));

        add(EventCatalog.PORTFOLIO_POSITION_OPENED, new PositionOpened("pos-" + SIGNAL_ID, SYMBOL, Side.LONG,
                dec("0.012"), dec("64262.90"), dec("63600.00"), dec("65550.30"), SIGNAL_ID, STRATEGY, MODEL));
        add(EventCatalog.PORTFOLIO_POSITION_CLOSED, new PositionClosed("pos-" + SIGNAL_ID, SYMBOL, Side.LONG,
                dec("0.012"), dec("64262.90"), dec("65550.30"), dec("14.83"), dec("0.62"), "TAKE_PROFIT",
                SIGNAL_ID));
        add(EventCatalog.PORTFOLIO_SL_ADJUSTED, new StopLossAdjusted("pos-" + SIGNAL_ID, SYMBOL, SIGNAL_ID,
                dec("63600.00"), dec("64262.90"), "BREAKEVEN"));
        add(EventCatalog.PORTFOLIO_PERFORMANCE, new PortfolioPerformance(OCCURRED_AT, dec("10014.83"),
                dec("10020.00"), dec("0.000516"), dec("14.83"), dec("0"), dec("0.62"), 0, 1, dec("1")));
        add(EventCatalog.PORTFOLIO_DRAWDOWN_HIGH, new DrawdownHigh(dec("0.051"), dec("0.05"), dec("9489.00"),
                dec("10000.00")));
        add(EventCatalog.TRADE_CLOSED, new TradeClosed("trd-" + SIGNAL_ID, SYMBOL, Side.LONG, dec("0.012"),
                dec("64262.90"), dec("65550.30"), Instant.parse("2024-03-01T12:00:04.123Z"),
                Instant.parse("2024-03-01T14:10:00Z"), dec("0.62"), dec("-0.0012"), dec("14.83"), dec("1.86"),
                "TAKE_PROFIT", SIGNAL_ID, STRATEGY, MODEL));
        add(EventCatalog.PORTFOLIO_METRICS_REPORTED, new PortfolioMetrics(OCCURRED_AT,
                Instant.parse("2024-02-01T00:00:00Z"), 29, dec("10014.83"), dec("14.83"), dec("14.83"), dec("14.83"),
                dec("0"), dec("0.62"), dec("0.62"), dec("-0.0012"), dec("-0.0012"), List.of(new SliceMetrics("TOTAL",
                "ALL", dec("0.001483"), dec("0.0186"), dec("0.052"), dec("0.36"), dec("0.51"), dec("3.72"),
                dec("0.005"), 4, 1, dec("1"), null, dec("14.83"), dec("1.86"), dec("0.0031"), dec("14.83"),
                dec("0.62"), dec("-0.0012")))));
        add(EventCatalog.PORTFOLIO_ALLOCATION_UPDATED, new AllocationUpdated(OCCURRED_AT, dec("10014.83"),
                dec("0.20"), List.of(new CapitalAllocation(STRATEGY, SYMBOL, dec("0.55"), dec("0.18181818"),
                dec("1820.87"), false)), "INITIAL"));
        add(EventCatalog.PORTFOLIO_LIQUIDITY_RANKED, new LiquidityRanked(OCCURRED_AT, List.of(SYMBOL),
                List.of(new SymbolLiquidity(SYMBOL, 1, true, dec("15400000000"), dec("0.2"), dec("0.55"),
                        dec("64250.10"), 1650, null),
                        new SymbolLiquidity("1000PEPEUSDT", 0, false, dec("900000000"), dec("1.5"), dec("2.9"),
                                dec("0.0081"), 300, "volatility 2.9 above the band's 2.0"))));

        add(EventCatalog.LEARNING_DRIFT_DETECTED, new DriftDetected(STRATEGY, "win_rate", 0.30, 0.55, -2.9, 2.58,
                40, 400));
        add(EventCatalog.LEARNING_MODEL_RETRAINED, new ModelRetrained("ma_crossover_v1", STRATEGY, 4,
                Map.of("fast", "9", "slow", "21"), "sharpe", 1.42, "ai.model.degraded"));
        add(EventCatalog.LEARNING_STRATEGY_PROMOTED, new StrategyPromoted("breakout_v1", STRATEGY, "sharpe", 1.8));

        add(EventCatalog.OS_REGIME_CHANGED, new RegimeChanged(SYMBOL, "RANGING", "TRENDING_UP", 0.0042, 0.61));
        add(EventCatalog.OS_SELF_HEALING_TRIGGERED, new SelfHealingTriggered("signal_orchestrator",
                "no signal for 60 minutes", "restarted the market-data subscription"));
        add(EventCatalog.OS_UNIVERSE_UPDATED, new UniverseUpdated(List.of(SYMBOL, "ETHUSDT", "1000PEPEUSDT"),
                "liquidity ranking refreshed"));
        add(EventCatalog.OS_OPERATOR_COMMAND, new OperatorCommand("01HQ8Z4N2V6K3M9P7R5T1W0CMD",
                OperatorCommand.Kind.EMERGENCY_STOP, "exchange outage", "arn:aws:iam::123456789012:user/alice"));
    }

    private SamplePayloads() {
    }

    public static boolean has(EventType<?> type) {
        return BY_EVENT.containsKey(type.name());
    }

    static <T extends Record> T of(EventType<T> type) {
        return type.payloadType().cast(any(type));
    }

    static Record any(EventType<?> type) {
        Record sample = BY_EVENT.get(type.name());
        if (sample == null) {
            throw new IllegalArgumentException("no sample payload for " + type.name());
        }
        return sample;
    }

    /** The sample on the bus, as its producer publishes it. */
    public static BusEvent busEvent(EventType<?> type) {
        return busEvent(type, any(type));
    }

    static BusEvent busEvent(EventType<?> type, Record payload) {
        EventEnvelope envelope = new EventEnvelope("01HQ8Z5A0000000000000000" + String.format("%02d", index(type)),
                TRACE_ID, OCCURRED_AT, type.producer().id(), type.schemaVersion(), EventJson.tree(payload));
        return BusEvent.of(type.name(), envelope);
    }

    /** The sample as a mutable EventBridge entry tree, for tests that break one part of it. */
    public static ObjectNode entry(EventType<?> type) {
        return (ObjectNode) EventJson.tree(busEvent(type));
    }

    public static ObjectNode payloadOf(ObjectNode entry) {
        return (ObjectNode) entry.get("detail").get("payload");
    }

    private static int index(EventType<?> type) {
        return List.copyOf(BY_EVENT.keySet()).indexOf(type.name());
    }

    private static <T extends Record> void add(EventType<T> type, T sample) {
        BY_EVENT.put(type.name(), sample);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
