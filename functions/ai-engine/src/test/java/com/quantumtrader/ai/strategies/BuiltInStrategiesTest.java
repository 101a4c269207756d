package com.quantumtrader.ai.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.ai.spi.StrategyCatalog;
import com.quantumtrader.ai.spi.StrategyFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInStrategiesTest {

    @Test
    void theBuiltInStrategiesAreFoundThroughTheServiceLoaderLikeAUsersWouldBe() {
        StrategyCatalog catalog = StrategyCatalog.discover(StrategyFactory.class.getClassLoader());

        assertThat(catalog.find("ma_crossover")).get().isInstanceOf(TrendFollowing.class);
        assertThat(catalog.find("ma_crossover_defensive")).get().isInstanceOf(DefensiveTrendFollowing.class);
        assertThat(catalog.find("mean_reversion")).get().isInstanceOf(MeanReversion.class);
    }

    @Test
    void shipsTheFittedCalibrationAsDefaultParameters() {
        assertThat(new TrendFollowing().validate(Map.of()).decimal("platt_a"))
                .isEqualTo(FittedCalibrations.MA_CROSSOVER.a());
        assertThat(new MeanReversion().validate(Map.of()).decimal("platt_b"))
                .isEqualTo(FittedCalibrations.MEAN_REVERSION.b());
    }
}
