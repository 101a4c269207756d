package com.quantumtrader.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.EventValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The events the LocalStack scripts publish are valid catalog events, or the smoke test would test nothing. */
class LocalStackSampleEventsTest {

    static final Path EVENTS = Path.of("..", "localstack", "events");

    @Test
    void every_sample_event_the_scripts_publish_passes_the_catalog_schema() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(EVENTS)) {
            samples = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).extracting(file -> file.getFileName().toString()).contains("ai.signal.generated.json");
        for (Path sample : samples) {
            BusEvent event = EventValidator.decode(Files.readString(sample));
            EventValidator.validate(event);
            assertThat(sample.getFileName().toString()).isEqualTo(event.name() + ".json");
        }
    }

    @Test
    void a_signal_without_its_stop_price_is_refused() throws IOException {
        String signal = Files.readString(EVENTS.resolve("ai.signal.generated.json"))
                .replace("\"stop_price\":63000.00,", "");
        assertThatThrownBy(() -> EventValidator.validate(EventValidator.decode(signal)))
                .hasMessageContaining("stop_price");
    }
}
