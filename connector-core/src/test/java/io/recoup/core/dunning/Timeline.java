package io.recoup.core.dunning;

import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.core.policy.PolicyLoader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Drives a simulator day by day and collects what was sent, with events applied on given days. */
final class Timeline {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String LADDER = """
            ladders:
              standard:
                steps:
                  - id: pre-due-email
                    offset-days: -3
                    channels: [email]
                    template: reminder-pre-due
                  - id: due-email
                    offset-days: 0
                    channels: [email, sms]
                    template: reminder-due
                  - id: overdue-call
                    offset-days: 3
                    channels: [call]
                    template: call-task
                  - id: overdue-whatsapp
                    offset-days: 7
                    channels: [whatsapp, sms, email]
                    template: reminder-overdue
                  - id: overdue-repeat
                    offset-days: 14
                    repeat-every-days: 7
                    until-offset-days: 28
                    channels: [email]
                    template: reminder-overdue
                escalation:
                  offset-days: 35
                  action: agency
                  template: escalation-agency
            """;

    final PolicySimulator simulator;
    private final Map<LocalDate, List<Consumer<PolicySimulator>>> events = new HashMap<>();
    private final Set<LocalDate> down = new java.util.HashSet<>();
    final Map<LocalDate, List<CustomerPlan>> plans = new HashMap<>();
    final List<SimulatedAction> actions = new ArrayList<>();

    Timeline(String policyTail, Set<Channel> configured) {
        this(PolicyLoader.withBundledSchema().load("test.yaml", "policy: test\nversion: 7\n" + LADDER + policyTail), configured);
    }

    private Timeline(DunningPolicy policy, Set<Channel> configured) {
        this.simulator = new PolicySimulator(new DunningEngine(policy, configured));
    }

    /** A timeline under one of the ready-made policies ({@code recoup/policies/<name>.yaml}), as shipped. */
    static Timeline bundled(String name, Set<Channel> configured) {
        return bundled(name, "", configured);
    }

    /** A ready-made policy with {@code tail} added at its end (e.g. an {@code onboarding:} section). */
    static Timeline bundled(String name, String tail, Set<Channel> configured) {
        return bundled(name, yaml -> yaml + tail, configured);
    }

    /** A ready-made policy as {@code edit} changes its text (e.g. a {@code skip-if} on one step). */
    static Timeline bundled(String name, java.util.function.UnaryOperator<String> edit, Set<Channel> configured) {
        String path = "/recoup/policies/" + name + ".yaml";
        try (java.io.InputStream in = Timeline.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException(path + " is not on the test classpath");
            }
            String yaml = edit.apply(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            return new Timeline(PolicyLoader.withBundledSchema().load(name + ".yaml", yaml), configured);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Timeline(String policyTail) {
        this(policyTail, EnumSet.of(Channel.EMAIL, Channel.SMS, Channel.WHATSAPP));
    }

    static CustomerProfile customer(long id, ZoneId zone, Set<Channel> reachable, Set<Channel> optedOut) {
        return new CustomerProfile(id, "b2b", zone, reachable, optedOut, List.of(), RiskScore.unknown());
    }

    static CustomerProfile customer(long id) {
        return customer(id, BERLIN, EnumSet.of(Channel.EMAIL, Channel.SMS, Channel.WHATSAPP), Set.of());
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    Timeline with(CustomerProfile customer) {
        simulator.addCustomer(customer);
        return this;
    }

    Timeline item(long customerId, long itemId, LocalDate due, String open) {
        simulator.addItem(customerId, DunningItem.of(itemId, "INV-" + itemId, due, eur(open)));
        return this;
    }

    Timeline on(LocalDate day, Consumer<PolicySimulator> event) {
        events.computeIfAbsent(day, d -> new ArrayList<>()).add(event);
        return this;
    }

    /** The engine does not run on these days (downtime). */
    Timeline downBetween(LocalDate from, LocalDate to) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            down.add(d);
        }
        return this;
    }

    List<String> run(LocalDate from, int days, LocalTime at) {
        List<String> sent = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(from.plusDays(days)); day = day.plusDays(1)) {
            events.getOrDefault(day, List.of()).forEach(e -> e.accept(simulator));
            if (!down.contains(day)) {
                List<SimulatedAction> today = simulator.runDay(day, at);
                actions.addAll(today);
                today.forEach(a -> sent.add(a.summary()));
                plans.put(day, simulator.lastPlans());
            }
        }
        return sent;
    }

    /** The decisions for one item on one day, as "OUTCOME reason". */
    List<String> decisions(LocalDate day, long itemId) {
        return plans.getOrDefault(day, List.of()).stream().flatMap(p -> p.decisions().stream())
                .filter(d -> d.itemId() == itemId).map(d -> d.outcome() + " " + d.reason()).toList();
    }

    SimulatedAction action(String summary) {
        return actions.stream().filter(a -> a.summary().equals(summary)).findFirst().orElseThrow();
    }

    List<String> run(LocalDate from, int days) {
        return run(from, days, LocalTime.of(10, 0));
    }
}
