package com.quantumtrader.local.models;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code models}: the local model registry directory. */
@Command(name = "models",
        mixinStandardHelpOptions = true,
        description = {"The model registry directory (<dir>/<id>/<version>/manifest.json + artifact.bin, "
                + "<dir>/champions.json): list, show, promote a champion, import an ONNX model.",
            "Exit codes: 0 done, 1 failure (I/O), 2 invalid input (bad arguments, unknown model, refused model)."},
        subcommands = {ModelsCommand.ListCommand.class, ModelsCommand.Show.class, ModelsCommand.Promote.class,
            ImportCommand.class})
public final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every registered version: id@version, kind, feature spec, champion slots, metrics.")
    static final class ListCommand extends RegistryCommand {
        @Override
        int run(ModelRegistryView registry) {
            registry.list(out());
            return EXIT_OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One version's manifest as JSON (the newest version when only the id is given).")
    static final class Show extends RegistryCommand {
        @CommandLine.Parameters(paramLabel = "ID[@VERSION]", description = "e.g. btc-logit or btc-logit@3")
        private String model;

        @Override
        int run(ModelRegistryView registry) throws Exception {
            registry.show(model, out());
            return EXIT_OK;
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Makes ID@VERSION the champion of a strategy slot; the previous champion becomes a "
                    + "challenger.")
    static final class Promote extends RegistryCommand {
        @CommandLine.Option(names = "--slot", required = true, paramLabel = "SLOT",
                description = "Strategy slot, e.g. model or trend.")
        private String slot;

        @CommandLine.Parameters(paramLabel = "ID@VERSION")
        private String model;

        @Override
        int run(ModelRegistryView registry) {
            registry.promote(slot, model, out());
            return EXIT_OK;
        }
    }
}
