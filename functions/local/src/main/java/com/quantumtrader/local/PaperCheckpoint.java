package com.quantumtrader.local;

import com.quantumtrader.core.ids.EventIds;
import java.time.Instant;
import java.util.List;

/**
 * Where a paper run stands after its last completed bar step, kept in Redis next to the domains' state so a restart
 * resumes at the next bar instead of replaying the market from bar 1 against state that has already seen it.
 *
 * @param market  which synthetic market the run plays: a checkpoint of another market is refused, not resumed
 * @param bars    bar steps completed
 * @param barClose close time of the last completed step: the simulated clock resumes there
 * @param ids     the event-id generator after that step, so no id is issued twice across restarts
 */
record PaperCheckpoint(Market market, long bars, Instant barClose, EventIds.State ids) {

    /** Seed, symbols and start time determine every bar of the synthetic market. */
    record Market(long seed, List<String> symbols, Instant start) {

        Market {
            symbols = List.copyOf(symbols);
        }
    }
}
