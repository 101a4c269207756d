package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.events.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --strategies-jar}: a user's strategy, compiled and jarred here at test time against the Strategy SPI, is
 * found through its META-INF/services entry and trades a backtest; a file that cannot add strategies is exit 2.
 */
class StrategiesJarTest {

    static final String STRATEGY_SOURCE = """
            package com.example.user;

            import com.quantumtrader.ai.spi.*;
            import com.quantumtrader.core.instrument.Instrument;
            import com.quantumtrader.events.Side;
            import java.util.List;
            import java.util.Optional;
            import org.ta4j.core.BarSeries;

            /** Goes long every 24th bar, stop 2 % below and target 3 % above the close. */
            public final class EveryDayStrategy implements StrategyFactory {
                public String id() { return "every_day"; }
                public String description() { return "long once a day"; }
                public List<ParameterSpec> parameters() {
                    return List.of(ParameterSpec.integer("every", 24, 2, 1000, "bars between entries"));
                }
                public int historyBars(StrategyParameters p) { return 2; }
                public Strategy create(BarSeries series, Instrument instrument, StrategyParameters p) {
                    int every = p.integer("every");
                    return index -> {
                        if (index % every != 0) {
                            return Optional.empty();
                        }
                        double close = series.getBar(index).getClosePrice().doubleValue();
                        return Optional.of(new TradeIntent(Side.LONG, 0.6, 1, Prices.toTick(instrument, close * 0.98),
                                Prices.toTick(instrument, close * 1.03), "every_day@v1"));
                    };
                }
            }
            """;

    @TempDir
    static Path dir;
    static Path jar;
    static List<Path> data;

    @BeforeAll
    static void compileAndJarAUserStrategy() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/com/example/user"));
        Path source = Files.writeString(sources.resolve("EveryDayStrategy.java"), STRATEGY_SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = compiler.getTask(diagnostics, null, null, List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path")), null,
                compiler.getStandardFileManager(null, null, null).getJavaFileObjects(source.toFile())).call();
        assertThat(compiled).as(diagnostics.toString()).isTrue();
        jar = dir.resolve("user-strategies.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, StrategiesJar.SERVICE_FILE, "com.example.user.EveryDayStrategy\n".getBytes(StandardCharsets.UTF_8));
            add(out, "com/example/user/EveryDayStrategy.class",
                    Files.readAllBytes(classes.resolve("com/example/user/EveryDayStrategy.class")));
            try (Stream<Path> lambdas = Files.list(classes.resolve("com/example/user"))) {
                for (Path inner : lambdas.filter(p -> p.getFileName().toString().contains("$")).toList()) {
                    add(out, "com/example/user/" + inner.getFileName(), Files.readAllBytes(inner));
                }
            }
        }
        data = KlineCsvFixture.writeSeries(Files.createDirectories(dir.resolve("data")), 5L, List.of("BTCUSDT"), 200);
    }

    private static void add(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    /** The shipped policy planning and switching on only the user's strategy. */
    private static Path userStrategyPolicy() throws IOException {
        ObjectNode policy = (ObjectNode) EventJson.tree(PolicyDefaults.load());
        policy.putObject("strategies").put("every_day", true);
        policy.putObject("strategy_plan").putArray("default").addObject().put("strategy", "every_day");
        policy.putArray("universe").add("BTCUSDT");
        return Files.writeString(dir.resolve("policy.json"), policy.toPrettyString());
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result backtest(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = QuantumLocal.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        List<String> args = new java.util.ArrayList<>(List.of("backtest", "--data",
                data.stream().map(Path::toString).collect(Collectors.joining(","))));
        args.addAll(List.of(extra));
        int exit = command.execute(args.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void aStrategyFromTheJarTradesTheBacktest() throws IOException {
        // given the user's jar and a policy that switches its strategy on
        Path events = dir.resolve("events.jsonl");

        // when a short backtest runs with it
        Result result = backtest("--strategies-jar", jar.toString(), "--policy", userStrategyPolicy().toString(),
                "--events-out", events.toString());

        // then its signals are the user strategy's, risk sizes them and they fill
        assertThat(result.exit()).as(result.err()).isZero();
        List<JsonNode> emitted = Files.readAllLines(events).stream().map(EventJson::readTree).toList();
        List<JsonNode> signals = emitted.stream()
                .filter(e -> e.get("detail-type").asText().equals("ai.signal.generated"))
                .map(e -> e.at("/detail/payload")).toList();
        assertThat(signals).isNotEmpty().allSatisfy(s -> {
            assertThat(s.get("strategy_id").asText()).isEqualTo("every_day");
            assertThat(s.get("model_id").asText()).isEqualTo("every_day@v1");
            assertThat(s.has("requested_quantity")).isFalse();
        });
        assertThat(emitted).anySatisfy(e -> assertThat(e.get("detail-type").asText())
                .isEqualTo("execution.order.filled"));
    }

    @Test
    void aPolicyPlanningTheJarsStrategyWithoutTheJarIsRefusedNamingTheField() throws IOException {
        // given the policy that plans every_day, and no --strategies-jar
        // when the backtest starts
        Result result = backtest("--policy", userStrategyPolicy().toString());

        // then the policy is refused before anything runs: the plan names a strategy this run does not have
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("strategy_plan.default[0].strategy: unknown strategy every_day; known: [");
    }

    @Test
    void refusesAMissingFileWithExitCodeTwo() {
        Result result = backtest("--strategies-jar", dir.resolve("nowhere.jar").toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--strategies-jar " + dir.resolve("nowhere.jar") + ": no such file");
    }

    @Test
    void paperRefusesAMissingJarWithExitCodeTwoBeforeStarting() {
        StringWriter err = new StringWriter();
        CommandLine command = QuantumLocal.commandLine(name -> null);
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(err));

        int exit = command.execute("paper", "--bars", "1", "--no-api", "--strategies-jar",
                dir.resolve("nowhere.jar").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--strategies-jar " + dir.resolve("nowhere.jar") + ": no such file");
    }

    @Test
    void refusesAFileThatIsNotAJar() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.jar"), "not a zip");

        Result result = backtest("--strategies-jar", text.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--strategies-jar " + text + " is not a jar");
    }

    @Test
    void refusesAJarThatListsNoStrategy() throws IOException {
        Path empty = dir.resolve("empty.jar");
        try (OutputStream file = Files.newOutputStream(empty); JarOutputStream out = new JarOutputStream(file)) {
            add(out, "README.txt", "nothing here".getBytes(StandardCharsets.UTF_8));
        }

        Result result = backtest("--strategies-jar", empty.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("lists no strategy: it has no " + StrategiesJar.SERVICE_FILE);
    }

    @Test
    void refusesAJarWhoseListedStrategyIsMissing() throws IOException {
        Path broken = dir.resolve("broken.jar");
        try (OutputStream file = Files.newOutputStream(broken); JarOutputStream out = new JarOutputStream(file)) {
            add(out, StrategiesJar.SERVICE_FILE, "com.example.user.Gone\n".getBytes(StandardCharsets.UTF_8));
        }

        Result result = backtest("--strategies-jar", broken.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("a strategy could not be loaded");
    }
}
