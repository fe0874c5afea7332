package io.recoup.app;

import io.recoup.core.dunning.CustomerCase;
import io.recoup.core.dunning.CustomerProfile;
import io.recoup.core.dunning.DunningEngine;
import io.recoup.core.dunning.DunningItem;
import io.recoup.core.dunning.PolicySimulator;
import io.recoup.core.dunning.RiskScore;
import io.recoup.core.dunning.SimulatedAction;
import io.recoup.core.ledger.CustomerKey;
import io.recoup.core.ledger.LedgerRecord;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.DunningPolicy;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A preview or back-test of a policy: the given customers and items, day by day through the engine, each planned
 * notice taken as sent. Nothing is stored and nothing leaves the machine.
 */
final class Simulation {
    private final List<CustomerCase> cases;

    private Simulation(List<CustomerCase> cases) {
        this.cases = List.copyOf(cases);
    }

    /** From a ledger export: customers numbered in order of appearance, items as exported, nothing sent yet. */
    static Simulation ofRecords(List<LedgerRecord> records) {
        Map<CustomerKey, CustomerProfile> customers = new LinkedHashMap<>();
        Map<CustomerKey, List<DunningItem>> items = new LinkedHashMap<>();
        long itemId = 0;
        for (LedgerRecord r : records) {
            CustomerProfile profile = customers.computeIfAbsent(r.customer().key(), k -> {
                Set<Channel> reachable = Channel.reachableWith(r.customer().email().isPresent(), r.customer().phone().isPresent());
                return new CustomerProfile(customers.size() + 1L, r.customer().segment(), r.customer().timeZone(), reachable,
                        Set.of(), List.of(), RiskScore.unknown());
            });
            items.computeIfAbsent(r.customer().key(), k -> new ArrayList<>())
                    .add(DunningItem.of(++itemId, r.item().number(), r.item().dueDate(), r.item().openAmount()));
        }
        List<CustomerCase> cases = new ArrayList<>();
        customers.forEach((key, profile) -> cases.add(new CustomerCase(profile, items.get(key), io.recoup.core.dunning.ContactLog.empty())));
        return new Simulation(cases);
    }

    /** From the stored ledger as it stands, with what was already sent and every pause. */
    static Simulation ofCases(List<CustomerCase> cases) {
        return new Simulation(cases);
    }

    int items() {
        return cases.stream().mapToInt(c -> c.items().size()).sum();
    }

    List<SimulatedAction> run(DunningPolicy policy, Set<Channel> channels, LocalDate from, LocalDate to) {
        PolicySimulator simulator = new PolicySimulator(new DunningEngine(policy, channels));
        for (CustomerCase c : cases) {
            simulator.addCustomer(c.customer());
            c.items().forEach(i -> simulator.addItem(c.customer().id(), i));
        }
        List<SimulatedAction> actions = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            actions.addAll(simulator.runDay(day, LocalTime.of(9, 0)));
        }
        return actions;
    }
}
