package com.quantumtrader.ai.signal;

import static com.quantumtrader.events.EventCatalog.AI_SIGNAL_GENERATED;
import static com.quantumtrader.events.EventCatalog.MARKET_PRICE_UPDATE;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.ai.strategy.ActiveStrategy;
import com.quantumtrader.ai.strategy.StrategyProfile;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.core.instrument.Instrument;
import com.quantumtrader.core.policy.Policy;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.SignalGenerated;
import com.quantumtrader.events.market.MarketPriceUpdate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code signal_orchestrator}: turns closed bars into trade ideas with a moving-average crossover behind a
 * volatility filter.
 * <ul>
 *   <li>Per symbol and interval it keeps the last {@value #WINDOW} closed bars in the AI engine's state (so a
 *       restart loses nothing); a bar not newer than the last one kept is a replay and changes nothing. Intra-bar
 *       {@code LARGE_MOVE} updates are not bars and are ignored.</li>
 *   <li>Warm-up: no signal until {@value #WINDOW} bars are kept: the slow average of {@value #SLOW} closes is
 *       needed for this bar and the one before.</li>
 *   <li>Crossover: LONG when the fast average ({@value #FAST} closes) was at or below the slow one on the previous
 *       bar and is above it now; SHORT the other way round. Compared exactly on decimal sums.</li>
 *   <li>Volatility filter: ATR({@value #ATR_PERIOD}) / close must lie in the active strategy's band
 *       (trend 0.1 %..3 %, defensive 0.1 %..1.5 %): no signals in dead or chaotic markets.</li>
 *   <li>Confidence = 0.5 + gain x min(1, |fast - slow| / ({@value #FULL_CONFIDENCE_SPREAD_ATR} x ATR)), gain 0.45
 *       (trend) or 0.30 (defensive), so within [0.5, 0.95]; rounded to 4 decimals.</li>
 *   <li>Reference price = close; stop = close -/+ {@value #STOP_ATR} ATR, target = close +/-
 *       {@value #TARGET_ATR} ATR (LONG/SHORT), each rounded to the instrument's tick.</li>
 *   <li>Requested quantity = policy {@code account_equity} x active {@code risk_per_trade} / |close - stop|,
 *       rounded down to the instrument's step; a quantity of zero is no signal.</li>
 *   <li>Only for symbols in the policy's universe and while the policy enables the active strategy (chosen by
 *       the meta-strategy selector, {@code ma_crossover} until it decides).</li>
 * </ul>
 * The signal id {@code sig-<symbol>-<bar close epoch seconds>} is deterministic, so a replayed bar can never make
 * a second, different signal; each signal starts its own trace.
 */
public final class SignalOrchestrator implements EventHandler {

    static final int FAST = 10;
    static final int SLOW = 30;
    static final int ATR_PERIOD = 14;
    static final int WINDOW = SLOW + 1;
    static final double FULL_CONFIDENCE_SPREAD_ATR = 0.5;
    static final BigDecimal STOP_ATR = BigDecimal.valueOf(2);
    static final BigDecimal TARGET_ATR = BigDecimal.valueOf(3);

    private static final Logger LOG = LoggerFactory.getLogger(SignalOrchestrator.class);

    private final DomainServices services;
    private final ActiveStrategy active;

    public SignalOrchestrator(DomainServices services) {
        this.services = services;
        this.active = new ActiveStrategy(services.state());
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        MarketPriceUpdate bar = event.payload(MARKET_PRICE_UPDATE);
        if (!MarketPriceUpdate.BAR_CLOSE.equals(bar.reason())) {
            return List.of();
        }
        requireConsistent(bar);
        String key = "bars:" + bar.symbol() + ":" + bar.interval();
        BarWindow window = services.state().getJson(key, BarWindow.class).orElseGet(BarWindow::empty);
        if (!window.accepts(bar.closeTime())) {
            LOG.debug("bar {} {} closing {} is not newer than the window: ignored",
                    bar.symbol(), bar.interval(), bar.closeTime());
            return List.of();
        }
        window = window.append(new BarWindow.Point(bar.closeTime(), bar.high(), bar.low(), bar.close()), WINDOW);
        services.state().putJson(key, window);
        if (window.size() < WINDOW) {
            return List.of();
        }
        return evaluate(bar, window);
    }

    private List<Emit> evaluate(MarketPriceUpdate bar, BarWindow window) {
        // fast > slow  <=>  sumFast / FAST > sumSlow / SLOW  <=>  sumFast * SLOW > sumSlow * FAST: exact
        int before = spreadSign(window, 1);
        int now = spreadSign(window, 0);
        Side side = before <= 0 && now > 0 ? Side.LONG : before >= 0 && now < 0 ? Side.SHORT : null;
        if (side == null) {
            return List.of();
        }
        StrategyProfile strategy = active.current();
        Policy policy = services.policy().current();
        if (!policy.universe().contains(bar.symbol())) {
            LOG.debug("{} crossover ignored: symbol not in the policy universe", bar.symbol());
            return List.of();
        }
        if (!strategy.enabledIn(policy)) {
            LOG.debug("{} crossover ignored: strategy {} disabled by policy", bar.symbol(), strategy.strategyId());
            return List.of();
        }
        Optional<Instrument> instrument = services.instruments().find(bar.symbol());
        if (instrument.isEmpty()) {
            LOG.warn("{} crossover ignored: no instrument data for it in {}", bar.symbol(),
                    services.instruments().source());
            return List.of();
        }
        BigDecimal close = bar.close();
        BigDecimal atr = Indicators.averageTrueRange(window, ATR_PERIOD);
        double atrFraction = atr.divide(close, MathContext.DECIMAL64).doubleValue();
        if (atrFraction < strategy.minAtrFraction() || atrFraction > strategy.maxAtrFraction()) {
            LOG.debug("{} {} crossover filtered: ATR/price {} outside [{}, {}]", bar.symbol(), side, atrFraction,
                    strategy.minAtrFraction(), strategy.maxAtrFraction());
            return List.of();
        }
        // fast - slow = (sumFast * SLOW - sumSlow * FAST) / (FAST * SLOW)
        BigDecimal spread = Indicators.sumOfCloses(window, FAST, 0).multiply(BigDecimal.valueOf(SLOW))
                .subtract(Indicators.sumOfCloses(window, SLOW, 0).multiply(BigDecimal.valueOf(FAST)))
                .divide(BigDecimal.valueOf((long) FAST * SLOW), MathContext.DECIMAL64).abs();
        double normalisedSpread = spread.divide(atr.multiply(BigDecimal.valueOf(FULL_CONFIDENCE_SPREAD_ATR)),
                MathContext.DECIMAL64).doubleValue();
        double confidence = Math.round((0.5 + strategy.maxConfidenceGain() * Math.min(1.0, normalisedSpread)) * 1e4)
                / 1e4;

        int sign = side.sign();
        BigDecimal stop = SymbolFilters.roundToTick(instrument.get(),
                close.subtract(atr.multiply(STOP_ATR).multiply(BigDecimal.valueOf(sign))));
        BigDecimal target = SymbolFilters.roundToTick(instrument.get(),
                close.add(atr.multiply(TARGET_ATR).multiply(BigDecimal.valueOf(sign))));
        BigDecimal stopDistance = close.subtract(stop).abs();
        BigDecimal riskBudget = policy.accountEquity().multiply(riskPerTrade(policy));
        BigDecimal quantity = SymbolFilters.roundDownToStep(instrument.get(), riskBudget.divide(stopDistance, MathContext.DECIMAL64));
        if (quantity.signum() <= 0) {
            LOG.info("{} {} crossover skipped: risk budget {} buys less than one step at stop distance {}",
                    bar.symbol(), side, riskBudget, stopDistance);
            return List.of();
        }
        String signalId = "sig-" + bar.symbol() + "-" + bar.closeTime().getEpochSecond();
        SignalGenerated signal = new SignalGenerated(signalId, bar.symbol(), side, confidence, close, stop, target,
                quantity, strategy.strategyId(), strategy.modelId());
        LOG.info("signal {} {} {} confidence={} ref={} stop={} target={} qty={}", signalId, bar.symbol(), side,
                confidence, close, stop, target, quantity);
        return List.of(Emit.of(AI_SIGNAL_GENERATED, signal).newTrace());
    }

    /** Sign of (fast average - slow average) {@code back} bars before the newest. */
    private static int spreadSign(BarWindow window, int back) {
        BigDecimal fast = Indicators.sumOfCloses(window, FAST, back).multiply(BigDecimal.valueOf(SLOW));
        BigDecimal slow = Indicators.sumOfCloses(window, SLOW, back).multiply(BigDecimal.valueOf(FAST));
        return fast.compareTo(slow);
    }

    private static void requireConsistent(MarketPriceUpdate bar) {
        if (bar.close().signum() <= 0 || bar.low().signum() <= 0) {
            throw new MalformedEventException("bar " + bar.symbol() + " " + bar.closeTime() + " has a non-positive price");
        }
        if (bar.high().compareTo(bar.low()) < 0 || bar.close().compareTo(bar.high()) > 0
                || bar.close().compareTo(bar.low()) < 0) {
            throw new MalformedEventException("bar " + bar.symbol() + " " + bar.closeTime()
                    + " is inconsistent: close " + bar.close() + " outside low " + bar.low() + " .. high " + bar.high());
        }
    }

    /**
     * The mode's {@code risk_per_trade} from risk's policy section, read by path: the AI engine may not import the risk
     * domain's typed view (sizing still happens on both sides; issue 13).
     */
    private static BigDecimal riskPerTrade(Policy policy) {
        String pointer = "/limits/" + policy.riskMode().name() + "/risk_per_trade";
        JsonNode value = policy.at(pointer);
        if (!value.isNumber()) {
            // a document seeded by a process without risk's section: never size on a made-up number
            throw new IllegalStateException("the policy has no " + pointer + " (risk's section); write the whole "
                    + "policy through the admin route");
        }
        return value.decimalValue();
    }
}
