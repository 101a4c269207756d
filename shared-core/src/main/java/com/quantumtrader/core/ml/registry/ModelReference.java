package com.quantumtrader.core.ml.registry;

import java.util.regex.Pattern;

/**
 * {@code id@version}: how a champion, a challenger and a signal's {@code model_id} name one model version. Ids are
 * restricted to letters, digits, {@code . _ -} (not leading with a dot), so an id is also a safe directory name.
 */
public record ModelReference(String id, int version) {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}");

    public ModelReference {
        requireSafeId(id);
        if (version < 1) {
            throw new IllegalArgumentException("model version must be >= 1, got " + version);
        }
    }

    public static ModelReference parse(String reference) {
        int at = reference == null ? -1 : reference.lastIndexOf('@');
        if (at <= 0 || at == reference.length() - 1) {
            throw new IllegalArgumentException("model reference must be id@version, got '" + reference + "'");
        }
        try {
            return new ModelReference(reference.substring(0, at), Integer.parseInt(reference.substring(at + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model reference must be id@version, got '" + reference + "'");
        }
    }

    public static String requireSafeId(String id) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("model id must be 1-100 of letters, digits, '.', '_', '-' "
                    + "(not starting with '.'), got '" + id + "'");
        }
        return id;
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }
}
