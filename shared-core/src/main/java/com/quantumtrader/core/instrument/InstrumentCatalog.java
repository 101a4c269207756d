package com.quantumtrader.core.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every instrument the platform knows, by symbol: read from a Binance USDⓈ-M exchangeInfo document (live: the
 * exchange; paper and backtest: the snapshot shipped as {@value #BUNDLED_RESOURCE} or a file the user downloaded).
 * Immutable; every domain reads the same one through its {@code DomainServices}.
 *
 * @see BinanceExchangeInfo
 */
public final class InstrumentCatalog {

    public static final String BUNDLED_RESOURCE = "/instruments/binance-usdm-exchange-info.json";

    private static volatile InstrumentCatalog bundled;

    private final SortedMap<String, Instrument> bySymbol;
    private final List<String> skipped;
    private final String source;

    private InstrumentCatalog(Collection<Instrument> instruments, List<String> skipped, String source) {
        SortedMap<String, Instrument> map = new TreeMap<>();
        for (Instrument instrument : instruments) {
            if (map.put(instrument.symbol(), instrument) != null) {
                throw new IllegalArgumentException(source + " lists " + instrument.symbol() + " twice");
            }
        }
        this.bySymbol = Collections.unmodifiableSortedMap(map);
        this.skipped = List.copyOf(skipped);
        this.source = source;
    }

    /** A catalog of exactly these instruments (tests, tools). */
    public static InstrumentCatalog of(String source, Collection<Instrument> instruments) {
        return new InstrumentCatalog(instruments, List.of(), source);
    }

    static InstrumentCatalog parsed(String source, Collection<Instrument> instruments, List<String> skipped) {
        return new InstrumentCatalog(instruments, skipped, source);
    }

    /** The exchangeInfo snapshot shipped with the platform (see the resource's README for where it comes from). */
    public static InstrumentCatalog bundled() {
        InstrumentCatalog loaded = bundled;
        if (loaded == null) {
            try (InputStream in = InstrumentCatalog.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED_RESOURCE + " is missing from the classpath");
                }
                loaded = BinanceExchangeInfo.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        "the bundled exchangeInfo snapshot");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = loaded;
        }
        return loaded;
    }

    /**
     * A Binance exchangeInfo JSON file ({@code curl https://fapi.binance.com/fapi/v1/exchangeInfo > FILE}).
     *
     * @throws IllegalArgumentException naming the file when it is missing or not an exchangeInfo document
     */
    public static InstrumentCatalog fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("exchange info file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("exchange info file " + file + " cannot be read: " + e.getMessage());
        }
        return BinanceExchangeInfo.parse(text, file.getFileName().toString());
    }

    public Optional<Instrument> find(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** @throws IllegalArgumentException naming the symbol and this catalog's source when it is not listed */
    public Instrument require(String symbol) {
        Instrument instrument = bySymbol.get(symbol);
        if (instrument == null) {
            throw new IllegalArgumentException("no instrument data for " + symbol + " in " + source);
        }
        return instrument;
    }

    /** The perpetual contracts: what a policy's universe may name. */
    public Set<String> perpetualSymbols() {
        return instruments().stream().filter(Instrument::isPerpetual).map(Instrument::symbol)
                .collect(Collectors.toUnmodifiableSet());
    }

    public SortedSet<String> symbols() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(bySymbol.keySet()));
    }

    public Collection<Instrument> instruments() {
        return bySymbol.values();
    }

    /** Symbols of the document that were left out, each with why (a filter missing, a bad number). */
    public List<String> skipped() {
        return skipped;
    }

    /** Where this catalog was read from, for messages. */
    public String source() {
        return source;
    }

    public int size() {
        return bySymbol.size();
    }

    @Override
    public String toString() {
        return "InstrumentCatalog[" + source + ", " + bySymbol.size() + " instruments]";
    }
}
