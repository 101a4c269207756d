package com.quantumtrader.core.trace;

import java.io.StringWriter;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;

/**
 * Captures the lines the platform's real log configuration writes: a second appender on the root logger with the
 * very layout of the console appender ({@code log4j2.xml}), so a test reads exactly what would reach the log.
 */
public final class LogLineCapture implements AutoCloseable {

    private static final String CONSOLE = "JsonConsole";

    private final StringWriter lines = new StringWriter();
    private final LoggerContext context;
    private final Appender appender;

    public LogLineCapture() {
        context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        StringLayout layout = (StringLayout) config.getAppender(CONSOLE).getLayout();
        appender = WriterAppender.createAppender(layout, null, lines, "capture-" + System.identityHashCode(this),
                false, true);
        appender.start();
        config.getRootLogger().addAppender(appender, null, null);
        context.updateLoggers();
    }

    /** The layout the console appender of the real configuration uses. */
    public static Object consoleLayout() {
        return ((LoggerContext) LogManager.getContext(false)).getConfiguration().getAppender(CONSOLE).getLayout();
    }

    public List<String> lines() {
        return lines.toString().lines().toList();
    }

    @Override
    public void close() {
        context.getConfiguration().getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
