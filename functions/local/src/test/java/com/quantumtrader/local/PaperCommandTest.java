package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line contract of {@code quantum-local.jar paper}. */
class PaperCommandTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = QuantumLocal.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    int runWithEnvironment(Map<String, String> environment, String... args) {
        CommandLine cli = QuantumLocal.commandLine(environment::get);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aMalformedRedisUrlExitsWithCodeTwoAndOneClearLineWithoutAStackTrace() {
        int code = runWithEnvironment(Map.of("REDIS_URL", "http://cache.internal:6379"), "paper", "--bars", "1",
                "--no-api");

        assertThat(code).isEqualTo(PaperCommand.EXIT_INVALID_INPUT);
        assertThat(err.toString().lines()).containsExactly("cannot start paper trading: Redis URL must start with "
                + "redis:// or rediss:// (standalone server), got http");
    }

    @Test
    void anUnreachableRedisUrlExitsWithCodeTwoAndOneClearLineThatMasksThePassword() {
        int code = runWithEnvironment(Map.of("REDIS_URL", "redis://:s3cret-pass@127.0.0.1:1"), "paper", "--bars", "1",
                "--no-api");

        assertThat(code).isEqualTo(PaperCommand.EXIT_INVALID_INPUT);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("cannot start paper trading: cannot connect to Redis at redis://:***@127.0.0.1:1: ")
                .doesNotContain("s3cret-pass");
    }

    @Test
    void helpDocumentsEveryOption() {
        int code = run("paper", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--symbols", "--bars", "--seed", "--policy", "--events-out", "--pace-ms",
                "--dashboard-port", "--no-dashboard", "Exit codes");
    }

    @Test
    void rejectsAnInvalidPolicyNamingEachBadFieldWithExitCodeTwo() throws IOException {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, """
                {
                  "risk_mode": "NORMAL",
                  "limits": {
                    "SAFE":       {"min_confidence": 0.70, "max_position_notional": 1000, "max_open_positions": 2, "max_leverage": 1, "risk_per_trade": 0.005},
                    "NORMAL":     {"min_confidence": 1.70, "max_position_notional": -5,   "max_open_positions": 4, "max_leverage": 2, "risk_per_trade": 0.01},
                    "AGGRESSIVE": {"min_confidence": 0.50, "max_position_notional": 5000, "max_open_positions": 6, "max_leverage": 3, "risk_per_trade": 0.02}
                  },
                  "universe": ["BTCUSDT"],
                  "strategies": {"ma_crossover": true},
                  "account_equity": 10000,
                  "drawdown_alert": 0.10,
                  "emergency_drawdown": 0.20,
                  "circuit_breaker": {"max_order_failures": 3, "window_minutes": 60, "cool_off_minutes": 240}
                }
                """);

        int code = run("paper", "--bars", "1", "--policy", policy.toString());

        assertThat(code).isEqualTo(PaperCommand.EXIT_INVALID_INPUT);
        assertThat(err.toString()).contains("invalid policy")
                .contains("limits.NORMAL.min_confidence")
                .contains("limits.NORMAL.max_position_notional");
    }

    @Test
    void rejectsAPolicyThatIsNotJsonWithExitCodeTwo() throws IOException {
        Path policy = dir.resolve("broken.json");
        Files.writeString(policy, "{ risk_mode: ");

        assertThat(run("paper", "--bars", "1", "--policy", policy.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("policy");
    }

    @Test
    void rejectsANonPositiveBarCountAndABadSymbol() {
        assertThat(run("paper", "--bars", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--bars must be positive");
        assertThat(run("paper", "--bars", "1", "--symbols", "btc-usdt")).isEqualTo(2);
        assertThat(err.toString()).contains("not a symbol: 'btc-usdt'");
    }

    @Test
    void printsTheDashboardLinkWithTheApiTokenOnlyInItsFragment() {
        int code = run("paper", "--bars", "2");

        assertThat(code).as(err.toString()).isZero();
        String token = out.toString().replaceAll("(?s).*Authorization: Bearer (\\S+).*", "$1");
        assertThat(out.toString()).containsPattern("Dashboard http://127\\.0\\.0\\.1:\\d+/#token=\\S+")
                .contains("/#token=" + token);
    }

    @Test
    void servesNoDashboardWhenAskedNot() {
        int code = run("paper", "--bars", "2", "--no-dashboard");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("API http://127.0.0.1:").doesNotContain("Dashboard");
    }

    @Test
    void tradesSymbolsBeyondBtcAndEthWithTheRunsSymbolsAsTheUniverse() throws IOException {
        Path events = dir.resolve("alts.jsonl");

        int code = run("paper", "--bars", "1500", "--symbols", "SOLUSDT,XRPUSDT,BNBUSDT", "--no-api",
                "--events-out", events.toString());

        assertThat(code).isZero();
        Set<String> opened = new TreeSet<>();
        Set<String> failures = new TreeSet<>();
        for (String line : Files.readAllLines(events)) {
            JsonNode event = EventJson.readTree(line);
            String name = event.get("detail-type").asText();
            if (name.equals("portfolio.position.opened")) {
                opened.add(event.get("detail").get("payload").get("symbol").asText());
            } else if (name.equals("execution.order.failed")) {
                failures.add(event.get("detail").get("payload").get("error_code").asText());
            }
        }
        assertThat(opened).containsExactly("BNBUSDT", "SOLUSDT", "XRPUSDT");
        assertThat(failures).doesNotContain("UNKNOWN_SYMBOL");
    }

    @Test
    void tradesAContractOnlyTheGivenExchangeInfoListsWithItAsTheUniverse() throws IOException {
        Path info = ExchangeInfoFixture.withExtraContract(dir, "WIFUSDT", "ADAUSDT");

        int code = run("paper", "--bars", "40", "--symbols", "WIFUSDT", "--exchange-info", info.toString(),
                "--no-api");

        assertThat(err.toString()).doesNotContain("unknown symbol");
        assertThat(code).isZero();
    }

    @Test
    void refusesASymbolWithoutInstrumentDataAndADeliveryContractByNameWithExitCodeTwo() {
        assertThat(run("paper", "--bars", "1", "--no-api", "--symbols", "BTCUSDT,NOSUCHUSDT")).isEqualTo(2);
        assertThat(err.toString()).contains("no instrument data for NOSUCHUSDT");
        assertThat(run("paper", "--bars", "1", "--no-api", "--symbols", "BTCUSDT_250926")).isEqualTo(2);
        assertThat(err.toString()).contains("BTCUSDT_250926 is a delivery contract");
    }
}
