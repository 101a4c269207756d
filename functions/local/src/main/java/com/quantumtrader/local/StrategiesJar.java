package com.quantumtrader.local;

import com.quantumtrader.ai.signal.model.StrategyPlanSection;
import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.ai.spi.StrategyFactory;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * {@code --strategies-jar FILE}: a user's jar whose {@code META-INF/services/com.quantumtrader.ai.spi.StrategyFactory}
 * adds strategies to the built-in ones. A missing file, a file that is not a jar, a jar that lists no strategy or
 * whose strategies cannot be loaded is an IllegalArgumentException naming the file (exit code 2). The catalog is
 * also what a policy's {@code strategy_plan} is validated against from then on, so a plan may name the jar's
 * strategies.
 */
final class StrategiesJar {

    static final String SERVICE_FILE = "META-INF/services/" + StrategyFactory.class.getName();

    private StrategiesJar() {
    }

    static StrategyCatalog catalog(Optional<Path> jar) {
        StrategyCatalog catalog = load(jar);
        StrategyPlanSection.planWith(catalog);
        return catalog;
    }

    private static StrategyCatalog load(Optional<Path> jar) {
        if (jar.isEmpty()) {
            return StrategyCatalog.builtIn();
        }
        Path file = jar.get();
        String named = "--strategies-jar " + file;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(named + ": no such file");
        }
        try (JarFile opened = new JarFile(file.toFile())) {
            if (opened.getEntry(SERVICE_FILE) == null) {
                throw new IllegalArgumentException(named + " lists no strategy: it has no " + SERVICE_FILE);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(named + " is not a jar: " + e.getMessage());
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {url(file)}, StrategyCatalog.class.getClassLoader());
        StrategyCatalog catalog;
        try {
            catalog = StrategyCatalog.discover(loader);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(named + ": " + e.getMessage());
        }
        if (catalog.all().stream().noneMatch(f -> f.getClass().getClassLoader() == loader)) {
            throw new IllegalArgumentException(named + " lists no strategy of its own in " + SERVICE_FILE);
        }
        return catalog;
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("--strategies-jar " + file + ": " + e.getMessage());
        }
    }
}
