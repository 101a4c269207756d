package com.quantumtrader.execution.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.execution.guard.OrderSanityGuard.Entry;
import com.quantumtrader.execution.guard.OrderSanityGuard.Limits;
import com.quantumtrader.execution.guard.OrderSanityGuard.Refusal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderSanityGuardTest {

    private static final Limits LIMITS = new Limits(Optional.of(new BigDecimal("2000")), new BigDecimal("25000"),
            new BigDecimal("50000"), new BigDecimal("500"));

    /** An ETHUSDT buy of {@code quantity} priced at 3000 with the market at 3000, flat, under {@link #LIMITS}. */
    private static Entry buyEth(String quantity) {
        return new Entry("ETHUSDT", new BigDecimal(quantity), 1, List.of(new BigDecimal("3000")),
                Optional.of(new BigDecimal("3000")), BigDecimal.ZERO, LIMITS);
    }

    @Test
    void acceptsASaneEntry() {
        assertThat(OrderSanityGuard.check(buyEth("1.5"))).isEmpty();
    }

    @Test
    void rejectsOrderAboveInstrumentMaxQuantity() {
        Refusal refusal = OrderSanityGuard.check(buyEth("1000000")).orElseThrow();

        assertThat(refusal.code()).isEqualTo(OrderSanityGuard.ABOVE_MAX_QUANTITY);
        assertThat(refusal.limit()).isEqualByComparingTo("2000");
        assertThat(refusal.value()).isEqualByComparingTo("1000000");
        assertThat(refusal.message()).isEqualTo(
                "quantity 1000000 ETHUSDT above the contract's maximum order quantity: limit 2000, value 1000000");
    }

    @Test
    void acceptsAnyQuantityWhenTheExchangePublishesNoMaximumButStillCapsTheNotional() {
        Entry entry = new Entry("ETHUSDT", new BigDecimal("1000000"), 1, List.of(new BigDecimal("3000")),
                Optional.of(new BigDecimal("3000")), BigDecimal.ZERO, new Limits(Optional.empty(),
                        LIMITS.maxOrderNotional(), LIMITS.maxPositionNotional(), LIMITS.maxPriceDeviationBps()));

        assertThat(OrderSanityGuard.check(entry)).get().extracting(Refusal::code)
                .isEqualTo(OrderSanityGuard.ORDER_NOTIONAL_ABOVE_CAP);
    }

    @Test
    void rejectsOrderAbovePerOrderNotionalCap() {
        // 8.4 ETH at 3000 = 25200 USDT > 25000
        Refusal refusal = OrderSanityGuard.check(buyEth("8.4")).orElseThrow();

        assertThat(refusal.code()).isEqualTo(OrderSanityGuard.ORDER_NOTIONAL_ABOVE_CAP);
        assertThat(refusal.limit()).isEqualByComparingTo("25000");
        assertThat(refusal.value()).isEqualByComparingTo("25200");
    }

    @Test
    void acceptsAnOrderExactlyAtTheNotionalCap() {
        assertThat(OrderSanityGuard.check(buyEth("8.3333"))).isEmpty();
    }

    @Test
    void rejectsAnEntryThatWouldTakeThePositionAboveItsCap() {
        // given a long of 10 ETH (30000 USDT) already, when 8 more (24000) are bought: 54000 > 50000
        Entry entry = new Entry("ETHUSDT", new BigDecimal("8"), 1, List.of(new BigDecimal("3000")),
                Optional.of(new BigDecimal("3000")), new BigDecimal("10"), LIMITS);

        Refusal refusal = OrderSanityGuard.check(entry).orElseThrow();

        assertThat(refusal.code()).isEqualTo(OrderSanityGuard.POSITION_NOTIONAL_ABOVE_CAP);
        assertThat(refusal.value()).isEqualByComparingTo("54000");
        assertThat(refusal.limit()).isEqualByComparingTo("50000");
    }

    @Test
    void countsASellAgainstALongAsReducingThePosition() {
        Entry entry = new Entry("ETHUSDT", new BigDecimal("8"), -1, List.of(new BigDecimal("3000")),
                Optional.of(new BigDecimal("3000")), new BigDecimal("10"), LIMITS);

        assertThat(OrderSanityGuard.check(entry)).isEmpty();
    }

    @Test
    void rejectsAPriceFarFromTheMarket() {
        // priced at 3200 with the market at 3000: 666.7 bps > 500
        Entry entry = new Entry("ETHUSDT", new BigDecimal("1"), 1, List.of(new BigDecimal("3200")),
                Optional.of(new BigDecimal("3000")), BigDecimal.ZERO, LIMITS);

        Refusal refusal = OrderSanityGuard.check(entry).orElseThrow();

        assertThat(refusal.code()).isEqualTo(OrderSanityGuard.PRICE_FAR_FROM_MARKET);
        assertThat(refusal.value()).isEqualByComparingTo("666.7");
        assertThat(refusal.limit()).isEqualByComparingTo("500");
        assertThat(refusal.message()).contains("3200", "3000", "limit 500", "value 666.7");
    }

    @Test
    void checksTheLimitPriceAsWellAsTheReference() {
        Entry entry = new Entry("ETHUSDT", new BigDecimal("1"), 1,
                List.of(new BigDecimal("3000"), new BigDecimal("2000")), Optional.of(new BigDecimal("3000")),
                BigDecimal.ZERO, LIMITS);

        assertThat(OrderSanityGuard.check(entry)).get().extracting(Refusal::code)
                .isEqualTo(OrderSanityGuard.PRICE_FAR_FROM_MARKET);
    }

    @Test
    void withoutAMarketPriceValuesTheNotionalAtTheOrdersOwnPrice() {
        Entry entry = new Entry("ETHUSDT", new BigDecimal("9"), 1, List.of(new BigDecimal("3000")),
                Optional.empty(), BigDecimal.ZERO, LIMITS);

        Refusal refusal = OrderSanityGuard.check(entry).orElseThrow();

        assertThat(refusal.code()).isEqualTo(OrderSanityGuard.ORDER_NOTIONAL_ABOVE_CAP);
        assertThat(refusal.value()).isEqualByComparingTo("27000");
    }

    @Test
    void valuesTheNotionalAtTheMarketNotAtAnUnderpricedReference() {
        // a reference of 2900 (333 bps off, allowed) must not let 8.5 ETH pass as 24650 when the market makes it 25500
        Entry entry = new Entry("ETHUSDT", new BigDecimal("8.5"), 1, List.of(new BigDecimal("2900")),
                Optional.of(new BigDecimal("3000")), BigDecimal.ZERO, LIMITS);

        assertThat(OrderSanityGuard.check(entry)).get().extracting(Refusal::code)
                .isEqualTo(OrderSanityGuard.ORDER_NOTIONAL_ABOVE_CAP);
    }
}
