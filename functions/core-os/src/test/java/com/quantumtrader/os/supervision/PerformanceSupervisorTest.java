package com.quantumtrader.os.supervision;

import static com.quantumtrader.events.EventCatalog.OS_SELF_HEALING_TRIGGERED;
import static com.quantumtrader.events.EventCatalog.PORTFOLIO_PERFORMANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.handler.HandlerOutcome;
import com.quantumtrader.core.handler.HandlerRuntime;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.os.SelfHealingTriggered;
import com.quantumtrader.events.portfolio.PortfolioPerformance;
import com.quantumtrader.core.testing.DomainFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceSupervisorTest {

    private final DomainFixture fixture = new DomainFixture();
    private final PerformanceSupervisor supervisor = new PerformanceSupervisor(fixture.services());

    private static PortfolioPerformance snapshot(int minutes, String drawdown) {
        BigDecimal dd = new BigDecimal(drawdown);
        BigDecimal equity = new BigDecimal("10000").subtract(dd.multiply(new BigDecimal("10000")));
        return new PortfolioPerformance(DomainFixture.START.plus(Duration.ofMinutes(minutes)), equity,
                new BigDecimal("10000"), dd, equity.subtract(new BigDecimal("10000")), BigDecimal.ZERO,
                BigDecimal.ONE, 1, 3, new BigDecimal("0.3333"));
    }

    private List<Emit> play(PerformanceSupervisor handler, int minutes, String drawdown) {
        return handler.handle(fixture.inbound(PORTFOLIO_PERFORMANCE, snapshot(minutes, drawdown)));
    }

    @Test
    void recommendsSafeModeWhenDrawdownReachesThreeQuartersOfTheAlert() {
        // given hourly snapshots with drawdown just under 7.5 %
        assertThat(play(supervisor, 60, "0.02")).isEmpty();
        assertThat(play(supervisor, 120, "0.0749")).isEmpty();

        // when it reaches 7.5 %
        List<Emit> emitted = play(supervisor, 180, "0.075");

        // then
        assertThat(emitted).extracting(Emit::type).containsExactly(OS_SELF_HEALING_TRIGGERED);
        assertThat(emitted.get(0).payload()).isEqualTo(new SelfHealingTriggered("risk_safety",
                "drawdown 0.075 reached 0.075 (75 % of the drawdown alert)", "RECOMMEND_SAFE_MODE"));
    }

    @Test
    void recommendsOncePerDrawdownEpisode() {
        // given a reported drawdown
        assertThat(play(supervisor, 60, "0.08")).hasSize(1);

        // when it deepens, or eases only to 4 %, nothing more is said
        assertThat(play(supervisor, 120, "0.09")).isEmpty();
        assertThat(play(supervisor, 180, "0.04")).isEmpty();
        assertThat(play(supervisor, 240, "0.08")).isEmpty();

        // then below half the warning level (3.75 %) the episode ends and the next one is reported
        assertThat(play(supervisor, 300, "0.0374")).isEmpty();
        assertThat(play(supervisor, 360, "0.08")).hasSize(1);
    }

    @Test
    void reportsStalledSnapshotsWhenTheNextOneArrives() {
        // given a snapshot at 1 h
        play(supervisor, 60, "0.01");

        // when the next comes exactly 3 h later, that is tolerated; 3 h 1 min after that is not
        assertThat(play(supervisor, 240, "0.01")).isEmpty();
        List<Emit> emitted = play(supervisor, 421, "0.01");

        // then
        assertThat(emitted).extracting(Emit::payload).containsExactly(new SelfHealingTriggered("portfolio",
                "no performance snapshot for 181 min (tolerated 180 min)", "RESYNC_PORTFOLIO"));
    }

    @Test
    void ignoresASnapshotNotNewerThanTheLastOne() {
        // given a snapshot at 5 h
        play(supervisor, 300, "0.01");

        // when a late one from 4 h shows a deep drawdown
        // then it is ignored
        assertThat(play(supervisor, 240, "0.09")).isEmpty();
    }

    @Test
    void keepsItsWatchAcrossARestart() {
        // given a reported drawdown
        assertThat(play(supervisor, 60, "0.08")).hasSize(1);

        // when a new instance sees the same drawdown 5 h later
        List<Emit> emitted = play(new PerformanceSupervisor(fixture.services()), 360, "0.08");

        // then it reports the stall, but not the drawdown again
        assertThat(emitted).extracting(e -> ((SelfHealingTriggered) e.payload()).action())
                .containsExactly("RESYNC_PORTFOLIO");
    }

    @Test
    void handlingTheSameSnapshotTwiceThroughTheRuntimeEqualsHandlingItOnce() {
        // given the runtime around the supervisor
        List<BusEvent> published = new ArrayList<>();
        HandlerRuntime runtime = fixture.runtime(
                new HandlerDefinition("performance_supervisor", Domain.CORE_OS, supervisor), published::add);
        BusEvent deep = fixture.busEvent(PORTFOLIO_PERFORMANCE, snapshot(60, "0.09"));

        // when delivered twice
        assertThat(runtime.dispatch(deep).status()).isEqualTo(HandlerOutcome.Status.HANDLED);
        String state = fixture.state().get("performance:supervisor").orElseThrow();
        assertThat(runtime.dispatch(deep).status()).isEqualTo(HandlerOutcome.Status.DUPLICATE);

        // then one recommendation
        assertThat(published).extracting(BusEvent::name).containsExactly("os.self_healing.triggered");
        assertThat(fixture.state().get("performance:supervisor")).contains(state);
    }
}
