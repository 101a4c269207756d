package com.quantumtrader.local.models;

import com.quantumtrader.core.ml.registry.FileModelRegistry;
import com.quantumtrader.core.ml.registry.ModelRegistryException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** A {@code models} subcommand over the registry directory {@code --dir}; maps refusals to exit code 2. */
abstract class RegistryCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_INVALID_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--dir", paramLabel = "DIR", defaultValue = "models",
            description = "The model registry directory (default: ${DEFAULT-VALUE}, in the working directory).")
    private Path dir;

    abstract int run(ModelRegistryView registry) throws Exception;

    @Override
    public final Integer call() throws Exception {
        try {
            return run(new ModelRegistryView(new FileModelRegistry(dir)));
        } catch (ModelRegistryException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("models " + spec.name() + ": " + e.getMessage());
            return EXIT_INVALID_INPUT;
        } catch (UncheckedIOException | java.io.IOException e) {
            spec.commandLine().getErr().println("models " + spec.name() + ": " + e.getMessage());
            return EXIT_FAILURE;
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
