package com.quantumtrader.core.trace;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.layout.AbstractStringLayout;

/**
 * The log layout around the JSON layout: every configured secret ({@link Secrets#register}) is replaced by
 * {@value Secrets#MASK} in the finished line, message, exception text and stack trace alike, so a secret that an
 * exchange error or a library echoes never reaches the log whoever logged it. Only registered values are replaced,
 * so the JSON structure of the line is never touched.
 */
@Plugin(name = "SecretMaskingLayout", category = Node.CATEGORY, elementType = Layout.ELEMENT_TYPE, printObject = true)
public final class SecretMaskingLayout extends AbstractStringLayout {

    private final Layout<? extends Serializable> inner;

    private SecretMaskingLayout(Layout<? extends Serializable> inner) {
        super(StandardCharsets.UTF_8);
        this.inner = Objects.requireNonNull(inner, "a SecretMaskingLayout needs the layout it masks");
    }

    @PluginFactory
    public static SecretMaskingLayout createLayout(@PluginElement("Layout") Layout<? extends Serializable> layout) {
        return new SecretMaskingLayout(layout);
    }

    /** The layout whose lines are masked. */
    Layout<? extends Serializable> inner() {
        return inner;
    }

    @Override
    public String toSerializable(LogEvent event) {
        Serializable line = inner.toSerializable(event);
        String text = line instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(line);
        return Secrets.maskRegistered(text);
    }

    @Override
    public String getContentType() {
        return inner.getContentType();
    }
}
