package com.quantumtrader.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.core.idempotency.IdempotencyStore.Claim;
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
        assertThat(store.claim("risk.check_signal", "evt-1")).isEqualTo(Claim.ACQUIRED);
    }

    @Test
    void anotherAttemptsClaimWhileTheFirstIsInProgressIsToldToRetryLaterNotThatItIsADuplicate() throws Exception {
        store.claim("risk.check_signal", "evt-1");

        assertThat(claimOnAnotherThread("risk.check_signal", "evt-1")).isEqualTo(Claim.IN_PROGRESS);
    }

    @Test
    void theSameClaimantTakesItsOwnUnfinishedClaimOver() {
        // its earlier attempt is over (e.g. a command timed out after the claim reached the server)
        store.claim("risk.check_signal", "evt-1");

        assertThat(store.claim("risk.check_signal", "evt-1")).isEqualTo(Claim.ACQUIRED);
    }

    @Test
    void releaseFreesOnlyTheClaimantsOwnClaim() throws Exception {
        store.claim("risk.check_signal", "evt-1");

        runOnAnotherThread(() -> store.release("risk.check_signal", "evt-1"));

        assertThat(claimOnAnotherThread("risk.check_signal", "evt-1")).isEqualTo(Claim.IN_PROGRESS);
    }

    @Test
    void aRedeliveryAfterSuccessIsNotHandledAgain() throws Exception {
        store.claim("risk.check_signal", "evt-1");
        store.complete("risk.check_signal", "evt-1");

        assertThat(store.claim("risk.check_signal", "evt-1")).isEqualTo(Claim.COMPLETED);
        assertThat(claimOnAnotherThread("risk.check_signal", "evt-1")).isEqualTo(Claim.COMPLETED);
    }

    @Test
    void aRedeliveryAfterAFailureIsHandledAgain() throws Exception {
        store.claim("risk.check_signal", "evt-1");
        store.release("risk.check_signal", "evt-1");

        assertThat(claimOnAnotherThread("risk.check_signal", "evt-1")).isEqualTo(Claim.ACQUIRED);
    }

    @Test
    void releaseAfterCompletionDoesNotForgetTheEvent() {
        store.claim("risk.check_signal", "evt-1");
        store.complete("risk.check_signal", "evt-1");

        store.release("risk.check_signal", "evt-1");

        assertThat(store.claim("risk.check_signal", "evt-1")).isEqualTo(Claim.COMPLETED);
    }

    @Test
    void handlersClaimTheSameEventIndependently() throws Exception {
        assertThat(store.claim("risk.check_signal", "evt-1")).isEqualTo(Claim.ACQUIRED);
        assertThat(claimOnAnotherThread("portfolio.on_fill", "evt-1")).isEqualTo(Claim.ACQUIRED);
        assertThat(claimOnAnotherThread("risk.check_signal", "evt-2")).isEqualTo(Claim.ACQUIRED);
    }

    @Test
    void exactlyOneOfSixteenConcurrentClaimsWins() throws Exception {
        int threads = 16;
        for (int round = 0; round < 5; round++) {
            String eventId = "evt-race-" + round;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Claim>> claims = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    claims.add(pool.submit(() -> {
                        start.await();
                        return store.claim("portfolio.on_fill", eventId);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Claim> claim : claims) {
                    winners += claim.get() == Claim.ACQUIRED ? 1 : 0;
                }

                assertThat(winners).as("winners of round %d", round).isEqualTo(1);
            } finally {
                pool.shutdown();
            }
        }
    }

    /** A claim by another attempt: another thread of this process stands for another process or invocation. */
    protected Claim claimOnAnotherThread(String handler, String eventId) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            return other.submit(() -> store.claim(handler, eventId)).get();
        } finally {
            other.shutdown();
        }
    }

    private void runOnAnotherThread(Runnable action) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            other.submit(action).get();
        } finally {
            other.shutdown();
        }
    }

    @Test
    void rejectsABlankHandlerOrEventId() {
        assertThatThrownBy(() -> store.claim(" ", "evt-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.claim("risk.check_signal", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
