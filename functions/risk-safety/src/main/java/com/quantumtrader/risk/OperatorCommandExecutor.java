package com.quantumtrader.risk;

import com.quantumtrader.core.handler.Emit;
import com.quantumtrader.core.handler.EventHandler;
import com.quantumtrader.core.handler.InboundEvent;
import com.quantumtrader.events.EventCatalog;
import com.quantumtrader.events.os.OperatorCommand;
import com.quantumtrader.risk.store.OperatorCommandStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code os.operator.command}: carries out an operator's command from the admin API on the safety switches, under
 * the operator's identity (the audit trail names them). EMERGENCY_STOP latches the emergency stop and orders the
 * flatten; EMERGENCY_RESET and CIRCUIT_BREAKER_RESET release the switch with the operator's reason.
 *
 * <p>A command is carried out once per {@code command_id}: the runtime only dedupes redelivered events, while an
 * API retry publishes a new event for the same command, which must not latch, reset or audit a second time.
 */
final class OperatorCommandExecutor implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorCommandExecutor.class);
    private final RiskControls controls;
    private final OperatorCommandStore done;

    OperatorCommandExecutor(RiskControls controls, OperatorCommandStore done) {
        this.controls = controls;
        this.done = done;
    }

    @Override
    public List<Emit> handle(InboundEvent event) {
        OperatorCommand command = event.payload(EventCatalog.OS_OPERATOR_COMMAND);
        // atomic claim: of two concurrent deliveries of one command, only the first carries it out
        if (!done.claim(command.commandId())) {
            LOG.info("operator command {} ({}) already carried out; ignored", command.commandId(), command.command());
            return List.of();
        }
        try {
            return execute(command);
        } catch (IllegalArgumentException e) {
            // blank reason or operator: refused for good, a retry of the same command would fail the same way
            LOG.error("operator command {} {} by {} refused: {}", command.commandId(), command.command(),
                    command.requestedBy(), e.getMessage());
            return List.of();
        } catch (RuntimeException e) {
            // the store failed midway: forget the claim so the redelivery carries the command out
            done.forget(command.commandId());
            throw e;
        }
    }

    private List<Emit> execute(OperatorCommand command) {
        String operator = command.requestedBy();
        return switch (command.command()) {
            case EMERGENCY_STOP -> {
                List<Emit> stop = controls.triggerEmergencyStop(command.reason(), operator);
                if (stop.isEmpty()) {
                    LOG.warn("operator {} asked for the emergency stop ({}): already latched", operator,
                            command.commandId());
                } else {
                    LOG.error("EMERGENCY STOP latched by operator {}: {} ({})", operator, command.reason(),
                            command.commandId());
                }
                yield stop;
            }
            case EMERGENCY_RESET -> {
                boolean wasLatched = controls.resetEmergencyStop(command.reason(), operator);
                LOG.warn("operator {} reset the emergency stop ({}): {}; {}", operator, command.commandId(),
                        command.reason(), wasLatched ? "signals are checked again" : "it was not latched");
                yield List.of();
            }
            case CIRCUIT_BREAKER_RESET -> {
                boolean wasOpen = controls.resetCircuitBreaker(command.reason(), operator);
                LOG.warn("operator {} reset the circuit breaker ({}): {}; {}", operator, command.commandId(),
                        command.reason(), wasOpen ? "entries are open again" : "it was not open");
                yield List.of();
            }
        };
    }
}
