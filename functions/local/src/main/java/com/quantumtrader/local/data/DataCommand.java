package com.quantumtrader.local.data;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code data}: historical market data for backtests. */
@Command(name = "data",
        mixinStandardHelpOptions = true,
        description = "Historical market data for backtests.",
        subcommands = {DownloadCommand.class})
public final class DataCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
