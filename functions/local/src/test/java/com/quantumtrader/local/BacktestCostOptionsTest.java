package com.quantumtrader.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The backtest's cost options: documented, and a bad value stops the run before it starts, with exit code 2. */
class BacktestCostOptionsTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    Result backtest(String... options) {
        List<String> args = new ArrayList<>(List.of("backtest", "--data", dir.resolve("BTCUSDT-1h-2025.csv")
                .toString()));
        args.addAll(List.of(options));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = QuantumLocal.commandLine();
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void helpDocumentsEveryCostOption() {
        StringWriter out = new StringWriter();
        CommandLine command = QuantumLocal.commandLine();
        command.setOut(new PrintWriter(out));

        command.execute("backtest", "--help");

        assertThat(out.toString()).contains("--taker-fee=RATE", "--maker-fee=RATE", "--spread-bps=BPS",
                "--range-slippage=FRACTION", "--funding-rate=RATE", "--no-funding");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--taker-fee      | -0.0001  | --taker-fee must be between 0 and 0.01, got -0.0001",
        "--taker-fee      | 0.02     | --taker-fee must be between 0 and 0.01, got 0.02",
        "--maker-fee      | -1       | --maker-fee must be between 0 and 0.01, got -1",
        "--spread-bps     | -0.5     | --spread-bps must be between 0 and 1000, got -0.5",
        "--range-slippage | 1.5      | --range-slippage must be between 0 and 1, got 1.5",
        "--range-slippage | -0.01    | --range-slippage must be between 0 and 1, got -0.01",
        "--funding-rate   | 0.2      | --funding-rate must be between -0.05 and 0.05, got 0.2",
    })
    void refusesACostOutsideItsRangeWithExitCode2(String option, String value, String message) {
        Result result = backtest(option, value);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("invalid input: ").contains(message);
        assertThat(result.out()).doesNotContain("Quantum Trader backtest");
    }

    @ParameterizedTest
    @CsvSource({"--taker-fee,NaN", "--maker-fee,Infinity", "--spread-bps,-Infinity", "--range-slippage,five",
        "--funding-rate,NaN"})
    void refusesACostThatIsNotANumberWithExitCode2(String option, String value) {
        Result result = backtest(option, value);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains(option).contains("'" + value + "'");
    }

    @Test
    void listsEveryBadCostAtOnce() {
        Result result = backtest("--taker-fee", "-1", "--spread-bps", "-2");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--taker-fee must be between").contains("--spread-bps must be between");
    }

    @Test
    void refusesAFundingRateWithFundingSwitchedOff() {
        Result result = backtest("--funding-rate", "0.0001", "--no-funding");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--funding-rate and --no-funding exclude each other");
    }

    @Test
    void aNegativeFundingRateIsAMarketWhereShortsPayAndAllowed() {
        CostModel costs = CostModel.defaults().withFundingRate(new java.math.BigDecimal("-0.0003"));

        assertThat(costs.exchangeSettings().fundingRate()).isEqualByComparingTo("-0.0003");
        assertThat(costs.json().get("funding_rate_per_interval").decimalValue()).isEqualByComparingTo("-0.0003");
    }

    @Test
    void fundingIsTheSimulatedExchangesAndOffMeansARateOfZero() {
        assertThat(CostModel.defaults().exchangeSettings().fundingRate())
                .isEqualByComparingTo(SimulatedExchangeSettings.DEFAULT_FUNDING_RATE);
        assertThat(CostModel.defaults().withFundingRate(new java.math.BigDecimal("0.0003")).exchangeSettings()
                .fundingRate()).isEqualByComparingTo("0.0003");
        assertThat(CostModel.defaults().withoutFunding().exchangeSettings().fundingRate()).isZero();
    }

    @Test
    void theCostModelReachesTheSimulatedExchange() {
        CostModel costs = CostModel.defaults().withFees(new java.math.BigDecimal("0.0007"),
                new java.math.BigDecimal("0.0001")).withSlippage(java.math.BigDecimal.ONE,
                new java.math.BigDecimal("0.1")).withoutFunding();

        assertThat(costs.exchangeSettings().takerFeeRate()).isEqualByComparingTo("0.0007");
        assertThat(costs.exchangeSettings().makerFeeRate()).isEqualByComparingTo("0.0001");
        assertThat(costs.exchangeSettings().baseSpreadBps()).isEqualByComparingTo("1");
        assertThat(costs.exchangeSettings().rangeSlippageFraction()).isEqualByComparingTo("0.1");
        assertThat(costs.exchangeSettings().fundingRate()).isZero();
        assertThat(costs.fundingEnabled()).isFalse();
    }
}
