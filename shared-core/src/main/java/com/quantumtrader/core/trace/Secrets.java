package com.quantumtrader.core.trace;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secret-looking values in text before it reaches a log line, an exception message or a health report:
 * passwords in URLs, values of secret-named keys (query strings, properties, headers, JSON), bearer/basic
 * credentials and AWS access key ids. Names and structure stay readable so the line still says what went wrong.
 *
 * <p>Patterns cannot see a secret echoed in free text (an exchange error quoting the API key), so every configured
 * secret is also registered by value ({@link #register}: the environment's secret-named variables at start, the
 * Binance keys, the API tokens) and replaced wherever it appears: by {@link #mask} and by the log layout
 * ({@link SecretMaskingLayout}) on every log line, whatever logged it.
 */
public final class Secrets {

    public static final String MASK = "***";

    private static final String SECRET_NAME =
            "(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|signature|credentials?)";

    /** {@code scheme://user:password@host} → {@code scheme://user:***@host}. */
    private static final Pattern URL_PASSWORD =
            Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@\\s]*):[^@/?#\\s]+@");

    /** The password of {@code scheme://user:password@host}, as group 1. */
    private static final Pattern URL_USER_PASSWORD = Pattern.compile("://[^:/?#@\\s]*:([^@/?#\\s]+)@");

    /** {@code "apiSecret": "value"} in JSON. */
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(?i)(\"[\\w.-]*" + SECRET_NAME + "[\\w.-]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

    /** {@code api_key=value}, {@code password: value}, {@code X-MBX-APIKEY: value}, quoted or not. */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(\\b[\\w.-]*" + SECRET_NAME + "[\\w.-]*\\s*[=:]\\s*)(?:\"[^\"]*\"|'[^']*'|[^\\s&,;\"'}]+)");

    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}");

    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b");

    /** Shorter values are too likely to be ordinary text ("true", a port) to be masked everywhere. */
    static final int MIN_REGISTERED_LENGTH = 8;

    /** A variable whose name says it holds a secret; {@code _FILE} variables name a file, not the secret. */
    private static final Pattern SECRET_VARIABLE =
            Pattern.compile("(?i)^(?!.*_FILE$).*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL).*$");

    private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

    static {
        registerFromEnvironment(System.getenv());
    }

    private Secrets() {
    }

    /** Masks these values wherever they appear from now on (values shorter than 8 characters are ignored). */
    public static void register(String... values) {
        for (String value : values) {
            if (value != null && value.strip().length() >= MIN_REGISTERED_LENGTH) {
                REGISTERED.add(value.strip());
            }
        }
    }

    /**
     * Registers the values of the secret-named variables ({@code BINANCE_API_KEY}, {@code BINANCE_API_SECRET},
     * {@code QT_API_TOKEN}, {@code AWS_SECRET_ACCESS_KEY} ...) and the password of {@code REDIS_URL}.
     */
    public static void registerFromEnvironment(Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (SECRET_VARIABLE.matcher(name).matches()) {
                register(value);
            }
        });
        String redisUrl = environment.get("REDIS_URL");
        if (redisUrl != null) {
            Matcher password = URL_USER_PASSWORD.matcher(redisUrl);
            if (password.find()) {
                register(password.group(1));
            }
        }
    }

    /** Only the registered values replaced: safe on any text, JSON included (its structure is never touched). */
    public static String maskRegistered(String text) {
        if (text == null || text.isEmpty() || REGISTERED.isEmpty()) {
            return text;
        }
        String out = text;
        // longest first: a secret that contains another is masked whole
        for (String secret : REGISTERED.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
            String escaped = jsonEscaped(secret);
            if (!escaped.equals(secret) && out.contains(escaped)) {
                out = out.replace(escaped, MASK);
            }
        }
        return out;
    }

    private static String jsonEscaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** The text with every secret-looking value replaced by {@value #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = maskRegistered(text);
        out = URL_PASSWORD.matcher(out).replaceAll("$1:" + MASK + "@");
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
