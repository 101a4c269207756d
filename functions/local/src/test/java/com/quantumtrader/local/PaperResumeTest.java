package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.core.testing.RedisTestServer;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paper run restarted against the Redis that kept its state resumes after its last completed bar: it neither
 * replays the market from bar 1 nor re-issues event ids, and its events file holds whole lines only.
 */
class PaperResumeTest {

    static final long SEED = 5L;
    static final int FIRST_RUN_BARS = 72;
    static final int SECOND_RUN_BARS = 30;
    static final String PRICE_UPDATE = "market.price.update";

    @TempDir
    Path dir;

    @BeforeEach
    void emptyRedis() {
        RedisTestServer.flush();
    }

    @Test
    void aRestartedRunContinuesAtTheNextBarWithNewIdsAndAppendsWholeLines() throws IOException {
        Path out = dir.resolve("events.jsonl");
        PaperOptions options = options().withEventsOut(out);
        List<BusEvent> firstRun = new ArrayList<>();
        Instant checkpointClose;

        // given a run of N bars whose process dies
        try (LocalPlatform platform = new LocalPlatform(options)) {
            platform.observe(firstRun::add);
            for (int bar = 0; bar < FIRST_RUN_BARS; bar++) {
                platform.step();
            }
            // what a kill leaves now: every completed bar is on disk already, in whole lines
            assertThat(wholeJsonLines(out)).hasSize(firstRun.size());
            checkpointClose = lastPriceUpdate(firstRun);
        }
        // and the kill hit while it was writing a line
        Files.writeString(out, "{\"source\":\"quantum.execution\",\"detail-ty", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        // when it is started again against the same Redis
        List<BusEvent> secondRun = new ArrayList<>();
        try (LocalPlatform platform = new LocalPlatform(options)) {
            platform.observe(secondRun::add);
            assertThat(platform.resumedAt()).isEqualTo(FIRST_RUN_BARS);
            for (int bar = 0; bar < SECOND_RUN_BARS; bar++) {
                platform.step();
            }
            assertThat(platform.stats().steps()).isEqualTo(FIRST_RUN_BARS + SECOND_RUN_BARS);
        }

        // then it plays bar N+1 first: an hour after the checkpoint's bar, the same prices an unbroken run has
        List<BusEvent> firstBarAfterRestart = secondRun.stream().filter(e -> e.name().equals(PRICE_UPDATE))
                .filter(e -> e.envelope().occurredAt().equals(checkpointClose.plusSeconds(3600))).toList();
        assertThat(firstBarAfterRestart).as("price updates of bar N+1").isNotEmpty();
        assertThat(payloads(firstBarAfterRestart)).isEqualTo(payloads(barOfAnUnbrokenRun(FIRST_RUN_BARS + 1)));
        // nothing, periodic events included, is stamped at or before the checkpoint
        assertThat(secondRun).allSatisfy(event ->
                assertThat(event.envelope().occurredAt()).as(event.name()).isAfter(checkpointClose));
        // no event id of the first run is issued again
        Set<String> ids = new HashSet<>();
        firstRun.forEach(e -> ids.add(e.eventId()));
        assertThat(secondRun).allSatisfy(event -> assertThat(ids.add(event.eventId()))
                .as("event id %s of %s is new", event.eventId(), event.name()).isTrue());
        // and the file holds both runs, whole lines only, the partial line cut off
        List<JsonNode> lines = wholeJsonLines(out);
        assertThat(lines).hasSize(firstRun.size() + secondRun.size());
        assertThat(lines.stream().map(line -> line.path("detail").path("event_id").asText()).distinct().count())
                .isEqualTo(lines.size());
    }

    @Test
    void refusesToResumeACheckpointOfAnotherMarket() {
        try (LocalPlatform platform = new LocalPlatform(options())) {
            platform.step();
        }

        assertThatThrownBy(() -> new LocalPlatform(options().withSeed(SEED + 1)))
                .isInstanceOf(PaperCheckpoints.MismatchException.class)
                .hasMessageContaining("seed " + SEED).hasMessageContaining("at bar 1")
                .hasMessageContaining("--seed");
    }

    @Test
    void aFreshRunAgainstAnEmptyRedisStartsAtTheFirstBarWithTheSeedsIds() {
        List<String> ids = new ArrayList<>();
        try (LocalPlatform platform = new LocalPlatform(options())) {
            platform.observe(e -> ids.add(e.eventId()));
            assertThat(platform.resumedAt()).isZero();
            platform.step();
        }
        RedisTestServer.flush();
        List<String> again = new ArrayList<>();
        try (LocalPlatform platform = new LocalPlatform(options())) {
            platform.observe(e -> again.add(e.eventId()));
            platform.step();
        }

        assertThat(again).isEqualTo(ids);
    }

    private static PaperOptions options() {
        return PaperOptions.defaults().withSeed(SEED).withRedisUrl(RedisTestServer.url());
    }

    private static List<BusEvent> barOfAnUnbrokenRun(int bar) {
        RedisTestServer.flush();
        List<BusEvent> events = new ArrayList<>();
        try (LocalPlatform platform = new LocalPlatform(options())) {
            for (int played = 1; played <= bar; played++) {
                if (played == bar) {
                    platform.observe(events::add);
                }
                platform.step();
            }
        }
        return events.stream().filter(e -> e.name().equals(PRICE_UPDATE)).toList();
    }

    private static List<String> payloads(List<BusEvent> events) {
        return events.stream().map(e -> EventJson.write(e.envelope().payload())).toList();
    }

    private static Instant lastPriceUpdate(List<BusEvent> events) {
        return events.stream().filter(e -> e.name().equals(PRICE_UPDATE)).map(e -> e.envelope().occurredAt())
                .max(Instant::compareTo).orElseThrow();
    }

    /** Every line of the file parsed as JSON; fails on a partial line. */
    private static List<JsonNode> wholeJsonLines(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as("the file ends with a whole line").endsWith("\n");
        return text.lines().map(EventJson::readTree).toList();
    }
}
