package com.quantumtrader.local.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.quantumtrader.core.policy.PolicySections;
import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Route;
import com.quantumtrader.events.RoutingTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each domain module's README carries generated blocks (events in and out, policy fields) that must match the
 * routing table, the catalog and the domain's policy schema fragment. With {@code -Dqt.readmes.regenerate=true}
 * (see {@link DomainReadmes#REGENERATE_COMMAND}) it rewrites them instead of checking.
 */
class DomainReadmesTest {

    /** Surefire runs in functions/local; the domain modules are its siblings. */
    private static final Path FUNCTIONS = Path.of("..");
    private static final boolean REGENERATE = Boolean.getBoolean("qt.readmes.regenerate");

    private final DomainReadmes readmes = DomainReadmes.standard();

    @ParameterizedTest
    @EnumSource(Domain.class)
    void theGeneratedBlocksOfEachDomainReadmeAreUpToDate(Domain domain) throws IOException {
        Path readme = FUNCTIONS.resolve(Route.moduleOf(domain)).resolve("README.md");
        assumeTrue(Files.exists(readme), () -> "skipped: " + readme.normalize() + " does not exist yet");
        String onDisk = Files.readString(readme, StandardCharsets.UTF_8);
        assumeTrue(DomainReadmes.missingBlocks(onDisk).isEmpty(), () -> "skipped: " + readme.normalize()
                + " has no markers for " + DomainReadmes.missingBlocks(onDisk) + " yet");

        String expected = readmes.update(domain, onDisk).orElseThrow();
        if (REGENERATE && !expected.equals(onDisk)) {
            Files.writeString(readme, expected, StandardCharsets.UTF_8);
            return;
        }

        assertThat(onDisk)
                .as("the generated blocks of %s are stale; regenerate them from the repository root with:%n  %s",
                        readme.normalize(), DomainReadmes.REGENERATE_COMMAND)
                .isEqualTo(expected);
    }

    @Test
    void aReadmeWithMarkersGetsEveryHandlerItsEventsAndEveryPolicyFieldOfItsSection() {
        String readme = "# risk\n\n<!-- BEGIN GENERATED: events -->\nold\n<!-- END GENERATED: events -->\n\ntext kept\n"
                + "<!-- BEGIN GENERATED: policy -->\n<!-- END GENERATED: policy -->\n";

        String updated = readmes.update(Domain.RISK_SAFETY, readme).orElseThrow();

        assertThat(updated).startsWith("# risk\n\n<!-- BEGIN GENERATED: events -->\n").contains("\ntext kept\n")
                .doesNotContain("\nold\n")
                .contains("| `global_risk_controller` | `ai.signal.generated` (ai_engine) | `functions/risk-safety` |")
                .containsPattern("\\| `risk\\.signal\\.approved` \\| .*`signal_executor` \\(execution\\)")
                .contains("Section `risk` (`src/main/resources/policy/risk.schema.json`)")
                .contains("| `limits.<SAFE/NORMAL/AGGRESSIVE>.min_confidence` | number | >= 0, <= 1 | "
                        + "SAFE 0.45, NORMAL 0.42, AGGRESSIVE 0.40 |")
                .contains("| `circuit_breaker.half_open_minutes` | integer | >= 0, <= 10080 | 60 |")
                .contains("| `emergency.daily_loss` | number | > 0, < 1 | 0.05 |")
                .endsWith("<!-- END GENERATED: policy -->\n");
    }

    @Test
    void aDomainWithoutASectionSaysSoAndAReadmeWithoutMarkersIsLeftAlone() {
        assertThat(readmes.policy(Domain.LEARNING)).contains("owns no policy section yet");
        assertThat(readmes.update(Domain.LEARNING, "# learning\n")).isEqualTo(Optional.empty());
        assertThat(DomainReadmes.missingBlocks("# learning\n")).containsExactly("events", "policy");
    }

    @Test
    void everyRouteOfTheTableAppearsInItsDomainsEventsBlock() {
        for (Route route : RoutingTable.standard().routes()) {
            assertThat(readmes.events(route.domain())).contains("| `" + route.handler() + "` |");
        }
        assertThat(PolicySections.installed().sections()).hasSizeGreaterThan(1);
    }
}
