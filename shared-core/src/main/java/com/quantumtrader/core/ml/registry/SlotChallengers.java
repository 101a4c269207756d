package com.quantumtrader.core.ml.registry;

import java.util.ArrayList;
import java.util.List;

/** The challengers of one strategy slot, as {@code id@version}, in the order they became challengers. */
record SlotChallengers(List<String> references) {

    static final SlotChallengers NONE = new SlotChallengers(List.of());

    SlotChallengers {
        references = references == null ? List.of() : List.copyOf(references);
    }

    SlotChallengers with(String reference) {
        if (references.contains(reference)) {
            return this;
        }
        List<String> added = new ArrayList<>(references);
        added.add(reference);
        return new SlotChallengers(added);
    }

    SlotChallengers without(String reference) {
        List<String> kept = new ArrayList<>(references);
        kept.remove(reference);
        return new SlotChallengers(kept);
    }
}
