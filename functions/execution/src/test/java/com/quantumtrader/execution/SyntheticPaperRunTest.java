package com.quantumtrader.execution;

import com.quantumtrader.events.market.MarketPriceUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.execution.OrderFilled;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.marketdata.SyntheticMarketData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The feed and the handlers together over synthetic bars, the way the local runtime drives them: an approval every
 * few bars, alternating sides, 1.5 % stops and 3 % targets, an emergency stop near the end.
 */
class SyntheticPaperRunTest {

    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");

    private static List<BusEvent> run(long seed, int intervals, List<String> problems) {
        ExecutionHarness execution = new ExecutionHarness();
        SyntheticMarketData market = new SyntheticMarketData(seed, SYMBOLS, Bars.START, Duration.ofHours(1));
        List<BusEvent> published = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            for (MarketPriceUpdate bar : market.next()) {
                publish(execution, execution.bar(bar), published);
                if (i % 7 == 0 && i < intervals - 20) {
                    publish(execution, execution.approve(approvalAt(bar, i), "TRACE-" + bar.symbol() + "-" + i), published);
                }
            }
            for (ExchangePosition position : execution.exchange().positions()) {
                boolean protectedByStop = execution.exchange().openOrderIds().stream()
                        .anyMatch(id -> id.startsWith("SL") && execution.orderState(id).equals("SUBMITTED")
                                && EventJson.readTree(execution.store.get("order:" + id).orElseThrow())
                                        .path("symbol").asText().equals(position.symbol()));
                if (!protectedByStop) {
                    problems.add("interval " + i + ": " + position + " has no working stop");
                }
            }
            if (i == intervals - 10) {
                publish(execution, execution.emergencyStop(), published);
                if (!execution.exchange().positions().isEmpty() || !execution.exchange().openOrderIds().isEmpty()) {
                    problems.add("not flat after the emergency stop");
                }
            }
        }
        return published;
    }

    private static SignalApproved approvalAt(MarketPriceUpdate bar, int interval) {
        Side side = interval % 2 == 0 ? Side.LONG : Side.SHORT;
        BigDecimal close = bar.close();
        BigDecimal stop = close.multiply(BigDecimal.ONE.subtract(new BigDecimal("0.015").multiply(BigDecimal.valueOf(side.sign()))));
        BigDecimal target = close.multiply(BigDecimal.ONE.add(new BigDecimal("0.03").multiply(BigDecimal.valueOf(side.sign()))));
        BigDecimal quantity = new BigDecimal("1500").divide(close, 6, RoundingMode.DOWN);
        return new SignalApproved("SIG-" + bar.symbol() + "-" + interval, bar.symbol(), side, quantity, close, stop,
                target, "ma_crossover", "ma-crossover-v1");
    }

    private static void publish(ExecutionHarness execution, List<Emit> emits, List<BusEvent> published) {
        for (Emit emit : emits) {
            BusEvent event = execution.events.create(emit, "TRACE-BAR");
            EventValidator.validate(event);
            published.add(event);
        }
    }

    @Test
    void everyPositionIsProtectedEveryEventIsValidAndTheEmergencyStopLeavesItFlat() {
        List<String> problems = new ArrayList<>();

        List<BusEvent> published = run(3, 400, problems);

        assertThat(problems).isEmpty();
        List<OrderFilled> fills = published.stream().filter(e -> e.name().equals("execution.order.filled"))
                .map(e -> EventJson.convert(e.envelope().payload(), OrderFilled.class)).toList();
        assertThat(fills).extracting(OrderFilled::purpose)
                .contains(OrderPurpose.ENTRY, OrderPurpose.STOP_LOSS, OrderPurpose.TAKE_PROFIT);
        assertThat(fills.stream().filter(f -> f.purpose() == OrderPurpose.ENTRY).count())
                .as("every entry is closed again")
                .isEqualTo(fills.stream().filter(f -> f.purpose() != OrderPurpose.ENTRY && f.complete()).count());
    }

    @Test
    void theSameSeedPublishesTheSameEvents() {
        List<String> first = run(9, 150, new ArrayList<>()).stream().map(EventJson::write).toList();
        List<String> second = run(9, 150, new ArrayList<>()).stream().map(EventJson::write).toList();

        assertThat(first).isEqualTo(second).hasSizeGreaterThan(300);
    }
}
