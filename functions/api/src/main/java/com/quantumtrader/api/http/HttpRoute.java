package com.quantumtrader.api.http;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route: a method and a path template ({@code /trading/traces/{trace_id}}) and the code that answers it with
 * the request and the template's variables.
 */
public record HttpRoute(String method, String template,
                        BiFunction<ApiRequest, Map<String, String>, ApiResponse> action) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");

    public Optional<Map<String, String>> match(String path) {
        Matcher names = VARIABLE.matcher(template);
        java.util.List<String> variables = new java.util.ArrayList<>();
        while (names.find()) {
            variables.add(names.group(1));
        }
        String regex = VARIABLE.matcher(template.replace(".", "\\.")).replaceAll("([A-Za-z0-9_.:-]{1,128})");
        Matcher matcher = Pattern.compile(regex).matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            values.put(variables.get(i), matcher.group(i + 1));
        }
        return Optional.of(values);
    }
}
