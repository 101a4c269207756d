package com.quantumtrader.infra;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.quantumtrader.events.RoutingTable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** Synthesizes the stack once for a test class; skips the class when the jsii runtime's Node.js is missing. */
final class CdkSynthesis {

    private CdkSynthesis() {
    }

    static void assumeNodeOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean found = false;
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "node"))) {
                found = true;
                break;
            }
        }
        assumeTrue(found, "node is not on the PATH: the AWS CDK's jsii runtime needs Node.js to synthesize");
    }

    /** The template, with placeholder code so it does not depend on which Lambda jars happen to be built. */
    static Template synthesize() throws IOException {
        assumeNodeOnPath();
        Path placeholders = Files.createTempDirectory("qt-infra-placeholders");
        long started = System.nanoTime();
        App app = new App();
        QuantumTraderStack stack = new QuantumTraderStack(app, "QuantumTraderTest", StackProps.builder().build(),
                RoutingTable.standard(), LambdaArtifacts.placeholdersOnly(placeholders));
        Template template = Template.fromStack(stack);
        // printed, not asserted: synth time depends on the machine (measured for the README)
        System.out.printf("CDK synth (construct + Template.fromStack) took %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        return template;
    }
}
