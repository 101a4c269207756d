package com.quantumtrader.execution;

import static com.quantumtrader.events.EventCatalog.EXECUTION_FUNDING_PAID;
import static com.quantumtrader.events.EventCatalog.MARKET_PRICE_UPDATE;
import static com.quantumtrader.execution.Approvals.approval;
import static com.quantumtrader.execution.Bars.bar;
import static com.quantumtrader.execution.ExecutionHarness.names;
import static com.quantumtrader.execution.ExecutionHarness.payloads;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.events.EventValidator;
import com.quantumtrader.events.Side;
import com.quantumtrader.events.execution.FundingPaid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code execution.funding.paid} from the market-data feed, before the bar it was settled on is published. */
class FundingThroughTheFeedTest {

    private final ExecutionHarness execution = new ExecutionHarness();

    @Test
    void aShortOpenAtEightOClockReceivesFundingPublishedBeforeThatBar() {
        execution.bar(bar("BTCUSDT").hour(0).ohlc("61200.0", "61200.0", "61200.0", "61200.0").build());
        execution.approve(approval().side(Side.SHORT).stop("62000.0").target("60000.0").build(), "TRACE-SIG-1");
        List<Emit> emits = new ArrayList<>();
        for (int hour = 1; hour <= 8; hour++) {
            emits.addAll(execution.bar(bar("BTCUSDT").hour(hour).ohlc("61200.0", "61200.0", "61200.0", "61200.0").build()));
        }

        // the short of 0.010 filled at 01:00; at 08:00 it receives 0.010 x 61200.0 x 0.0001 = 0.0612
        List<FundingPaid> funding = payloads(emits, EXECUTION_FUNDING_PAID);
        assertThat(funding).singleElement().isEqualTo(new FundingPaid("BTCUSDT", Instant.parse("2024-03-01T08:00:00Z"),
                new BigDecimal("0.0001"), new BigDecimal("61200.0"), new BigDecimal("-0.010"),
                new BigDecimal("0.06120000"), "USDT"));
        List<String> order = names(emits);
        assertThat(order.indexOf("execution.funding.paid")).isEqualTo(order.lastIndexOf(MARKET_PRICE_UPDATE.name()) - 1);
        emits.forEach(emit -> EventValidator.validate(execution.events.create(emit, "TRACE-FEED")));
    }
}
