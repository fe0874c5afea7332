package io.recoup.app;

import io.recoup.core.dunning.ContactLog;
import io.recoup.core.dunning.CustomerCase;
import io.recoup.core.dunning.CustomerProfile;
import io.recoup.core.dunning.Decision;
import io.recoup.core.dunning.DunningEngine;
import io.recoup.core.dunning.DunningItem;
import io.recoup.core.dunning.PolicySimulator;
import io.recoup.core.dunning.RiskScore;
import io.recoup.core.dunning.SimulatedAction;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.store.plan.CustomerName;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A preview or back-test of a policy: the given customers and items, day by day through the engine, each planned
 * notice taken as sent. Nothing is stored and nothing leaves the machine. Customers are shown by the ledger's own id
 * and name, never by a number that exists only inside this run.
 */
final class Simulation {
    private final List<CustomerCase> cases;
    private final Map<Long, CustomerName> names;
    private final Map<Long, ZoneId> zones = new HashMap<>();

    private Simulation(List<CustomerCase> cases, Map<Long, CustomerName> names) {
        this.cases = List.copyOf(cases);
        this.names = Map.copyOf(names);
        cases.forEach(c -> zones.put(c.customer().id(), c.customer().zone()));
    }

    /** From a ledger export: customers numbered in order of appearance, items as exported, nothing sent yet. */
    static Simulation ofRecords(List<LedgerRecord> records) {
        Map<CustomerKey, CustomerProfile> customers = new LinkedHashMap<>();
        Map<CustomerKey, List<DunningItem>> items = new LinkedHashMap<>();
        Map<Long, CustomerName> names = new HashMap<>();
        long itemId = 0;
        for (LedgerRecord r : records) {
            CustomerProfile profile = customers.computeIfAbsent(r.customer().key(), k -> {
                Set<Channel> reachable = Channel.reachableWith(r.customer().email().isPresent(), r.customer().phone().isPresent());
                long id = customers.size() + 1L;
                names.put(id, new CustomerName(k.externalId(), r.customer().name()));
                return new CustomerProfile(id, r.customer().segment(), r.customer().timeZone(), reachable,
                        Set.of(), List.of(), RiskScore.unknown());
            });
            items.computeIfAbsent(r.customer().key(), k -> new ArrayList<>())
                    .add(DunningItem.of(++itemId, r.item().number(), r.item().dueDate(), r.item().openAmount()));
        }
        List<CustomerCase> cases = new ArrayList<>();
        customers.forEach((key, profile) -> cases.add(new CustomerCase(profile, items.get(key), ContactLog.empty())));
        return new Simulation(cases, names);
    }

    /** From the stored ledger as it stands, with what was already sent and every pause. */
    static Simulation ofCases(List<CustomerCase> cases, Map<Long, CustomerName> names) {
        return new Simulation(cases, names);
    }

    int items() {
        return cases.stream().mapToInt(c -> c.items().size()).sum();
    }

    /** The customer of an action as people know it. */
    CustomerName name(long customerId) {
        return names.getOrDefault(customerId, new CustomerName("#" + customerId, ""));
    }

    /** When a notice would go out, in its customer's own time (quiet hours move it). */
    String localTime(SimulatedAction action) {
        return action.sendAfter().atZone(zones.getOrDefault(action.customerId(), ZoneId.of("UTC"))).toOffsetDateTime().toString();
    }

    List<SimulatedAction> run(DunningPolicy policy, Set<Channel> channels, LocalDate from, LocalDate to) {
        return explained(policy, channels, from, to).actions();
    }

    /** A run's actions, and the engine's reason on the last day for each item it did not act on then (paused, held...). */
    record Explained(List<SimulatedAction> actions, Map<Long, String> idleReasons) {}

    Explained explained(DunningPolicy policy, Set<Channel> channels, LocalDate from, LocalDate to) {
        PolicySimulator simulator = new PolicySimulator(new DunningEngine(policy, channels));
        for (CustomerCase c : cases) {
            simulator.addCustomer(c.customer());
            c.items().forEach(i -> simulator.addItem(c.customer().id(), i));
        }
        List<SimulatedAction> actions = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            actions.addAll(simulator.runDay(day, LocalTime.of(9, 0)));
        }
        Map<Long, String> idle = new HashMap<>();
        simulator.lastPlans().forEach(plan -> plan.decisions().stream().filter(d -> d.outcome() != Decision.Outcome.PLANNED)
                .forEach(d -> idle.put(d.itemId(), d.reason())));
        return new Explained(actions, idle);
    }
}
