package com.quantumtrader.bench;

import com.quantumtrader.local.QuantumLocal;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Backtest speed: generated 1-minute Binance kline files replayed by {@code quantum-local backtest} (every handler,
 * the simulated exchange, in-memory state, the JSON and HTML report), and the same files run by ta4j's
 * {@code BarSeriesManager} with a moving-average crossover as the reference, each in a fresh JVM so that its peak
 * memory is its own. A plain main, not JMH: one run is minutes long and is what a user waits for.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar com.quantumtrader.bench.BacktestBenchmark \
 *     [runs=1x365,20x30] [data=bench/target/bench-data] [out=bench/target/bench-backtest] [heap=6g] [ta4j=true]
 * </pre>
 * {@code runs}: comma-separated SYMBOLSxDAYS of 1-minute bars (20x365 is the full year of 20 symbols).
 * Data is generated once per run size and seed ({@link KlineDataGenerator}) and reused.
 */
public final class BacktestBenchmark {

    static final String RESULT = "RESULT ";
    private static final Pattern DONE = Pattern.compile("Done after (\\d+) bars in ([0-9.]+) s");
    private static final Pattern SIGNALS = Pattern.compile("signals (\\d+): approved (\\d+), rejected (\\d+)");
    private static final Pattern PUBLISHED = Pattern.compile("events published (\\d+)");

    private BacktestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args);
            return;
        }
        Map<String, String> options = options(args);
        Path data = Path.of(options.getOrDefault("data", "bench/target/bench-data"));
        Path out = Path.of(options.getOrDefault("out", "bench/target/bench-backtest"));
        String heap = options.getOrDefault("heap", "6g");
        boolean ta4j = Boolean.parseBoolean(options.getOrDefault("ta4j", "true"));
        List<Map<String, String>> results = new ArrayList<>();
        for (String run : options.getOrDefault("runs", "1x365,20x30").split(",")) {
            String[] size = run.trim().split("x");
            int symbols = Integer.parseInt(size[0]);
            int days = Integer.parseInt(size[1]);
            List<Path> files = data(data, symbols, days);
            Path runOut = out.resolve(run.trim());
            results.add(inChildJvm(heap, "platform", runOut, files, symbols, days));
            if (ta4j) {
                results.add(inChildJvm(heap, "ta4j-decimal", runOut, files, symbols, days));
                results.add(inChildJvm(heap, "ta4j-double", runOut, files, symbols, days));
            }
        }
        System.out.println();
        System.out.println(table(results, heap));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("options are key=value, not " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }

    /** The generated files of this size, written on first use (a marker file says they are complete). */
    private static List<Path> data(Path root, int symbols, int days) throws IOException {
        Path dir = root.resolve(symbols + "x" + days + "-seed" + KlineDataGenerator.DEFAULT_SEED);
        Path done = dir.resolve("COMPLETE");
        List<Path> files = KlineDataGenerator.symbols(symbols).stream()
                .map(s -> dir.resolve(s + "-1m-2025.csv")).toList();
        if (!Files.exists(done)) {
            long start = System.nanoTime();
            System.out.printf("generating %d symbols x %d days of 1-minute bars into %s ...%n", symbols, days, dir);
            KlineDataGenerator.write(dir, symbols, days, KlineDataGenerator.DEFAULT_SEED);
            Files.writeString(done, "");
            System.out.printf("generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        return files;
    }

    private static Map<String, String> inChildJvm(String heap, String engine, Path out, List<Path> files, int symbols,
                                                  int days) throws IOException, InterruptedException {
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                BacktestBenchmark.class.getName(), "child", engine, out.toAbsolutePath().toString()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        System.out.printf("%s, %d symbols x %d days (%,d bars) ...%n", engine, symbols, days,
                (long) symbols * days * 1440);
        Path log = out.resolve(engine + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Map<String, String> result = lines.stream().filter(l -> l.startsWith(RESULT)).findFirst()
                .map(BacktestBenchmark::parseResult)
                .orElseThrow(() -> new IllegalStateException(engine + " failed (exit " + exit + "), see " + log));
        result.put("run", symbols + " x " + days + " d");
        System.out.println("  " + lines.stream().filter(l -> l.startsWith(RESULT)).findFirst().orElseThrow());
        return result;
    }

    static Map<String, String> parseResult(String line) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : line.substring(RESULT.length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            result.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return result;
    }

    private static String table(List<Map<String, String>> results, String heap) {
        StringBuilder table = new StringBuilder();
        table.append("| run | engine | bars | replay s | bars/s (replay) | total s (load + replay + report) "
                + "| bars/s (total) | main thread CPU s | bars per CPU s | heap after GC, max MB | peak heap used MB "
                + "| peak RSS MB | GC s | notes |\n");
        table.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Map<String, String> r : results) {
            table.append("| ").append(String.join(" | ", r.get("run"), r.get("engine"), r.get("bars"),
                    r.get("replay_s"), r.get("replay_bars_per_s"), r.get("total_s"), r.get("total_bars_per_s"),
                    r.get("main_cpu_s"), r.get("bars_per_cpu_s"), r.get("heap_after_gc_max_mb"), r.get("heap_peak_mb"), r.get("rss_peak_mb"), r.get("gc_s"), r.getOrDefault("notes", "")
                            .replace('_', ' '))).append(" |\n");
        }
        table.append("\n(-Xms/-Xmx ").append(heap).append(" per JVM; peak heap used = sum of the heap pools' peaks; main "
                + "thread CPU covers load, replay and report, so bars per CPU s compares with total bars/s and is what "
                + "the run would do on a core of its own)");
        return table.toString();
    }

    // ---------------------------------------------------------------- the measured JVM

    private static void child(String[] args) throws IOException {
        String engine = args[1];
        Path out = Path.of(args[2]);
        List<Path> files = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        Map<String, String> result = new LinkedHashMap<>();
        result.put("engine", engine);
        AtomicLong heapAfterGc = watchHeapAfterGc();
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        switch (engine) {
            case "platform" -> platform(out, files, result);
            case "ta4j-decimal" -> Ta4jReference.run(files, true, result);
            case "ta4j-double" -> Ta4jReference.run(files, false, result);
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        }
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        result.put("main_cpu_s", format(cpu));
        result.put("bars_per_cpu_s", format(Long.parseLong(result.get("bars")) / cpu));
        memory(result);
        result.put("heap_after_gc_max_mb", Long.toString(heapAfterGc.get() >> 20));
        System.out.println(RESULT + result.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
    }

    /** {@code quantum-local backtest} with the shipped policy, writing its report; its own summary gives the replay time. */
    private static void platform(Path out, List<Path> files, Map<String, String> result) throws IOException {
        StringWriter text = new StringWriter();
        StringWriter errors = new StringWriter();
        long start = System.nanoTime();
        int exit = QuantumLocal.execute(new PrintWriter(text), new PrintWriter(errors), "backtest", "--data",
                files.stream().map(Path::toString).collect(Collectors.joining(",")),
                "--report-out", out.resolve("report").toString(), "--seed", "42");
        double total = (System.nanoTime() - start) / 1e9;
        Files.writeString(out.resolve("platform-stdout.txt"), text.toString());
        System.out.print(text);
        System.out.print(errors);
        if (exit != 0) {
            throw new IllegalStateException("backtest exited with " + exit + ": " + errors);
        }
        long bars = countBars(files);
        Matcher done = DONE.matcher(text.toString());
        double replay = done.find() ? Double.parseDouble(done.group(2)) : Double.NaN;
        result.put("bars", Long.toString(bars));
        result.put("replay_s", format(replay));
        result.put("replay_bars_per_s", format(bars / replay));
        result.put("total_s", format(total));
        result.put("total_bars_per_s", format(bars / total));
        Matcher signals = SIGNALS.matcher(text.toString());
        Matcher published = PUBLISHED.matcher(text.toString());
        result.put("notes", (published.find() ? published.group(1) + "_events" : "")
                + (signals.find() ? ",_" + signals.group(1) + "_signals_(" + signals.group(2) + "_approved)" : ""));
    }

    static long countBars(List<Path> files) throws IOException {
        long bars = 0;
        for (Path file : files) {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                bars += lines.filter(l -> !l.isEmpty() && Character.isDigit(l.charAt(0))).count();
            }
        }
        return bars;
    }

    /**
     * The largest heap occupancy right after a collection: what survived (plus old garbage not yet collected), the
     * closest cheap measure of the run's working set; the pools' peaks mostly measure how much garbage the heap size
     * let pile up between collections.
     */
    private static AtomicLong watchHeapAfterGc() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        AtomicLong max = new AtomicLong();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        return;
                    }
                    long used = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> heapPools.contains(pool.getKey()))
                            .mapToLong(pool -> pool.getValue().getUsed()).sum();
                    max.accumulateAndGet(used, Math::max);
                }, null, null);
            }
        }
        return max;
    }

    /** Peak heap (the heap pools' peaks added up: an upper bound), peak resident set (Linux) and GC time. */
    private static void memory(Map<String, String> result) {
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        result.put("heap_peak_mb", Long.toString(heapPeak >> 20));
        result.put("rss_peak_mb", peakResidentMegabytes());
        long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        result.put("gc_s", format(gcMillis / 1000.0));
    }

    private static String peakResidentMegabytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.toString(Long.parseLong(l.replaceAll("[^0-9]", "")) >> 10)).findFirst()
                    .orElse("n/a");
        } catch (IOException | UncheckedIOException e) {
            return "n/a";
        }
    }

    static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
