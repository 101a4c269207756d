package com.quantumtrader.core.ml.serving;

import com.quantumtrader.core.ml.tribuo.TribuoProbabilityModel;

/**
 * The {@code tribuo} kind (models trained here), in its own class so that Tribuo's classes are linked only where it
 * is on the class path (it is optional in shared-core).
 */
final class TribuoKind {

    static final String NAME = TribuoProbabilityModel.KIND;

    private TribuoKind() {
    }

    static boolean available() {
        try {
            Class.forName("org.tribuo.Model", false, TribuoKind.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static ModelKind kind() {
        return TribuoProbabilityModel::new;
    }
}
