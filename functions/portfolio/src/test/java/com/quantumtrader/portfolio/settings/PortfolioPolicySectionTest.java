package com.quantumtrader.portfolio.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantumtrader.core.policy.PolicyDefaults;
import com.quantumtrader.core.policy.PolicyValidationException;
import com.quantumtrader.core.policy.PolicyValidator;
import com.quantumtrader.events.EventJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Portfolio's section of the policy: shipped values are the former constants, bounds refuse bad values. */
class PortfolioPolicySectionTest {

    /** The defaults document of this classpath (core and portfolio sections) with one portfolio field replaced. */
    private static ObjectNode withPortfolioField(String field, Object value) {
        ObjectNode document = (ObjectNode) EventJson.tree(PolicyDefaults.load());
        ((ObjectNode) document.get("portfolio")).set(field, EventJson.tree(value));
        return document;
    }

    @Test
    void theShippedValuesAreTheConstantsPortfolioUsedBefore() {
        PortfolioSettings before = new PortfolioSettings(
                BigDecimal.ONE, new BigDecimal("1.5"), new BigDecimal("2"), 14, new BigDecimal("2"), 72, 365,
                new BigDecimal("0.20"), new BigDecimal("0.50"), new BigDecimal("0.40"), new BigDecimal("0.05"), 48,
                new BigDecimal("10000000"), new BigDecimal("5"), new BigDecimal("0.10"), new BigDecimal("3.00"),
                new BigDecimal("0.01"), 90,
                Map.of("BTCUSDT", new MarketProfile(new BigDecimal("0.2"), LocalDate.parse("2019-09-08")),
                        "ETHUSDT", new MarketProfile(new BigDecimal("0.3"), LocalDate.parse("2019-11-27"))));

        // equals compares BigDecimal scales too: 0.20 stays 0.20 (it is published in portfolio.allocation.updated)
        assertThat(PortfolioSettings.defaults()).isEqualTo(before);
        assertThat(PortfolioSettings.defaults().maxHolding()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void theDomainReadsItsSectionFromThePolicy() {
        assertThat(PortfolioSettings.of(PolicyDefaults.load())).isEqualTo(PortfolioSettings.defaults());
        assertThat(PolicyValidator.problems(EventJson.tree(PolicyDefaults.load()))).isEmpty();
    }

    @Test
    void refusesASlotWeightAboveTheWholeEquityWithTheFieldPath() {
        ObjectNode document = withPortfolioField("max_slot_weight", new BigDecimal("1.5"));

        assertThatThrownBy(() -> PolicyValidator.validate(document))
                .isInstanceOf(PolicyValidationException.class)
                .satisfies(e -> assertThat(((PolicyValidationException) e).problems())
                        .anySatisfy(problem -> assertThat(problem).startsWith("portfolio.max_slot_weight")
                                .contains("1")));
    }

    @Test
    void refusesAVolatilityBandWhoseLowerEdgeIsAboveItsUpperEdge() {
        ObjectNode document = withPortfolioField("min_volatility", new BigDecimal("4"));

        assertThat(PolicyValidator.problems(document)).contains(
                "portfolio.min_volatility: 4 must not exceed portfolio.max_volatility (3.00)");
    }

    @Test
    void refusesAnUnknownPortfolioField() {
        ObjectNode document = withPortfolioField("max_slot_wieght", new BigDecimal("0.5"));

        assertThat(PolicyValidator.problems(document)).anySatisfy(
                problem -> assertThat(problem).contains("max_slot_wieght"));
    }
}
