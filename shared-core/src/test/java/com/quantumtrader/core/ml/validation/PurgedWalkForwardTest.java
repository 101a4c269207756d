package com.quantumtrader.core.ml.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurgedWalkForwardTest {

    private record Row(Instant decisionTime, Instant knownAt) implements PurgedWalkForward.Timed {
    }

    private static final Instant T0 = Instant.parse("2022-01-01T00:00:00Z");

    /** Two symbols per hour, labels closing {@code horizon} hours after the decision. */
    private static List<Row> rows(int hours, int horizon) {
        List<Row> rows = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            Instant t = T0.plus(Duration.ofHours(h));
            rows.add(new Row(t, t.plus(Duration.ofHours(horizon))));
            rows.add(new Row(t, t.plus(Duration.ofHours(horizon))));
        }
        return rows;
    }

    @Test
    void noTrainingLabelHorizonReachesIntoItsTestFold() {
        List<Row> rows = rows(1000, 24);

        List<Fold> folds = new PurgedWalkForward(4, Duration.ofHours(12)).split(rows);

        assertThat(folds).hasSize(4);
        for (Fold fold : folds) {
            assertThat(fold.train()).isNotEmpty();
            for (int i : fold.train()) {
                assertThat(rows.get(i).knownAt()).isBeforeOrEqualTo(fold.testFrom().minus(Duration.ofHours(12)));
            }
            for (int i : fold.test()) {
                assertThat(rows.get(i).decisionTime()).isBetween(fold.testFrom(), fold.testTo());
            }
        }
    }

    @Test
    void rowsInTheEmbargoAfterATestFoldNeverTrainALaterFold() {
        List<Row> rows = rows(1000, 6);
        List<Fold> folds = new PurgedWalkForward(3, Duration.ofHours(10)).split(rows);
        Instant firstTestEnd = folds.get(0).testTo();

        // fold 2 tests the bars right after fold 1; fold 3 trains on fold 2's block, minus the embargo
        Fold third = folds.get(2);
        assertThat(Arrays.stream(third.train()).mapToObj(rows::get).map(Row::decisionTime))
                .noneMatch(t -> t.isAfter(firstTestEnd) && !t.isAfter(firstTestEnd.plus(Duration.ofHours(10))))
                .anyMatch(t -> t.isAfter(firstTestEnd.plus(Duration.ofHours(10))));
    }

    @Test
    void testFoldsAreContiguousDisjointAndTheSameOnEveryRun() {
        List<Row> rows = rows(500, 4);

        List<Fold> a = new PurgedWalkForward(5, Duration.ZERO).split(rows);
        List<Fold> b = new PurgedWalkForward(5, Duration.ZERO).split(rows);

        for (int f = 0; f < a.size(); f++) {
            assertThat(a.get(f).test()).containsExactly(b.get(f).test());
            assertThat(a.get(f).train()).containsExactly(b.get(f).train());
            if (f > 0) {
                assertThat(a.get(f).testFrom()).isAfter(a.get(f - 1).testTo());
            }
        }
    }

    @Test
    void refusesUnorderedRowsAndTooFewBars() {
        List<Row> rows = new ArrayList<>(rows(10, 1));
        java.util.Collections.reverse(rows);

        assertThatThrownBy(() -> new PurgedWalkForward(2, Duration.ZERO).split(rows))
                .hasMessageContaining("ordered by decision time");
        assertThatThrownBy(() -> new PurgedWalkForward(20, Duration.ZERO).split(rows(10, 1)))
                .hasMessageContaining("only 10 distinct bars for 20 folds");
        assertThatThrownBy(() -> new PurgedWalkForward(0, Duration.ZERO)).hasMessageContaining("at least 1 fold");
    }
}
