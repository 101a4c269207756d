package com.quantumtrader.core.trace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secret-looking values in text before it reaches a log line, an exception message or a health report:
 * passwords in URLs, values of secret-named keys (query strings, properties, headers, JSON), bearer/basic
 * credentials and AWS access key ids. Names and structure stay readable so the line still says what went wrong.
 */
public final class Secrets {

    public static final String MASK = "***";

    private static final String SECRET_NAME =
            "(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|signature|credentials?)";

    /** {@code scheme://user:password@host} → {@code scheme://user:***@host}. */
    private static final Pattern URL_PASSWORD =
            Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@\\s]*):[^@/?#\\s]+@");

    /** {@code "apiSecret": "value"} in JSON. */
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(?i)(\"[\\w.-]*" + SECRET_NAME + "[\\w.-]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    /** {@code api_key=value}, {@code password: value}, {@code X-MBX-APIKEY: value}, quoted or not. */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(\\b[\\w.-]*" + SECRET_NAME + "[\\w.-]*\\s*[=:]\\s*)(?:\"[^\"]*\"|'[^']*'|[^\\s&,;\"'}]+)");

    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}");

    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");

    private Secrets() {
    }

    /** The text with every secret-looking value replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = URL_PASSWORD.matcher(text).replaceAll("$1:" + MASK + "@");
        out = JSON_FIELD.matcher(out).replaceAll("$1\"" + MASK + "\"");
        out = replaceValues(KEY_VALUE, out);
        out = AUTHORIZATION.matcher(out).replaceAll("$1 " + MASK);
        return AWS_ACCESS_KEY_ID.matcher(out).replaceAll(MASK);
    }

    /** A throwable's message, masked: exception texts often carry the URL or request that failed. */
    public static String maskedMessage(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + mask(message));
    }

    private static String replaceValues(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + MASK));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
