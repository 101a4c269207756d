package com.quantumtrader.os.regime;

import static com.quantumtrader.events.EventCatalog.MARKET_PRICE_UPDATE;
import static com.quantumtrader.events.EventCatalog.OS_REGIME_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.market.MarketPriceUpdate;
import com.quantumtrader.events.os.RegimeChanged;
import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.os.regime.model.Regime;
import com.quantumtrader.os.regime.model.RegimeClassifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegimeDetectorTest {

    private final DomainFixture fixture = new DomainFixture();
    private final RegimeDetector detector = new RegimeDetector(fixture.services());
    private int bars;

    private MarketPriceUpdate bar(String symbol, String close) {
        bars++;
        Instant closeTime = DomainFixture.START.plus(Duration.ofHours(bars));
        BigDecimal c = new BigDecimal(close);
        return new MarketPriceUpdate(symbol, "1h", closeTime.minus(Duration.ofHours(1)), closeTime, c, c, c, c,
                BigDecimal.TEN, MarketPriceUpdate.BAR_CLOSE);
    }

    private List<Emit> play(RegimeDetector handler, String symbol, List<String> closes) {
        List<Emit> emitted = new ArrayList<>();
        for (String close : closes) {
            emitted.addAll(handler.handle(fixture.inbound(MARKET_PRICE_UPDATE, bar(symbol, close))));
        }
        return emitted;
    }

    /** closes from {@code first}, moving {@code step} a bar. */
    private static List<String> line(int first, int step, int count) {
        List<String> closes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            closes.add(Integer.toString(first + step * i));
        }
        return closes;
    }

    /** closes alternating low, high, low, ... */
    private static List<String> alternating(String low, String high, int count) {
        List<String> closes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            closes.add(i % 2 == 0 ? low : high);
        }
        return closes;
    }

    @Test
    void publishesTheFirstRegimeOnceTheWindowIsFull() {
        // given 48 closes rising 10 a bar from 1000: not yet 48 returns
        List<String> rising = line(1000, 10, 49);
        assertThat(play(detector, "BTCUSDT", rising.subList(0, 48))).isEmpty();

        // when the 49th close completes 48 returns
        List<Emit> emitted = play(detector, "BTCUSDT", rising.subList(48, 49));

        // then a straight line up: efficiency 1, tiny volatility
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).type()).isEqualTo(OS_REGIME_CHANGED);
        assertThat(emitted.get(0).payload())
                .isEqualTo(new RegimeChanged("BTCUSDT", null, "TRENDING_UP", 0.000936, 1.0));
    }

    @Test
    void classifiesAStraightFallAsTrendingDown() {
        assertThat(play(detector, "ETHUSDT", line(2000, -10, 49))).extracting(Emit::payload)
                .containsExactly(new RegimeChanged("ETHUSDT", null, "TRENDING_DOWN", 0.000458, -1.0));
    }

    @Test
    void classifiesThreePercentSwingsAsVolatile() {
        // given closes swinging 1000 <-> 1030: log returns of +/- 2.96 %, no net move
        assertThat(play(detector, "ETHUSDT", alternating("1000", "1030", 49))).extracting(Emit::payload)
                .containsExactly(new RegimeChanged("ETHUSDT", null, "VOLATILE", 0.029872, 0.0));
    }

    @Test
    void publishesOnlyWhenTheRegimeChanges() {
        // given a rising market, classified as trending up
        assertThat(play(detector, "BTCUSDT", line(1000, 10, 49))).hasSize(1);

        // when it goes sideways between 1470 and 1480, the trend fades out of the window bar by bar: the efficiency
        // ratio falls below the 0.35 entry level after 31 bars, but a trend holds until it falls below 0.25
        List<String> sideways = alternating("1470", "1480", 44);
        assertThat(play(detector, "BTCUSDT", sideways.subList(0, 36))).isEmpty();

        // then the 37th brings it to 0.208333 (10 net over a 48-long path): ranging, published once
        assertThat(play(detector, "BTCUSDT", sideways.subList(36, 37))).extracting(Emit::payload)
                .containsExactly(new RegimeChanged("BTCUSDT", "TRENDING_UP", "RANGING", 0.006747, 0.208333));
        assertThat(play(detector, "BTCUSDT", sideways.subList(37, 44))).isEmpty();
    }

    @Test
    void holdsARegimeInsideItsHysteresisBand() {
        // a trend at 0.30 efficiency stays a trend, but 0.30 does not start one
        assertThat(RegimeClassifier.classify(Regime.TRENDING_UP, 0.005, 0.30)).isEqualTo(Regime.TRENDING_UP);
        assertThat(RegimeClassifier.classify(Regime.RANGING, 0.005, 0.30)).isEqualTo(Regime.RANGING);
        assertThat(RegimeClassifier.classify(Regime.TRENDING_UP, 0.005, -0.30)).isEqualTo(Regime.RANGING);
        assertThat(RegimeClassifier.classify(Regime.TRENDING_DOWN, 0.005, -0.25)).isEqualTo(Regime.TRENDING_DOWN);
        assertThat(RegimeClassifier.classify(Regime.RANGING, 0.005, -0.35)).isEqualTo(Regime.TRENDING_DOWN);
        // volatility of 0.9 % per bar keeps a volatile market volatile, but does not make a calm one volatile
        assertThat(RegimeClassifier.classify(Regime.VOLATILE, 0.009, 0.9)).isEqualTo(Regime.VOLATILE);
        assertThat(RegimeClassifier.classify(Regime.TRENDING_UP, 0.009, 0.9)).isEqualTo(Regime.TRENDING_UP);
        assertThat(RegimeClassifier.classify(null, 0.0101, 0.9)).isEqualTo(Regime.VOLATILE);
        assertThat(RegimeClassifier.classify(Regime.VOLATILE, 0.008, 0.1)).isEqualTo(Regime.RANGING);
    }

    @Test
    void keepsSymbolsApart() {
        // given 30 bars of each of two symbols, interleaved: neither window is full
        List<Emit> emitted = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            emitted.addAll(play(detector, "BTCUSDT", List.of(Integer.toString(1000 + i))));
            emitted.addAll(play(detector, "ETHUSDT", List.of(Integer.toString(2000 - i))));
        }

        // then
        assertThat(emitted).isEmpty();
    }

    @Test
    void ignoresReplayedBarsAndIntraBarMoves() {
        // given 48 closes
        List<String> rising = line(1000, 10, 49);
        play(detector, "BTCUSDT", rising.subList(0, 48));
        MarketPriceUpdate last = bar("BTCUSDT", "1470");
        String window = fixture.state().get("regime:BTCUSDT:1h").orElseThrow();
        MarketPriceUpdate stale = new MarketPriceUpdate("BTCUSDT", "1h", last.openTime().minus(Duration.ofHours(1)),
                last.closeTime().minus(Duration.ofHours(1)), last.open(), last.high(), last.low(),
                new BigDecimal("1490"), last.volume(), MarketPriceUpdate.BAR_CLOSE);
        MarketPriceUpdate largeMove = new MarketPriceUpdate("BTCUSDT", "1h", last.openTime(),
                last.closeTime().plusSeconds(60), last.open(), last.high(), last.low(), new BigDecimal("1490"),
                last.volume(), MarketPriceUpdate.LARGE_MOVE);

        // when a bar as old as the newest one kept and a large-move update arrive
        List<Emit> emitted = new ArrayList<>(detector.handle(fixture.inbound(MARKET_PRICE_UPDATE, stale)));
        emitted.addAll(detector.handle(fixture.inbound(MARKET_PRICE_UPDATE, largeMove)));

        // then neither completes the window
        assertThat(emitted).isEmpty();
        assertThat(fixture.state().get("regime:BTCUSDT:1h")).contains(window);
    }

    @Test
    void rejectsANonPositiveClose() {
        assertThatThrownBy(() -> detector.handle(fixture.inbound(MARKET_PRICE_UPDATE, bar("BTCUSDT", "0"))))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("log return needs a positive price");
    }

    @Test
    void keepsItsWindowAndRegimeAcrossARestart() {
        // given a trending-up regime seen by one instance
        play(detector, "BTCUSDT", line(1000, 10, 49));

        // when a new instance over the same state keeps seeing the same trend
        RegimeDetector restarted = new RegimeDetector(fixture.services());

        // then it neither re-announces it nor needs a new warm-up
        assertThat(play(restarted, "BTCUSDT", line(1490, 10, 5))).isEmpty();
        assertThat(play(restarted, "BTCUSDT", alternating("1530", "3000", 2))).extracting(
                e -> ((RegimeChanged) e.payload()).regime()).containsExactly("VOLATILE");
    }

    @Test
    void handlingTheSameBarTwiceThroughTheRuntimeEqualsHandlingItOnce() {
        // given 48 closes and the runtime around the detector
        List<String> rising = line(1000, 10, 49);
        play(detector, "BTCUSDT", rising.subList(0, 48));
        List<BusEvent> published = new ArrayList<>();
        HandlerRuntime runtime = fixture.runtime(
                new HandlerDefinition("regime_detector", Domain.CORE_OS, detector), published::add);
        BusEvent last = fixture.busEvent(MARKET_PRICE_UPDATE, bar("BTCUSDT", "1480"));

        // when the 49th bar is delivered twice
        assertThat(runtime.dispatch(last).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        String window = fixture.state().get("regime:BTCUSDT:1h").orElseThrow();
        assertThat(runtime.dispatch(last).status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);

        // then one regime event
        assertThat(published).extracting(BusEvent::name).containsExactly("os.regime.changed");
        assertThat(fixture.state().get("regime:BTCUSDT:1h")).contains(window);
    }
}
