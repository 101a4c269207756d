package com.quantumtrader.local.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page: one HTML resource with its script and style inline (nothing fetched from elsewhere), served with a
 * Content-Security-Policy that allows exactly that script and style (by their SHA-256) and connections to this
 * origin only, so nothing injected into the page could run or send data away.
 */
final class DashboardPage {

    static final String RESOURCE = "dashboard.html";

    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final byte[] html;
    private final String contentSecurityPolicy;

    private DashboardPage(String text) {
        this.html = text.getBytes(StandardCharsets.UTF_8);
        this.contentSecurityPolicy = "default-src 'none'; script-src " + hashOfOnly(SCRIPT, text, "script")
                + "; style-src " + hashOfOnly(STYLE, text, "style")
                + "; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    static DashboardPage load() {
        try (InputStream in = DashboardPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard page " + RESOURCE + " is missing from the classpath");
            }
            return new DashboardPage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard page", e);
        }
    }

    byte[] html() {
        return html.clone();
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    private static String hashOfOnly(Pattern element, String page, String what) {
        Matcher matcher = element.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("the dashboard page has no inline " + what);
        }
        String body = matcher.group(1);
        if (matcher.find()) {
            throw new IllegalStateException("the dashboard page must have exactly one inline " + what);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
