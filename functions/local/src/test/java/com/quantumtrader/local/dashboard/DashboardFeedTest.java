package com.quantumtrader.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import com.quantumtrader.events.os.OperatorCommand;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the dashboard folds from the bus, and how a page follows it. */
class DashboardFeedTest {

    final DashboardEvents run = new DashboardEvents();
    final DashboardFeed feed = new DashboardFeed();

    @Nested
    class Equity {

        @Test
        void drawsTheCurveFromPerformanceSnapshotsWithTheirExactDecimals() {
            feed.accept(run.performance("10000.00", "10000.00", "0"));
            feed.accept(run.performance("9850.25", "10000.00", "0.014975"));

            JsonNode equity = feed.snapshot().path("equity");

            assertThat(equity).hasSize(2);
            assertThat(equity.get(1).path("equity").toString()).isEqualTo("9850.25");
            assertThat(equity.get(1).path("drawdown").toString()).isEqualTo("0.014975");
            assertThat(equity.get(1).path("t").asText()).isEqualTo("2025-01-01T02:00:00Z");
        }

        @Test
        void staysBoundedOverALongRunKeepingTheFirstAndTheLatestSnapshot() {
            EquitySeries series = new EquitySeries(8);
            for (int hour = 0; hour < 101; hour++) {
                series.add(EventJson.readTree("{\"as_of\":\"h" + hour + "\",\"equity\":" + (10_000 + hour) + "}"));
            }

            assertThat(series.points()).hasSizeLessThanOrEqualTo(9);
            assertThat(series.points().get(0).path("t").asText()).isEqualTo("h0");
            assertThat(series.points().get(series.points().size() - 1).path("t").asText()).isEqualTo("h100");
            assertThat(series.stride()).isGreaterThan(1);
        }

        @Test
        void refusesACapacityTooSmallToThin() {
            assertThatThrownBy(() -> new EquitySeries(2)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class EventStream {

        @Test
        void leavesBarUpdatesOutAndKeepsTraceIdsOfEverythingElse() {
            feed.accept(run.bar("BTCUSDT", "60000.0"));
            feed.accept(run.positionOpened("pos-1", "BTCUSDT"));

            JsonNode events = feed.snapshot().path("events");

            assertThat(events).hasSize(1);
            assertThat(events.get(0).path("name").asText()).isEqualTo("portfolio.position.opened");
            assertThat(events.get(0).path("trace_id").asText()).isNotBlank();
            assertThat(events.get(0).path("payload").path("symbol").asText()).isEqualTo("BTCUSDT");
        }

        @Test
        void aReaderGetsTheMessagesAfterItsLastOneInOrder() throws Exception {
            feed.accept(run.positionOpened("pos-1", "BTCUSDT"));
            long seen = feed.lastSeq();
            feed.accept(run.positionOpened("pos-2", "ETHUSDT"));
            feed.accept(run.performance("10010", "10010", "0"));

            DashboardFeed.Batch batch = feed.awaitAfter(seen, Duration.ofSeconds(1));

            assertThat(batch.gap()).isFalse();
            assertThat(batch.messages()).extracting(DashboardFeed.Message::type).containsExactly("bus", "bus", "equity");
            assertThat(batch.messages().get(0).data().path("payload").path("position_id").asText()).isEqualTo("pos-2");
        }

        @Test
        void aWaitingReaderWakesWhenTheNextEventArrives() throws Exception {
            long seen = feed.lastSeq();
            CompletableFuture<DashboardFeed.Batch> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return feed.awaitAfter(seen, Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            feed.accept(run.positionOpened("pos-1", "BTCUSDT"));

            assertThat(waiting.get(10, TimeUnit.SECONDS).messages()).hasSize(1);
        }

        @Test
        void anIdleReaderGetsAnEmptyBatchAfterItsTimeoutSoItCanSendAKeepAlive() throws Exception {
            DashboardFeed.Batch batch = feed.awaitAfter(feed.lastSeq(), Duration.ofMillis(20));

            assertThat(batch.messages()).isEmpty();
            assertThat(batch.gap()).isFalse();
            assertThat(batch.closed()).isFalse();
        }

        @Test
        void aReaderTooFarBehindOrFromAnotherRunIsToldToReloadTheSnapshot() throws Exception {
            DashboardFeed small = new DashboardFeed(3);
            for (int i = 0; i < 5; i++) {
                small.accept(run.positionOpened("pos-" + i, "BTCUSDT"));
            }

            assertThat(small.awaitAfter(0, Duration.ofMillis(10)).gap()).isTrue();
            assertThat(small.awaitAfter(99, Duration.ofMillis(10)).gap()).isTrue();
            assertThat(small.awaitAfter(2, Duration.ofMillis(10)).messages()).hasSize(3);
        }

        @Test
        void closingReleasesEveryWaitingReader() throws Exception {
            CompletableFuture<DashboardFeed.Batch> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return feed.awaitAfter(0, Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            feed.close();

            assertThat(waiting.get(10, TimeUnit.SECONDS).closed()).isTrue();
        }
    }

    @Nested
    class EmergencyStop {

        @Test
        void isNotTriggeredUntilRiskAnnouncesATrigger() {
            assertThat(feed.ess().state()).isEqualTo(EssStatus.NOT_TRIGGERED);
        }

        @Test
        void latchesOnATriggerWithItsFiguresAndNamesWhoOrderedTheFlatten() {
            feed.accept(run.emergencyTriggered("MANUAL", "drill", "operator request"));
            feed.accept(run.emergencyStop("token:alice"));

            EssStatus ess = feed.ess();
            assertThat(ess.state()).isEqualTo(EssStatus.LATCHED);
            assertThat(ess.reason()).isEqualTo("MANUAL");
            assertThat(ess.detail()).isEqualTo("drill >= operator request");
            assertThat(ess.by()).isEqualTo("token:alice");
            assertThat(feed.snapshot().path("ess").path("state").asText()).isEqualTo("LATCHED");
        }

        @Test
        void aResetIsOnlyRequestedUntilASignalIsApprovedAgain() throws Exception {
            feed.accept(run.emergencyTriggered("MAX_DRAWDOWN", "0.21", "0.20"));
            feed.accept(run.operator(OperatorCommand.Kind.EMERGENCY_RESET, "drawdown reviewed", "token:bob"));
            assertThat(feed.ess().state()).isEqualTo(EssStatus.RESET_REQUESTED);
            assertThat(feed.ess().by()).isEqualTo("token:bob");

            feed.accept(run.approved("sig-after-reset"));

            assertThat(feed.ess().state()).isEqualTo(EssStatus.NOT_TRIGGERED);
            List<String> types = feed.awaitAfter(0, Duration.ofMillis(10)).messages().stream()
                    .map(DashboardFeed.Message::type).toList();
            assertThat(types).filteredOn("ess"::equals).hasSize(3);
        }

        @Test
        void anOperatorCommandOtherThanAResetLeavesTheStateAlone() {
            feed.accept(run.operator(OperatorCommand.Kind.CIRCUIT_BREAKER_RESET, "cooled off", "token:bob"));
            feed.accept(run.operator(OperatorCommand.Kind.EMERGENCY_RESET, "nothing latched", "token:bob"));

            assertThat(feed.ess().state()).isEqualTo(EssStatus.NOT_TRIGGERED);
        }
    }
}
