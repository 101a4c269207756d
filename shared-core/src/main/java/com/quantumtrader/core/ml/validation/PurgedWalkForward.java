package com.quantumtrader.core.ml.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Purged, embargoed, anchored walk-forward splits. The rows' distinct decision times are cut into
 * {@code folds + 1} equal contiguous blocks; fold i (1..folds) tests block i and trains on earlier rows only:
 * <ul>
 *   <li>purge — a training row's label must be known (its horizon closed) before the test block's first
 *       decision, so no training label's horizon crosses into the test fold;</li>
 *   <li>embargo — a further {@code embargo} of time between the last training label and the test block, and after
 *       each test block, rows deciding within the embargo are never used to train a later fold (serially
 *       correlated features right after a test block would otherwise inform the next one's model).</li>
 * </ul>
 * The split depends only on the rows' times, so it is the same on every run.
 */
public final class PurgedWalkForward {

    /** The times a split needs from each row, in the rows' (time-sorted) order. */
    public interface Timed {
        Instant decisionTime();

        Instant knownAt();
    }

    private final int folds;
    private final Duration embargo;

    public PurgedWalkForward(int folds, Duration embargo) {
        if (folds < 1) {
            throw new IllegalArgumentException("walk-forward needs at least 1 fold, got " + folds);
        }
        if (embargo.isNegative()) {
            throw new IllegalArgumentException("embargo must not be negative");
        }
        this.folds = folds;
        this.embargo = embargo;
    }

    public List<Fold> split(List<? extends Timed> rows) {
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).decisionTime().isBefore(rows.get(i - 1).decisionTime())) {
                throw new IllegalArgumentException("rows must be ordered by decision time (row " + i + ")");
            }
        }
        List<Instant> times = rows.stream().map(Timed::decisionTime).distinct().toList();
        if (times.size() < folds + 1) {
            throw new IllegalArgumentException("only " + times.size() + " distinct bars for " + folds + " folds");
        }
        List<Fold> result = new ArrayList<>();
        List<Instant[]> embargoed = new ArrayList<>();
        for (int f = 1; f <= folds; f++) {
            Instant testFrom = times.get((int) ((long) times.size() * f / (folds + 1)));
            Instant testTo = times.get((int) ((long) times.size() * (f + 1) / (folds + 1)) - 1);
            Instant trainLabelsBy = testFrom.minus(embargo);
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Timed row = rows.get(i);
                Instant decision = row.decisionTime();
                if (!decision.isBefore(testFrom) && !decision.isAfter(testTo)) {
                    test.add(i);
                } else if (!row.knownAt().isAfter(trainLabelsBy) && !insideAny(embargoed, decision)) {
                    train.add(i);
                }
            }
            embargoed.add(new Instant[] {testTo, testTo.plus(embargo)});
            result.add(new Fold(f, toArray(train), toArray(test), testFrom, testTo));
        }
        return result;
    }

    private static boolean insideAny(List<Instant[]> windows, Instant t) {
        for (Instant[] w : windows) {
            if (t.isAfter(w[0]) && !t.isAfter(w[1])) {
                return true;
            }
        }
        return false;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
