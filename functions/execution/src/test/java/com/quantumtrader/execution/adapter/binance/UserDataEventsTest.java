package com.quantumtrader.execution.adapter.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantumtrader.events.MalformedEventException;
import com.quantumtrader.events.OrderPurpose;
import com.quantumtrader.events.OrderSide;
import com.quantumtrader.events.execution.MarginCall;
import com.quantumtrader.execution.exchange.ExchangePosition;
import com.quantumtrader.execution.exchange.ExecutionReport;
import com.quantumtrader.execution.exchange.OrderStatusReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user-data stream's messages as Binance documents them, read into what execution acts on. */
class UserDataEventsTest {

    @Test
    void aPartialTradeCarriesItsQuantityCumulativeQuantityPriceAndFee() {
        String json = UserDataPayloads.order("E-SIG-1")
                .trade("0.004", "0.004", "61234.60", "0.09797536", "PARTIALLY_FILLED").json();

        UserDataEvent event = UserDataEvents.parse(json);

        assertThat(event).isEqualTo(new UserDataEvent.Trade(new ExecutionReport("E-SIG-1", "BTCUSDT", OrderSide.BUY,
                ExecutionReport.Status.PARTIALLY_FILLED, new BigDecimal("0.004"), new BigDecimal("0.004"),
                new BigDecimal("61234.60"), new BigDecimal("0.09797536"), "USDT")));
    }

    @Test
    void aTradeWithoutCommissionFieldsIsAFillWithZeroFeeInTheMarginAsset() {
        // Binance leaves n and N out of a trade that paid no commission (e.g. a maker fill at a zero maker rate)
        String json = UserDataPayloads.order("E-SIG-1")
                .trade("0.004", "0.004", "61234.60", "0", "PARTIALLY_FILLED").without("n").without("N").json();

        ExecutionReport report = ((UserDataEvent.Trade) UserDataEvents.parse(json)).report();

        assertThat(report.fee()).isEqualByComparingTo("0");
        assertThat(report.feeAsset()).isEqualTo("USDT");
        assertThat(report.lastQuantity()).isEqualByComparingTo("0.004");
    }

    @Test
    void aCommissionFreeTradeOnAUsdcContractHasItsFeeAssetInUsdc() {
        String json = UserDataPayloads.order("E-SIG-1").set("s", "BTCUSDC")
                .trade("0.004", "0.004", "61234.60", "0", "PARTIALLY_FILLED").without("n").without("N").json();

        assertThat(((UserDataEvent.Trade) UserDataEvents.parse(json)).report().feeAsset()).isEqualTo("USDC");
    }

    @Test
    void theOrderOfAnUnreadableTradeFrameIsStillNamedForACatchUp() {
        String json = UserDataPayloads.order("E-SIG-1").trade("0.004", "0.004", "NaN", "0.1", "PARTIALLY_FILLED")
                .json();

        assertThatThrownBy(() -> UserDataEvents.parse(json)).isInstanceOf(MalformedEventException.class);
        assertThat(UserDataEvents.orderReference(json))
                .contains(new UserDataEvents.OrderReference("BTCUSDT", "E-SIG-1"));
        assertThat(UserDataEvents.orderReference("{not json")).isEmpty();
        assertThat(UserDataEvents.orderReference(UserDataPayloads.order("E-SIG-1").without("c").json())).isEmpty();
    }

    @Test
    void theLastTradeOfAnIocOrderWhoseRestExpiredIsATradeThatEndsTheOrder() {
        String json = UserDataPayloads.order("E-SIG-1").trade("0.006", "0.006", "61234.60", "0.1", "EXPIRED").json();

        ExecutionReport report = ((UserDataEvent.Trade) UserDataEvents.parse(json)).report();

        assertThat(report.status()).isEqualTo(ExecutionReport.Status.EXPIRED);
        assertThat(report.traded()).isTrue();
    }

    @Test
    void aCancelAfterAPartialFillIsAStatusWithWhatFilledBefore() {
        String json = UserDataPayloads.order("SL-SIG-1-1").set("S", "SELL")
                .status("CANCELED", "CANCELED", "0.004", "61234.60").json();

        UserDataEvent event = UserDataEvents.parse(json);

        assertThat(event).isEqualTo(new UserDataEvent.OrderStatus(new OrderStatusReport("SL-SIG-1-1", "BTCUSDT",
                OrderSide.SELL, OrderStatusReport.Status.CANCELED, new BigDecimal("0.004"), new BigDecimal("61234.60"),
                BigDecimal.ZERO, "USDT")));
    }

    @Test
    void anExpiryWithoutTradesHasNoAveragePrice() {
        String json = UserDataPayloads.order("E-SIG-2").status("EXPIRED", "EXPIRED", "0", "0").json();

        OrderStatusReport report = ((UserDataEvent.OrderStatus) UserDataEvents.parse(json)).report();

        assertThat(report.status()).isEqualTo(OrderStatusReport.Status.EXPIRED);
        assertThat(report.averagePrice()).isNull();
    }

    @Test
    void aLiquidationExecutionIsAnExchangeCloseOfPurposeLiquidation() {
        // Binance's liquidation order update: x=CALCULATED, o=LIQUIDATION, client id autoclose-…
        String json = UserDataPayloads.order("autoclose-1736163000000").set("S", "SELL").set("o", "LIQUIDATION")
                .set("ot", "LIQUIDATION").set("f", "IOC")
                .trade("0.010", "0.010", "58012.30", "0.23204920", "FILLED").set("x", "CALCULATED").json();

        assertThat(UserDataEvents.parse(json)).isEqualTo(new UserDataEvent.ExchangeClose(OrderPurpose.LIQUIDATION,
                new ExecutionReport("autoclose-1736163000000", "BTCUSDT", OrderSide.SELL,
                        ExecutionReport.Status.FILLED, new BigDecimal("0.010"), new BigDecimal("0.010"),
                        new BigDecimal("58012.30"), new BigDecimal("0.23204920"), "USDT")));
    }

    @Test
    void aCalculatedFrameWithOnlyItsCumulativeQuantityAndAveragePriceIsStillTheWholeClose() {
        String json = UserDataPayloads.order("autoclose-1").set("S", "SELL")
                .status("CALCULATED", "FILLED", "0.010", "50000").json();

        UserDataEvent.ExchangeClose close = (UserDataEvent.ExchangeClose) UserDataEvents.parse(json);

        assertThat(close.report().lastQuantity()).isEqualByComparingTo("0.010");
        assertThat(close.report().lastPrice()).isEqualByComparingTo("50000");
    }

    @Test
    void anAutoDeleverageTradeIsAnExchangeCloseAndItsAcknowledgementIsNotActedOn() {
        String trade = UserDataPayloads.order("adl_autoclose").set("S", "SELL")
                .trade("0.010", "0.010", "64900.00", "0", "FILLED").json();
        String acknowledged = UserDataPayloads.order("adl_autoclose").set("S", "SELL").json();

        assertThat(((UserDataEvent.ExchangeClose) UserDataEvents.parse(trade)).purpose())
                .isEqualTo(OrderPurpose.AUTO_DELEVERAGE);
        assertThat(UserDataEvents.parse(acknowledged)).isInstanceOf(UserDataEvent.Ignored.class);
    }

    @Test
    void aMarginCallNamesEachPositionAtRiskAndAnAmendmentIsNotActedOn() {
        String marginCall = "{\"e\":\"MARGIN_CALL\",\"E\":1736163000000,\"cw\":\"3.16812045\",\"p\":[{\"s\":\"ETHUSDT\","
                + "\"ps\":\"LONG\",\"pa\":\"1.327\",\"mt\":\"CROSSED\",\"iw\":\"0\",\"mp\":\"187.17127\","
                + "\"up\":\"-1.166074\",\"mm\":\"1.614445\"}]}";

        assertThat(UserDataEvents.parse(marginCall)).isEqualTo(new UserDataEvent.MarginCallWarning(List.of(
                new MarginCall("ETHUSDT", new BigDecimal("1.327"), "CROSSED", new BigDecimal("187.17127"),
                        new BigDecimal("-1.166074"), new BigDecimal("1.614445"), new BigDecimal("3.16812045"),
                        Instant.ofEpochMilli(1736163000000L)))));
        assertThatThrownBy(() -> UserDataEvents.parse("{\"e\":\"MARGIN_CALL\",\"E\":1}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("positions");
        assertThat(UserDataEvents.parse(UserDataPayloads.order("E-SIG-1").status("AMENDMENT", "NEW", "0", "0").json()))
                .isEqualTo(new UserDataEvent.Ignored("ORDER_TRADE_UPDATE/AMENDMENT"));
    }

    @Test
    void anAccountUpdateNamesItsReasonBalancesAndPositionsFlatOnesIncluded() {
        UserDataEvent event = UserDataEvents.parse(UserDataPayloads.accountUpdate("ORDER", "10012.5", "0"));

        UserDataEvent.AccountUpdate update = (UserDataEvent.AccountUpdate) event;
        assertThat(update.reason()).isEqualTo("ORDER");
        assertThat(update.walletBalances()).containsEntry("USDT", new BigDecimal("10012.5"));
        assertThat(update.positions()).containsExactly(new ExchangePosition("BTCUSDT", new BigDecimal("0")));
    }

    @Test
    void listenKeyExpiryIsRecognisedWhetherItsTimeIsANumberOrAString() {
        assertThat(UserDataEvents.parse(UserDataPayloads.listenKeyExpired("abc")))
                .isInstanceOf(UserDataEvent.ListenKeyExpired.class);
        assertThat(UserDataEvents.parse("{\"e\":\"listenKeyExpired\",\"E\":1576653824250,\"listenKey\":\"abc\"}"))
                .isInstanceOf(UserDataEvent.ListenKeyExpired.class);
    }

    @Test
    void errorFramesInBothDocumentedShapesBecomeStreamErrors() {
        assertThat(UserDataEvents.parse("{\"code\":2,\"msg\":\"Invalid request: unknown variant\"}"))
                .isEqualTo(new UserDataEvent.StreamError(2, "Invalid request: unknown variant"));
        assertThat(UserDataEvents.parse("{\"error\":{\"code\":3,\"msg\":\"Invalid JSON\"},\"id\":1}"))
                .isEqualTo(new UserDataEvent.StreamError(3, "Invalid JSON"));
    }

    @Test
    void rejectsATradeWhosePriceIsNotADecimal() {
        String nan = UserDataPayloads.order("E-SIG-1").trade("0.004", "0.004", "NaN", "0.1", "PARTIALLY_FILLED").json();

        assertThatThrownBy(() -> UserDataEvents.parse(nan)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'L'").hasMessageContaining("NaN");
    }

    @Test
    void rejectsATradeWithAnUnreadableFeeOrANumericQuantity() {
        String noFee = UserDataPayloads.order("E-SIG-1").trade("0.004", "0.004", "61234.6", "0.1", "PARTIALLY_FILLED")
                .set("n", "").json();
        String numeric = UserDataPayloads.order("E-SIG-1").trade("0.004", "0.004", "61234.6", "0.1", "FILLED")
                .set("l", 0.004).json();

        assertThatThrownBy(() -> UserDataEvents.parse(noFee)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'n'");
        assertThatThrownBy(() -> UserDataEvents.parse(numeric)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'l'");
    }

    @Test
    void rejectsATradeOfZeroQuantityAnUnknownStatusAndAnUnknownSide() {
        String zero = UserDataPayloads.order("E-SIG-1").trade("0", "0", "61234.6", "0", "FILLED").json();
        String status = UserDataPayloads.order("E-SIG-1").status("NEW", "PENDING", "0", "0").json();
        String side = UserDataPayloads.order("E-SIG-1").set("S", "HOLD").json();

        assertThatThrownBy(() -> UserDataEvents.parse(zero)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> UserDataEvents.parse(status)).hasMessageContaining("PENDING");
        assertThatThrownBy(() -> UserDataEvents.parse(side)).hasMessageContaining("HOLD");
    }

    @Test
    void rejectsTextThatIsNotAJsonObjectOrHasNoEventType() {
        assertThatThrownBy(() -> UserDataEvents.parse("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> UserDataEvents.parse("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> UserDataEvents.parse("{\"E\":1}")).hasMessageContaining("event type");
        assertThatThrownBy(() -> UserDataEvents.parse("{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1}"))
                .hasMessageContaining("'o'");
    }
}
