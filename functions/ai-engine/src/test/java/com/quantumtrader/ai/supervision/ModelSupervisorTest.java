package com.quantumtrader.ai.supervision;

import static com.quantumtrader.events.EventCatalog.AI_MODEL_DEGRADED;
import static com.quantumtrader.events.EventCatalog.TRADE_CLOSED;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.events.portfolio.TradeClosed;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSupervisorTest {

    private static final String MODEL = "ma_crossover@v1";
    private static final String WIN = "1.5";
    private static final String LOSS = "-1";

    private final DomainFixture fixture = new DomainFixture();
    private final ModelSupervisor supervisor = new ModelSupervisor(fixture.services());
    private int tradeCount;

    /** A trade of the model with the given R multiple; P&L is 100 USDT per R. */
    private TradeClosed trade(String rMultiple) {
        tradeCount++;
        BigDecimal r = new BigDecimal(rMultiple);
        return new TradeClosed("trade-" + tradeCount, "ETHUSDT", Side.LONG, new BigDecimal("1.5"),
                new BigDecimal("2000"), new BigDecimal("2000").add(r.multiply(new BigDecimal("66.67"))),
                DomainFixture.START, DomainFixture.START.plus(Duration.ofHours(tradeCount)), new BigDecimal("1.2"),
                BigDecimal.ZERO, r.multiply(new BigDecimal("100")), r, r.signum() > 0 ? "TAKE_PROFIT" : "STOP_LOSS",
                "sig-ETHUSDT-" + tradeCount, "ma_crossover", MODEL);
    }

    private List<Emit> play(ModelSupervisor handler, String... rMultiples) {
        List<Emit> emitted = new ArrayList<>();
        for (String r : rMultiples) {
            emitted.addAll(handler.handle(fixture.inbound(TRADE_CLOSED, trade(r))));
        }
        return emitted;
    }

    private static String[] repeat(String r, int times) {
        String[] out = new String[times];
        Arrays.fill(out, r);
        return out;
    }

    @Test
    void reportsDegradationWhenTheWinRateFallsBelowThirtyPercent() {
        // given 9 trades: 2 wins, 7 losses (too few to judge yet)
        assertThat(play(supervisor, WIN, LOSS, LOSS, WIN, LOSS, LOSS, LOSS, LOSS, LOSS)).isEmpty();

        // when the 10th trade is another loss: win rate 2/10 = 0.2
        List<Emit> emitted = play(supervisor, LOSS);

        // then
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).type()).isEqualTo(AI_MODEL_DEGRADED);
        assertThat(emitted.get(0).payload())
                .isEqualTo(new ModelDegraded(MODEL, "ma_crossover", "win_rate", 0.2, 0.30, 10));
    }

    @Test
    void reportsDegradationWhenTheMeanRMultipleFallsBelowTheFloor() {
        // given 4 small wins (+0.2 R) and 6 full losses: win rate 0.4 passes, mean R = (0.8 - 6) / 10 = -0.52 fails
        List<Emit> emitted = play(supervisor, "0.2", LOSS, "0.2", LOSS, "0.2", LOSS, "0.2", LOSS, LOSS, LOSS);

        // then
        assertThat(emitted).extracting(Emit::payload)
                .containsExactly(new ModelDegraded(MODEL, "ma_crossover", "mean_r_multiple", -0.52, -0.25, 10));
    }

    @Test
    void judgesNothingBeforeTenTrades() {
        // when nine straight losses arrive
        // then no verdict: nine trades are too few
        assertThat(play(supervisor, repeat(LOSS, 9))).isEmpty();
    }

    @Test
    void reportsOnceWhileDegradedAndAgainAfterRecovering() {
        // given a degraded model: 2 wins, 8 losses
        assertThat(play(supervisor, WIN, WIN, LOSS, LOSS, LOSS, LOSS, LOSS, LOSS, LOSS, LOSS)).hasSize(1);

        // when it keeps losing, nothing more is said
        assertThat(play(supervisor, LOSS)).isEmpty();

        // when 3 wins bring it to 5/14 = 0.357 win rate but mean R (7.5 - 9) / 14 = -0.107: still degraded
        assertThat(play(supervisor, WIN, WIN, WIN)).isEmpty();
        // and a 4th win makes 6/15 = 0.4 and mean R (9 - 9) / 15 = 0: recovered, silently
        assertThat(play(supervisor, WIN)).isEmpty();

        // then 5 losses bring it to exactly the floors (6/20 = 0.30, mean R -0.25): not below, nothing said
        assertThat(play(supervisor, repeat(LOSS, 5))).isEmpty();
        // and a 6th pushes the oldest win out: 5/20 = 0.25 - degraded again, reported again
        List<Emit> emitted = play(supervisor, LOSS);
        assertThat(emitted).hasSize(1);
        ModelDegraded again = (ModelDegraded) emitted.get(0).payload();
        assertThat(again.metric()).isEqualTo("win_rate");
        assertThat(again.value()).isEqualTo(0.25);
        assertThat(again.windowTrades()).isEqualTo(20);
    }

    @Test
    void judgesOnlyTheLastTwentyTrades() {
        // given 10 early losses (reported) followed by 10 wins (recovered)
        assertThat(play(supervisor, repeat(LOSS, 10))).hasSize(1);
        assertThat(play(supervisor, repeat(WIN, 10))).isEmpty();

        // when 6 more losses arrive, the window holds 4 early losses, 10 wins, 6 losses: win rate 0.5, mean R 0.25
        // then the model is fine: the early losses have left the window
        assertThat(play(supervisor, repeat(LOSS, 6))).isEmpty();
    }

    @Test
    void countsARedeliveredTradeOnlyOnce() {
        // given 9 losses
        play(supervisor, repeat(LOSS, 9));
        TradeClosed ninth = new TradeClosed("trade-9", "ETHUSDT", Side.LONG, new BigDecimal("1.5"),
                new BigDecimal("2000"), new BigDecimal("1933.33"), DomainFixture.START, DomainFixture.START,
                BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("-100"), new BigDecimal("-1"), "STOP_LOSS",
                "sig-ETHUSDT-9", "ma_crossover", MODEL);

        // when the 9th trade comes again as a new event
        // then it is not a 10th trade
        assertThat(supervisor.handle(fixture.inbound(TRADE_CLOSED, ninth))).isEmpty();
    }

    @Test
    void keepsItsWindowAcrossARestart() {
        // given 9 losses seen by one instance
        play(supervisor, repeat(LOSS, 9));

        // when a new instance over the same state sees the 10th
        List<Emit> emitted = play(new ModelSupervisor(fixture.services()), LOSS);

        // then it judges all ten
        assertThat(emitted).extracting(e -> ((ModelDegraded) e.payload()).windowTrades()).containsExactly(10);
    }

    @Test
    void handlingTheSameTradeTwiceThroughTheRuntimeEqualsHandlingItOnce() {
        // given 9 losses and the runtime around the supervisor
        play(supervisor, repeat(LOSS, 9));
        List<BusEvent> published = new ArrayList<>();
        HandlerRuntime runtime = fixture.runtime(
                new HandlerDefinition("model_supervisor", Domain.AI_ENGINE, supervisor), published::add);
        BusEvent tenth = fixture.busEvent(TRADE_CLOSED, trade(LOSS));

        // when the 10th trade is delivered twice
        assertThat(runtime.dispatch(tenth).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        String state = fixture.state().get("model:" + MODEL).orElseThrow();
        assertThat(runtime.dispatch(tenth).status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);

        // then one alert, and the state is as after the first delivery
        assertThat(published).extracting(BusEvent::name).containsExactly("ai.model.degraded");
        assertThat(fixture.state().get("model:" + MODEL)).contains(state);
    }
}
