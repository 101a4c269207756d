package com.quantumtrader.local;

import com.quantumtrader.local.data.DataCommand;
import com.quantumtrader.local.models.ModelsCommand;
import java.io.PrintWriter;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar quantum-local.jar}: the local runtime of Quantum Trader. */
@Command(name = "quantum-local",
        mixinStandardHelpOptions = true,
        version = "Quantum Trader local runtime 0.1.0",
        description = "Runs every domain of Quantum Trader in one JVM: paper trading or backtests on the in-process bus, "
                + "a real (embedded) Redis, the simulated exchange and a synthetic market.",
        subcommands = {PaperCommand.class, BacktestCommand.class, CalibrateCommand.class, DataCommand.class, TrainCommand.class, ModelsCommand.class,
            CommandLine.HelpCommand.class})
public final class QuantumLocal implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Before the first logger exists: progress lines own stdout, JSON logs go to stderr at WARN
        // unless LOG_LEVEL says otherwise.
        System.setProperty("quantum.log.level", System.getProperty("quantum.log.level", "WARN"));
        System.setProperty("quantum.log.target", System.getProperty("quantum.log.target", "SYSTEM_ERR"));
        System.exit(commandLine().execute(args));
    }

    /**
     * Runs one command in this JVM and returns its exit code instead of exiting: for tools that drive the CLI,
     * such as the backtest benchmark in bench/.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(System::getenv);
    }

    /** The command line reading its environment (REDIS_URL) from {@code environment}: for tests. */
    static CommandLine commandLine(UnaryOperator<String> environment) {
        return new CommandLine(new QuantumLocal(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == PaperCommand.class ? type.cast(new PaperCommand(environment))
                        : CommandLine.defaultFactory().create(type);
            }
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
