package com.quantumtrader.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every handler runtime relies on: an event is handled once per handler, and again only after a failure. */
abstract class IdempotencyStoreContract {

    protected IdempotencyStore store;

    /** A new store with nothing claimed and a lease long enough not to expire during a test. */
    protected abstract IdempotencyStore newStore();

    @BeforeEach
    void givenAFreshStore() {
        store = newStore();
    }

    @Test
    void theFirstClaimOfAnEventWins() {
        assertThat(store.claim("risk.check_signal", "evt-1")).isTrue();
    }

    @Test
    void aSecondClaimWhileTheFirstIsInProgressLoses() {
        store.claim("risk.check_signal", "evt-1");

        assertThat(store.claim("risk.check_signal", "evt-1")).isFalse();
    }

    @Test
    void aRedeliveryAfterSuccessIsNotHandledAgain() {
        store.claim("risk.check_signal", "evt-1");
        store.complete("risk.check_signal", "evt-1");

        assertThat(store.claim("risk.check_signal", "evt-1")).isFalse();
    }

    @Test
    void aRedeliveryAfterAFailureIsHandledAgain() {
        store.claim("risk.check_signal", "evt-1");
        store.release("risk.check_signal", "evt-1");

        assertThat(store.claim("risk.check_signal", "evt-1")).isTrue();
    }

    @Test
    void releaseAfterCompletionDoesNotForgetTheEvent() {
        store.claim("risk.check_signal", "evt-1");
        store.complete("risk.check_signal", "evt-1");

        store.release("risk.check_signal", "evt-1");

        assertThat(store.claim("risk.check_signal", "evt-1")).isFalse();
    }

    @Test
    void handlersClaimTheSameEventIndependently() {
        assertThat(store.claim("risk.check_signal", "evt-1")).isTrue();
        assertThat(store.claim("portfolio.on_fill", "evt-1")).isTrue();
        assertThat(store.claim("risk.check_signal", "evt-2")).isTrue();
    }

    @Test
    void exactlyOneOfSixteenConcurrentClaimsWins() throws Exception {
        int threads = 16;
        for (int round = 0; round < 5; round++) {
            String eventId = "evt-race-" + round;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    claims.add(pool.submit(() -> {
                        start.await();
                        return store.claim("portfolio.on_fill", eventId);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> claim : claims) {
                    winners += claim.get() ? 1 : 0;
                }

                assertThat(winners).as("winners of round %d", round).isEqualTo(1);
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void rejectsABlankHandlerOrEventId() {
        assertThatThrownBy(() -> store.claim(" ", "evt-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.claim("risk.check_signal", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
