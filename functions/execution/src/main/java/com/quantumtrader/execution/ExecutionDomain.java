package com.quantumtrader.execution;

import com.quantumtrader.execution.policy.ExecutionPolicySection;
import com.quantumtrader.core.handler.DomainModule;
import com.quantumtrader.core.handler.DomainServices;
import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventFactory;
import com.quantumtrader.core.handler.HandlerDefinition;
import com.quantumtrader.core.outbox.Outbox;
import com.quantumtrader.events.BusEvent;
import com.quantumtrader.events.Domain;
import com.quantumtrader.execution.exchange.ExchangePort;
import com.quantumtrader.execution.exchange.FundingSchedule;
import com.quantumtrader.execution.exchange.SimulatedExchange;
import com.quantumtrader.execution.exchange.SimulatedExchangeSettings;
import com.quantumtrader.execution.orders.OrderManager;
import com.quantumtrader.execution.orders.RetryPolicy;
import com.quantumtrader.execution.slippage.SlippageMonitor;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The execution domain: approved signals become exchange orders, fills become events, an emergency stop flattens
 * everything. It runs as the always-on container (never a Lambda), so it is not registered for ServiceLoader; a
 * composition root builds it with the exchange it trades on.
 *
 * <p>{@link #paper(SimulatedExchangeSettings)} trades on the simulated exchange. The handlers and the
 * {@link #marketDataFeed(DomainServices) market-data feed} built from the same {@link DomainServices} share one
 * exchange and order book. All of their state is in {@code services.state()}: a new instance over the same store
 * continues where the last one stopped.
 *
 * <p>Execution's state changes and the events they cause are written together through a transactional outbox
 * ({@link Outbox}). A runtime calls {@link #publishingTo} before building the handlers: then every call publishes
 * its events itself (and returns none), and {@link #recover} on start publishes what a crash left and reconciles
 * with the exchange. Without it, calls hand their events back to the caller to publish.
 */
public final class ExecutionDomain implements DomainModule {

    private final SimulatedExchangeSettings settings;
    private final UnaryOperator<ExchangePort> orderPort;
    private EventDelivery delivery = EventDelivery.handingBack();
    private final FundingSchedule funding;
    private DomainServices engineServices;
    private ExecutionEngine engine;

    private ExecutionDomain(SimulatedExchangeSettings settings, UnaryOperator<ExchangePort> orderPort) {
        this(settings, orderPort, FundingSchedule.constant(settings.fundingRate()));
    }

    private ExecutionDomain(SimulatedExchangeSettings settings, UnaryOperator<ExchangePort> orderPort,
                            FundingSchedule funding) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.orderPort = Objects.requireNonNull(orderPort, "orderPort");
        this.funding = Objects.requireNonNull(funding, "funding");
    }

    /** The same, settling funding by {@code schedule} (e.g. historical rates) instead of the settings' constant rate. */
    public ExecutionDomain withFunding(FundingSchedule schedule) {
        return new ExecutionDomain(settings, orderPort, schedule);
    }

    /** Paper trading on the simulated exchange; e.g. {@code ExecutionDomain.paper(SimulatedExchangeSettings.defaults())}. */
    public static ExecutionDomain paper(SimulatedExchangeSettings settings) {
        return new ExecutionDomain(settings, UnaryOperator.identity());
    }

    /**
     * Paper trading with the order manager's calls to the exchange going through {@code orderPort} (given the
     * simulated exchange, it returns the port to use): the seam where a benchmark notes when an order leaves the
     * service. The market-data feed still drives the simulated exchange itself.
     */
    public static ExecutionDomain paper(SimulatedExchangeSettings settings, UnaryOperator<ExchangePort> orderPort) {
        return new ExecutionDomain(settings, orderPort);
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

    /** The feed that turns closed bars into fills and {@code market.price.update}, on the handlers' exchange. */
    public MarketDataFeed marketDataFeed(DomainServices services) {
        return new MarketDataFeed(engine(services));
    }

    private synchronized ExecutionEngine engine(DomainServices services) {
        Objects.requireNonNull(services, "services");
        if (engine == null || !services.equals(engineServices)) {
            // the venue keeps its own book in the store, outside execution's outbox: it stands for the exchange,
            // which a crash of ours does not roll back
            SimulatedExchange exchange = new SimulatedExchange(settings, services.state(), services.clock(), funding);
            Outbox outbox = new Outbox(services.state(), Domain.EXECUTION);
            SlippageMonitor slippage = new SlippageMonitor(outbox.state(), () -> ExecutionPolicySection.of(services.policy().current()));
            engine = new ExecutionEngine(exchange,
                    new OrderManager(Objects.requireNonNull(orderPort.apply(exchange), "order port"), outbox,
                            services.clock(), slippage, RetryPolicy.defaults()), outbox, delivery);
            engineServices = services;
        }
        return engine;
    }
}
