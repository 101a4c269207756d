package com.quantumtrader.execution;

import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.market.LatestPrices;
import com.quantumtrader.core.outbox.Outbox;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.execution.exchange.FundingSchedule;
import com.quantumtrader.execution.exchange.SimulatedExchange;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import com.quantumtrader.execution.marketdata.LivePriceFeed;
import com.quantumtrader.execution.policy.ExecutionPolicy;
import com.quantumtrader.execution.policy.ExecutionPolicySection;
import com.quantumtrader.execution.orders.OrderManager;
import com.quantumtrader.execution.orders.RetryPolicy;
import com.quantumtrader.execution.slippage.SlippageMonitor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The execution domain: approved signals become exchange orders, fills become events, an emergency stop flattens
 * everything. It runs as the always-on container (never a Lambda), so it is not registered for ServiceLoader; a
 * composition root builds it over the exchange it trades on and the market-data feed that goes with it:
 * <ul>
 *   <li>{@link #paper} — the simulated exchange, moved by closed bars ({@link #marketDataFeed}: synthetic or
 *       replayed bars, the backtest's and paper trading's feed);</li>
 *   <li>{@link #live} — a real exchange (Binance USD-M): its fills arrive on its user-data stream
 *       ({@link #liveAccount}) and its prices on its market streams ({@link #livePriceFeed}).</li>
 * </ul>
 * Both are wired in one place ({@link #engine}): the same order manager, outbox and slippage monitor, every
 * threshold read from the policy's {@code execution} section at each use. All state is in {@code services.state()}:
 * a new instance over the same store continues where the last one stopped.
 *
 * <p>Execution's state changes and the events they cause are written together through a transactional outbox
 * ({@link Outbox}). A runtime calls {@link #publishingTo} before building the handlers: then every call publishes
 * its events itself (and returns none), and {@link #recover} on start publishes what a crash left and reconciles
 * with the exchange. Without it, calls hand their events back to the caller to publish.
 */
public final class ExecutionDomain implements DomainModule {

    /** The exchange of one services instance: the simulated venue the bars move (paper only) and the order port. */
    private record Venue(SimulatedExchange simulated, ExchangePort orders) {
    }

    private final Function<DomainServices, Venue> venues;
    private final Function<FundingSchedule, ExecutionDomain> withFunding;
    private EventDelivery delivery = EventDelivery.handingBack();
    private DomainServices engineServices;
    private ExecutionEngine engine;
    private LiveAccount account;

    private ExecutionDomain(Function<DomainServices, Venue> venues,
                            Function<FundingSchedule, ExecutionDomain> withFunding) {
        this.venues = venues;
        this.withFunding = withFunding;
    }

    /** Paper trading on the simulated exchange; e.g. {@code ExecutionDomain.paper(SimulatedExchangeSettings.defaults())}. */
    public static ExecutionDomain paper(SimulatedExchangeSettings settings) {
        return paper(settings, UnaryOperator.identity());
    }

    /**
     * Paper trading with the order manager's calls to the exchange going through {@code orderPort} (given the
     * simulated exchange, it returns the port to use): the seam where a benchmark notes when an order leaves the
     * service. The market-data feed still drives the simulated exchange itself.
     */
    public static ExecutionDomain paper(SimulatedExchangeSettings settings, UnaryOperator<ExchangePort> orderPort) {
        Objects.requireNonNull(settings, "settings");
        return paper(settings, orderPort, FundingSchedule.constant(settings.fundingRate()));
    }

    private static ExecutionDomain paper(SimulatedExchangeSettings settings, UnaryOperator<ExchangePort> orderPort,
                                         FundingSchedule funding) {
        Objects.requireNonNull(orderPort, "orderPort");
        Objects.requireNonNull(funding, "funding");
        // the venue keeps its own book in the store, outside execution's outbox: it stands for the exchange,
        // which a crash of ours does not roll back
        return new ExecutionDomain(services -> {
            SimulatedExchange exchange = new SimulatedExchange(settings, services.state(), services.clock(), funding);
            return new Venue(exchange, Objects.requireNonNull(orderPort.apply(exchange), "order port"));
        }, schedule -> paper(settings, orderPort, schedule));
    }

    /**
     * Trading on a real exchange (e.g. {@code BinanceExchange}): fills come from its stream through
     * {@link #liveAccount}, not from bars.
     */
    public static ExecutionDomain live(ExchangePort exchange) {
        Objects.requireNonNull(exchange, "exchange");
        return new ExecutionDomain(services -> new Venue(null, exchange), schedule -> {
            throw new IllegalStateException("a real exchange settles its own funding");
        });
    }

    /** The same, settling funding by {@code schedule} (e.g. historical rates) instead of the settings' constant rate. */
    public ExecutionDomain withFunding(FundingSchedule schedule) {
        return withFunding.apply(Objects.requireNonNull(schedule, "schedule"));
    }

    /**
     * Every call publishes execution's events to {@code publisher} through the outbox, ids and times from
     * {@code events}, and returns none. Call before {@link #handlers}.
     */
    public synchronized ExecutionDomain publishingTo(EventFactory events, Consumer<BusEvent> publisher) {
        if (engine != null) {
            throw new IllegalStateException("choose how events are published before building the handlers");
        }
        this.delivery = EventDelivery.publishing(events, publisher);
        return this;
    }

    /**
     * On start, once every subscriber is wired: publishes what a previous process committed and could not publish,
     * then reconciles orders and positions with the exchange (fills made while down, a position nobody knows is
     * adopted and protected). Returns the events only when they are handed back.
     */
    public List<Emit> recover(DomainServices services) {
        return engine(services).recover();
    }

    @Override
    public Domain domain() {
        return Domain.EXECUTION;
    }

    @Override
    public List<HandlerDefinition> handlers(DomainServices services) {
        ExecutionEngine shared = engine(services);
        return List.of(
                new HandlerDefinition("signal_executor", Domain.EXECUTION, shared::onApproval),
                new HandlerDefinition("emergency_flattener", Domain.EXECUTION, shared::onEmergencyStop),
                new HandlerDefinition("protective_stop_mover", Domain.EXECUTION, shared::onStopAdjusted));
    }

    /** Paper: the feed that turns closed bars into fills and {@code market.price.update}, on the handlers' exchange. */
    public MarketDataFeed marketDataFeed(DomainServices services) {
        return new MarketDataFeed(engine(services));
    }

    /**
     * Live: where the exchange's user-data stream and REST catch-ups enter (trades, order updates, account updates,
     * exchange-made closes, margin calls), serialised with the handlers on the same order manager.
     */
    public synchronized LiveAccount liveAccount(DomainServices services) {
        ExecutionEngine shared = engine(services);
        if (account == null || account.engine() != shared) {
            account = new LiveAccount(shared, services.state());
        }
        return account;
    }

    /**
     * Live: the feed that turns the exchange's market streams into {@code market.price.update} and the latest
     * prices, its large-move threshold read from the policy at every update.
     */
    public LivePriceFeed livePriceFeed(DomainServices services, LatestPrices prices, Duration quoteInterval) {
        Supplier<ExecutionPolicy> policy = executionPolicy(services);
        return new LivePriceFeed(prices, services.clock(), () -> policy.get().largeMoveBps(), quoteInterval);
    }

    /** The policy's {@code execution} section as in force now: every execution setting is read through this. */
    private static Supplier<ExecutionPolicy> executionPolicy(DomainServices services) {
        return () -> ExecutionPolicySection.of(services.policy().current());
    }

    /** The one wiring of paper and live: exchange, outbox, slippage monitor and order manager over the services. */
    private synchronized ExecutionEngine engine(DomainServices services) {
        Objects.requireNonNull(services, "services");
        if (engine == null || !services.equals(engineServices)) {
            Venue venue = venues.apply(services);
            Outbox outbox = new Outbox(services.state(), Domain.EXECUTION);
            SlippageMonitor slippage = new SlippageMonitor(outbox.state(), executionPolicy(services));
            engine = new ExecutionEngine(venue.simulated(), new OrderManager(venue.orders(), outbox,
                    services.clock(), slippage, RetryPolicy.defaults()), outbox, delivery);
            engineServices = services;
        }
        return engine;
    }
}
