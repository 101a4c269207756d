package com.quantumtrader.infra;

import com.quantumtrader.events.Domain;
import com.quantumtrader.events.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.lambda.Code;

/**
 * Where each Lambda's code comes from: the shaded jar the {@code lambda} Maven profile builds
 * ({@code functions/<module>/target/<module>-lambda.jar}) when it exists, otherwise a placeholder directory written
 * at synth time, so the template can be synthesized (and tested) without building the jars. A placeholder is never
 * deployable (SnapStart runs the handler class when publishing a version and it is not there), which is why
 * {@link #placeholders()} is reported by the app.
 */
final class LambdaArtifacts {

    /** The functions module of the API routes (not a domain of the routing table). */
    static final String API_MODULE = "api";

    private final Path repositoryRoot;
    private final Path placeholderRoot;
    private final boolean useBuiltJars;
    private final Map<String, Code> codeByModule = new LinkedHashMap<>();
    private final List<String> placeholders = new ArrayList<>();

    private LambdaArtifacts(Path repositoryRoot, Path placeholderRoot, boolean useBuiltJars) {
        this.repositoryRoot = repositoryRoot;
        this.placeholderRoot = placeholderRoot;
        this.useBuiltJars = useBuiltJars;
    }

    /** The built jars where they exist, placeholders under {@code infra/target} for the others. */
    static LambdaArtifacts fromBuild(Path repositoryRoot) {
        return new LambdaArtifacts(repositoryRoot, repositoryRoot.resolve("infra/target/lambda-placeholders"), true);
    }

    /** Placeholders only: a template that does not depend on what happens to be built (tests). */
    static LambdaArtifacts placeholdersOnly(Path placeholderRoot) {
        return new LambdaArtifacts(placeholderRoot, placeholderRoot, false);
    }

    /** The Maven module directory name of a domain: {@code risk_safety} lives in {@code functions/risk-safety}. */
    static String moduleOf(Domain domain) {
        return Route.moduleOf(domain);
    }

    static Path jarPath(Path repositoryRoot, String module) {
        return repositoryRoot.resolve("functions").resolve(module).resolve("target").resolve(module + "-lambda.jar");
    }

    /** One code asset per module, shared by all of that module's functions. */
    Code codeOf(String module) {
        return codeByModule.computeIfAbsent(module, this::resolve);
    }

    /** The modules whose code is a placeholder in this synthesis. */
    List<String> placeholders() {
        return List.copyOf(placeholders);
    }

    private Code resolve(String module) {
        Path jar = jarPath(repositoryRoot, module);
        if (useBuiltJars && Files.isRegularFile(jar)) {
            return Code.fromAsset(jar.toString());
        }
        placeholders.add(module);
        Path directory = placeholderRoot.resolve(module + "-lambda-not-built");
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("NOT_BUILT.txt"), "Placeholder for functions/" + module
                    + "/target/" + module + "-lambda.jar, which did not exist at synth time. Build the jars with"
                    + " ./mvnw -B -ntp -Plambda package -DskipTests before cdk deploy.\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Code.fromAsset(directory.toString());
    }
}
