package com.quantumtrader.learning.retraining;

import static com.quantumtrader.events.EventCatalog.AI_MODEL_DEGRADED;
import static com.quantumtrader.events.EventCatalog.LEARNING_MODEL_RETRAINED;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.ai.ModelDegraded;
import com.quantumtrader.events.learning.ModelRetrained;
import com.quantumtrader.learning.candidates.model.Candidate;
import com.quantumtrader.learning.retraining.model.Refitting;
import com.quantumtrader.learning.store.Candidates;
import com.quantumtrader.learning.store.TradeJournal;
import com.quantumtrader.core.testing.DomainFixture;
import com.quantumtrader.learning.testing.Trades;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrainingTriggerTest {

    private static final ModelDegraded DEGRADED =
            new ModelDegraded("ma_crossover@v1", "ma_crossover", "win_rate", 0.25, 0.30, 12);

    private final DomainFixture fixture = new DomainFixture();
    private final RetrainingTrigger trigger = new RetrainingTrigger(fixture.services());
    private final TradeJournal journal = new TradeJournal(fixture.state());
    private final Trades trades = new Trades("ma_crossover", "ma_crossover@v1");

    /** Longs that pay (+4 R over 6 trades) and shorts that lose every time (-6 R over 6). */
    private void recordLongsThatPayAndShortsThatLose() {
        for (String r : List.of("1.5", "1.5", "-1", "1.5", "-1", "1.5")) {
            journal.record(trades.next(Side.LONG, r));
        }
        for (int i = 0; i < 6; i++) {
            journal.record(trades.next(Side.SHORT, "-1"));
        }
    }

    private List<Emit> degraded() {
        return trigger.handle(fixture.inbound(AI_MODEL_DEGRADED, DEGRADED));
    }

    @Test
    void refitsTheSidesTheModelTradesAndPublishesTheNextVersion() {
        // given 12 recorded trades of the model
        recordLongsThatPayAndShortsThatLose();

        // when it is reported degraded
        List<Emit> emitted = degraded();

        // then shorts are dropped: in-sample expectancy per opportunity = 4 R / 12 trades = 0.3333
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).type()).isEqualTo(LEARNING_MODEL_RETRAINED);
        ModelRetrained retrained = (ModelRetrained) emitted.get(0).payload();
        assertThat(retrained.modelId()).isEqualTo("ma_crossover@v2");
        assertThat(retrained.strategyId()).isEqualTo("ma_crossover");
        assertThat(retrained.version()).isEqualTo(2);
        assertThat(retrained.parameters()).isEqualTo(Map.of(
                "allowed_sides", "LONG",
                "long_trades", "6", "long_expectancy_r", "0.6667",
                "short_trades", "6", "short_expectancy_r", "-1.0000",
                "trades", "12"));
        assertThat(retrained.metric()).isEqualTo("in_sample_expectancy_r");
        assertThat(retrained.score()).isEqualTo(0.3333);
        assertThat(retrained.reason()).isEqualTo("ai.model.degraded: win_rate 0.25 below 0.3 over 12 trades");
        // and the refit waits in shadow testing, fitted on trades up to now
        assertThat(new Candidates(fixture.state()).all()).containsExactly(new Candidate("ma_crossover@v2",
                "ma_crossover", 2, "ma_crossover@v1", List.of(Side.LONG), DomainFixture.START));
    }

    @Test
    void keepsASideWithTooFewTradesToJudge() {
        // given 8 paying longs and 4 losing shorts (fewer than 5: not enough evidence to drop them)
        for (int i = 0; i < 8; i++) {
            journal.record(trades.next(Side.LONG, i % 2 == 0 ? "1.5" : "-0.5"));
        }
        for (int i = 0; i < 4; i++) {
            journal.record(trades.next(Side.SHORT, "-1"));
        }

        // when
        ModelRetrained retrained = (ModelRetrained) degraded().get(0).payload();

        // then both sides stay: (4 - 4) / 12 = 0
        assertThat(retrained.parameters()).containsEntry("allowed_sides", "LONG,SHORT");
        assertThat(retrained.score()).isZero();
    }

    @Test
    void waitsForTenRecordedTradesOfTheModel() {
        // given 9 trades of the model and 5 of an older version
        for (int i = 0; i < 9; i++) {
            journal.record(trades.next(Side.LONG, "-1"));
        }
        Trades older = new Trades("ma_crossover", "ma_crossover@v0");
        for (int i = 0; i < 5; i++) {
            journal.record(older.at(100 + i, Side.LONG, "-1", DomainFixture.START));
        }

        // when / then
        assertThat(degraded()).isEmpty();
        assertThat(new Candidates(fixture.state()).all()).isEmpty();
    }

    @Test
    void refitsAStrategyAtMostOncePerDay() {
        // given a refit now
        recordLongsThatPayAndShortsThatLose();
        assertThat(degraded()).hasSize(1);

        // when the model is reported again 23 h 59 min later, nothing happens
        fixture.clock().advance(Duration.ofHours(24).minusMinutes(1));
        assertThat(degraded()).isEmpty();

        // then at 24 h it refits again, one version up, even from a new instance (restart)
        fixture.clock().advance(Duration.ofMinutes(1));
        List<Emit> emitted = new RetrainingTrigger(fixture.services())
                .handle(fixture.inbound(AI_MODEL_DEGRADED, DEGRADED));
        assertThat(emitted).extracting(e -> ((ModelRetrained) e.payload()).modelId())
                .containsExactly("ma_crossover@v3");
    }

    @Test
    void readsTheVersionFromTheModelId() {
        assertThat(Refitting.versionOf("ma_crossover@v7")).isEqualTo(7);
        assertThat(Refitting.versionOf("ma_crossover")).isEqualTo(1);
        assertThat(Refitting.versionOf("ma_crossover@vX")).isEqualTo(1);
        assertThat(Refitting.familyOf("ma_crossover@v7")).isEqualTo("ma_crossover");
    }

    @Test
    void handlingTheSameReportTwiceThroughTheRuntimeEqualsHandlingItOnce() {
        // given recorded trades and the runtime around the trigger
        recordLongsThatPayAndShortsThatLose();
        List<BusEvent> published = new ArrayList<>();
        HandlerRuntime runtime = fixture.runtime(
                new HandlerDefinition("retraining_trigger", Domain.LEARNING, trigger), published::add);
        BusEvent report = fixture.busEvent(AI_MODEL_DEGRADED, DEGRADED);
        List<String> keys = List.of("retraining:ma_crossover", "candidates");

        // when it is delivered twice
        assertThat(runtime.dispatch(report).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        var state = fixture.snapshot(keys);
        assertThat(runtime.dispatch(report).status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);

        // then one refit
        assertThat(published).extracting(BusEvent::name).containsExactly("learning.model.retrained");
        assertThat(fixture.snapshot(keys)).isEqualTo(state);
    }
}
