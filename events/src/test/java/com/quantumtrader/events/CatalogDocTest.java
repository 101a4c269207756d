package com.quantumtrader.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogDocTest {

    /** Surefire runs in the module's base directory. */
    private static final Path CHECKED_IN_DOC = Path.of("EVENTS.md");

    @Test
    void checkedInDocMatchesTheCatalogSchemasAndRoutingTable() throws IOException {
        String expected = CatalogDoc.render();
        String onDisk = Files.exists(CHECKED_IN_DOC) ? Files.readString(CHECKED_IN_DOC, StandardCharsets.UTF_8) : "";

        assertThat(onDisk)
                .as("events/EVENTS.md is missing or stale; regenerate it from the repository root with:%n  %s",
                        CatalogDoc.REGENERATE_COMMAND)
                .isEqualTo(expected);
    }

    @Test
    void docHasASectionWithEveryFieldOfEveryEvent() {
        String doc = CatalogDoc.render();

        for (EventType<?> type : EventCatalog.all()) {
            assertThat(doc).contains("\n## `" + type.name() + "`\n", type.description(),
                    "Producer: `" + type.producer().id() + "` (EventBridge source `" + type.producer().source() + "`)",
                    type.payloadType().getName());
            CatalogDoc.schema(type).path("properties").fields().forEachRemaining(field -> assertThat(doc)
                    .contains("| `" + field.getKey() + "` | ")
                    .contains(field.getValue().path("description").asText()));
        }
    }

    @Test
    void docMarksRequiredOptionalAndConditionallyRequiredFields() {
        String doc = CatalogDoc.render();

        assertThat(doc).contains("| `signal_id` | string, 1 to 128 characters | yes |",
                "| `previous_strategy_id` | string, 1 to 128 characters | no |",
                "| `price` | number > 0 | if `type` is not `MARKET` |",
                "| `stop_price` | number > 0 | if `purpose` is `ENTRY` |",
                "| `side` | one of `LONG`, `SHORT` | yes |",
                "| `confidence` | number >= 0, <= 1 | yes |",
                "| `filled_at` | timestamp (ISO-8601, UTC) | yes |",
                "| `symbols` | array of string matching `^[A-Z0-9]{2,20}$`, unique | yes |");
    }

    @Test
    void docListsTheSubscribersOfEachEventWithTheirDomain() {
        String doc = CatalogDoc.render();

        assertThat(doc).contains("- Subscribers: `signal_orchestrator` (ai_engine), `risk_market_watch` (risk_safety), "
                + "`mark_to_market` (portfolio), `regime_detector` (core_os)\n");
        assertThat(doc).contains("- Subscribers: none\n");
    }

    @Test
    void subscribersInTheDocAreExactlyTheRoutesMatchingEachEventsSample() {
        RoutingTable table = RoutingTable.standard();
        Map<Route, List<EventType<?>>> matchedByRoute = new LinkedHashMap<>();
        table.routes().forEach(route -> matchedByRoute.put(route, RoutingTableTest.eventsMatchedBy(route)));
        Set<String> listed = new HashSet<>();

        for (EventType<?> type : EventCatalog.all()) {
            List<String> expected = table.routes().stream()
                    .filter(route -> matchedByRoute.get(route).contains(type))
                    .map(Route::handler).toList();
            List<String> documented = CatalogDoc.subscribers(type, table).stream().map(Route::handler).toList();

            assertThat(documented).as(type.name()).containsExactlyElementsOf(expected);
            listed.addAll(documented);
        }
        assertThat(listed).as("every route appears in the doc")
                .containsExactlyInAnyOrderElementsOf(table.routes().stream().map(Route::handler).toList());
    }

    @Test
    void mainWritesTheDocToTheGivenFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("EVENTS.md");

        CatalogDoc.main(new String[] {out.toString()});

        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo(CatalogDoc.render());
    }

    @Test
    void mainWithoutAnOutputFileExplainsItsUsage() {
        assertThatThrownBy(() -> CatalogDoc.main(new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage: CatalogDoc <output file>");
    }
}
