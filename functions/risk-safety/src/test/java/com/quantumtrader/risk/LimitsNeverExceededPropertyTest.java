package com.quantumtrader.risk;

import static com.quantumtrader.risk.PolicyChanges.patched;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.risk.SignalApproved;
import com.quantumtrader.events.risk.SignalRejected;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random policies (within the validator's bounds), random signal sequences and positions that open, close and
 * fail in between, no approved quantity ever takes the account beyond any limit: open positions, one position and
 * its notional per symbol, order notional, gross, net in the approved direction, leverage, correlated same-direction exposure (no bars: every
 * symbol counts as correlated), approvals per minute and per symbol and minute. The test keeps its own book of what
 * was approved and checks it after every decision.
 */
class LimitsNeverExceededPropertyTest {

    private static final Map<String, BigDecimal> PRICES = new LinkedHashMap<>();

    static {
        // inserted in order: a step names its symbol by index, so a shrunk sample replays the same
        PRICES.put("BTCUSDT", new BigDecimal("30000"));
        PRICES.put("ETHUSDT", new BigDecimal("2000"));
        PRICES.put("SOLUSDT", new BigDecimal("100"));
        PRICES.put("XRPUSDT", new BigDecimal("0.5"));
    }
    private static final BigDecimal STEP = new BigDecimal("0.001");

    /** Limits of the NORMAL mode the property runs with (USDT unless said otherwise). */
    record Limits(int maxOpen, int maxPosition, int maxOrder, int maxGross, int maxNet, int maxCorrelated,
                  int leverage, int perMinute, int perSymbolMinute, int equity, int btcMaxPosition) {

        String patch() {
            return String.format(Locale.ROOT, """
                    {"universe": ["BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"], "account_equity": %d,
                     "limits": {"NORMAL": {"max_open_positions": %d, "max_position_notional": %d,
                       "max_order_notional": %d, "max_gross_exposure": %d, "max_net_exposure": %d,
                       "max_correlated_exposure": %d, "max_leverage": %d, "max_orders_per_minute": %d,
                       "max_orders_per_minute_per_symbol": %d, "risk_per_trade": 0.05, "min_confidence": 0.5}},
                     "symbols": {"BTCUSDT": {"max_position_notional": %d}}}""",
                    equity, maxOpen, maxPosition, maxOrder, maxGross, maxNet, maxCorrelated, leverage, perMinute,
                    perSymbolMinute, btcMaxPosition);
        }
    }

    /** What happens next: a signal, the close of an open position, or the failure of an open entry. */
    record Step(int kind, int symbol, boolean isLong, int quantityMillis, int stopBps, int pick, int seconds) {
    }

    @Provide
    Arbitrary<Limits> limits() {
        Arbitrary<Integer> notional = Arbitraries.integers().between(50, 20_000);
        return Combinators.combine(List.of(Arbitraries.integers().between(1, 5), notional, notional, notional,
                notional, notional, Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1_000, 50_000), notional))
                .as(v -> new Limits(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7),
                        v.get(8), v.get(9), v.get(10)));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(List.of(
                        Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 1), Arbitraries.integers().between(1, 400_000_000),
                        Arbitraries.integers().between(20, 800), Arbitraries.integers().between(0, 20),
                        Arbitraries.integers().between(0, 90)))
                .as(v -> new Step(v.get(0), v.get(1), v.get(2) == 1, v.get(3), v.get(4), v.get(5), v.get(6)));
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 200)
    void noApprovalEverTakesTheAccountBeyondALimit(@ForAll("limits") Limits limits,
                                                   @ForAll("steps") List<Step> steps) {
        RiskFixture risk = new RiskFixture().withPolicy(patched(limits.patch()));
        Map<String, SignalApproved> open = new LinkedHashMap<>();
        Map<String, Integer> perMinute = new HashMap<>();
        int sequence = 0;
        for (Step step : steps) {
            risk.advance(Duration.ofSeconds(step.seconds()));
            long minute = risk.clock.instant().getEpochSecond() / 60;
            if (step.kind() >= 2 || open.isEmpty()) {
                String symbol = new ArrayList<>(PRICES.keySet()).get(step.symbol());
                BigDecimal requested = new BigDecimal(step.quantityMillis()).movePointLeft(3);
                List<Emit> out = risk.signal(signal("p-" + (++sequence), symbol, step.isLong(), requested,
                        step.stopBps()));
                if (out.get(0).payload() instanceof SignalApproved approved) {
                    assertThat(approved.approvedQuantity()).isPositive().isLessThanOrEqualTo(requested);
                    assertThat(approved.approvedQuantity().remainder(STEP)).isZero();
                    assertThat(notional(approved)).isLessThanOrEqualTo(BigDecimal.valueOf(limits.maxOrder()));
                    open.put(approved.signalId(), approved);
                    perMinute.merge(Long.toString(minute), 1, Integer::sum);
                    perMinute.merge(minute + ":" + symbol, 1, Integer::sum);
                    assertWithinLimits(approved, open.values(), perMinute, minute, symbol, limits);
                } else {
                    assertThat(out.get(0).payload()).isInstanceOf(SignalRejected.class);
                }
            } else {
                SignalApproved chosen = new ArrayList<>(open.values()).get(step.pick() % open.size());
                open.remove(chosen.signalId());
                if (step.kind() == 0) {
                    risk.positionClosed(chosen, "0");
                } else {
                    risk.orderFailed(chosen.signalId(), chosen.symbol(), OrderPurpose.ENTRY);
                }
            }
        }
    }

    private static void assertWithinLimits(SignalApproved approved, java.util.Collection<SignalApproved> open,
                                           Map<String, Integer> perMinute, long minute, String symbol,
                                           Limits limits) {
        assertThat(open).hasSizeLessThanOrEqualTo(limits.maxOpen());
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal longs = BigDecimal.ZERO;
        BigDecimal shorts = BigDecimal.ZERO;
        Map<String, Integer> positions = new HashMap<>();
        for (SignalApproved a : open) {
            BigDecimal notional = notional(a);
            positions.merge(a.symbol(), 1, Integer::sum);
            BigDecimal symbolCap = BigDecimal.valueOf(a.symbol().equals("BTCUSDT")
                    ? Math.min(limits.maxPosition(), limits.btcMaxPosition()) : limits.maxPosition());
            assertThat(notional).as("position notional of " + a.symbol()).isLessThanOrEqualTo(symbolCap);
            gross = gross.add(notional);
            if (a.side() == Side.LONG) {
                longs = longs.add(notional);
            } else {
                shorts = shorts.add(notional);
            }
        }
        assertThat(positions.values()).as("positions per symbol").allMatch(n -> n == 1);
        assertThat(gross).as("gross").isLessThanOrEqualTo(BigDecimal.valueOf(limits.maxGross()));
        assertThat(gross).as("leverage x equity")
                .isLessThanOrEqualTo(BigDecimal.valueOf((long) limits.leverage() * limits.equity()));
        // Net is checked in the approved direction: closing a position may leave the other side beyond the limit
        // (risk cannot refuse a close), and an approval that then reduces the imbalance is allowed.
        BigDecimal netInItsDirection = approved.side() == Side.LONG ? longs.subtract(shorts) : shorts.subtract(longs);
        assertThat(netInItsDirection).as("net in the approved direction of " + open)
                .isLessThanOrEqualTo(BigDecimal.valueOf(limits.maxNet()));
        assertThat(longs.max(shorts)).as("correlated same direction")
                .isLessThanOrEqualTo(BigDecimal.valueOf(limits.maxCorrelated()));
        assertThat(perMinute.get(Long.toString(minute))).as("approvals this minute")
                .isLessThanOrEqualTo(limits.perMinute());
        assertThat(perMinute.get(minute + ":" + symbol)).as("approvals of " + symbol + " this minute")
                .isLessThanOrEqualTo(limits.perSymbolMinute());
    }

    private static BigDecimal notional(SignalApproved approved) {
        return approved.approvedQuantity().multiply(approved.referencePrice());
    }

    private static com.quantumtrader.events.ai.SignalGenerated signal(String id, String symbol, boolean isLong,
                                                                      BigDecimal quantity, int stopBps) {
        BigDecimal reference = PRICES.get(symbol);
        BigDecimal distance = reference.multiply(BigDecimal.valueOf(stopBps)).movePointLeft(4)
                .setScale(8, RoundingMode.HALF_UP);
        BigDecimal stop = isLong ? reference.subtract(distance) : reference.add(distance);
        BigDecimal target = isLong ? reference.add(distance.multiply(BigDecimal.valueOf(2)))
                : reference.subtract(distance.multiply(BigDecimal.valueOf(2)));
        return SignalBuilder.aSignal().id(id).symbol(symbol).side(isLong ? Side.LONG : Side.SHORT)
                .reference(reference.toPlainString()).stop(stop.toPlainString()).target(target.toPlainString())
                .quantity(quantity.toPlainString()).build();
    }
}
