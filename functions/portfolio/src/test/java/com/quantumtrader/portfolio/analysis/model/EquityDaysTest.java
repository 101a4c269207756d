package com.quantumtrader.portfolio.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.portfolio.analysis.model.EquityDays.CurvePoint;
import com.quantumtrader.portfolio.valuation.model.Valuation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The daily equity curve on values alone; starting equity 10000. */
class EquityDaysTest {

    private static final BigDecimal START = new BigDecimal("10000");

    private static Valuation equity(String equity, String realized, String fees) {
        return new Valuation(new BigDecimal(equity), new BigDecimal(realized), BigDecimal.ZERO, new BigDecimal(fees),
                0);
    }

    @Test
    void theFirstPointOpensAtTheStartingEquityAndStartsTheCurve() {
        Instant at = Instant.parse("2024-03-01T05:00:00Z");

        CurvePoint first = EquityDays.at(Optional.empty(), at, START, equity("10020", "25", "5"),
                new BigDecimal("-1")).orElseThrow();

        assertThat(first.since()).contains(at);
        assertThat(first.point().day()).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(first.point().openEquity()).isEqualByComparingTo("10000");
        assertThat(first.point().closeEquity()).isEqualByComparingTo("10020");
        assertThat(first.point().closeRealized()).isEqualByComparingTo("25");
        assertThat(first.point().closeFunding()).isEqualByComparingTo("-1");
    }

    @Test
    void aLaterMarkOfTheSameDayMovesOnlyItsClose() {
        DayPoint today = EquityDays.at(Optional.empty(), Instant.parse("2024-03-01T05:00:00Z"), START,
                equity("10020", "0", "0"), BigDecimal.ZERO).orElseThrow().point();

        CurvePoint later = EquityDays.at(Optional.of(today), Instant.parse("2024-03-01T23:00:00Z"), START,
                equity("9990", "0", "0"), BigDecimal.ZERO).orElseThrow();

        assertThat(later.since()).isEmpty();
        assertThat(later.point().openEquity()).isEqualByComparingTo("10000");
        assertThat(later.point().closeEquity()).isEqualByComparingTo("9990");
    }

    @Test
    void theFirstMarkOfANewDayOpensItAtThePreviousClose() {
        DayPoint yesterday = EquityDays.at(Optional.empty(), Instant.parse("2024-03-01T05:00:00Z"), START,
                equity("10020", "20", "2"), BigDecimal.ZERO).orElseThrow().point();

        DayPoint today = EquityDays.at(Optional.of(yesterday), Instant.parse("2024-03-02T01:00:00Z"), START,
                equity("10100", "20", "2"), BigDecimal.ZERO).orElseThrow().point();

        assertThat(today.day()).isEqualTo(LocalDate.parse("2024-03-02"));
        assertThat(today.openEquity()).isEqualByComparingTo("10020");
        assertThat(today.openRealized()).isEqualByComparingTo("20");
        assertThat(today.openFees()).isEqualByComparingTo("2");
        assertThat(today.closeEquity()).isEqualByComparingTo("10100");
    }

    @Test
    void aLateMarkOfADayAlreadyClosedRewritesNoHistory() {
        DayPoint today = EquityDays.at(Optional.empty(), Instant.parse("2024-03-02T05:00:00Z"), START,
                equity("10020", "0", "0"), BigDecimal.ZERO).orElseThrow().point();

        assertThat(EquityDays.at(Optional.of(today), Instant.parse("2024-03-01T23:00:00Z"), START,
                equity("9000", "0", "0"), BigDecimal.ZERO)).isEmpty();
    }
}
