package com.quantumtrader.infra;

import com.quantumtrader.events.RoutingTable;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app. Run by the CDK CLI ({@code infra/cdk.json}) or straight from Maven, which synthesizes into
 * {@code infra/cdk.out} without the CLI. Stack name: {@code QuantumTrader}, or {@code QT_STACK_NAME}.
 */
public final class QuantumTraderApp {

    private QuantumTraderApp() {
    }

    public static void main(String[] args) {
        Path root = repositoryRoot(Path.of("").toAbsolutePath());
        AppProps.Builder props = AppProps.builder();
        // the CLI names its own output directory (CDK_OUTDIR); without the CLI, write where the CLI would
        if (System.getenv("CDK_OUTDIR") == null) {
            props.outdir(root.resolve("infra/cdk.out").toString());
        }
        App app = new App(props.build());
        LambdaArtifacts artifacts = LambdaArtifacts.fromBuild(root);
        String stackName = System.getenv().getOrDefault("QT_STACK_NAME", "QuantumTrader");
        new QuantumTraderStack(app, stackName, StackProps.builder()
                .description("Quantum Trader: event bus, handlers, execution service, cache").build(),
                RoutingTable.standard(), artifacts);
        if (!artifacts.placeholders().isEmpty()) {
            System.err.println("WARNING: no Lambda jar for " + artifacts.placeholders() + "; their code is a"
                    + " placeholder that cannot be deployed. Build with: ./mvnw -B -ntp -Plambda package -DskipTests");
        }
        app.synth();
    }

    /** The repository root from the working directory: the root itself (Maven) or {@code infra/} (the CDK CLI). */
    static Path repositoryRoot(Path workingDirectory) {
        for (Path candidate = workingDirectory; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("infra/cdk.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("not inside the Quantum Trader repository (no infra/cdk.json above "
                + workingDirectory + ")");
    }
}
