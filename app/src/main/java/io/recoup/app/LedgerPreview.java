package io.recoup.app;

import io.recoup.core.dunning.CustomerCase;
import io.recoup.core.dunning.DunningItem;
import io.recoup.core.dunning.SimulatedAction;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.store.Database;
import io.recoup.store.plan.CustomerCaseReader;
import io.recoup.store.plan.CustomerName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A draft policy and the live one run side by side over the stored ledger (the open items in PostgreSQL, with what
 * was already sent and every pause) for the next days, through the same {@link Simulation} the {@code simulate}
 * command uses: nothing is sent and nothing is stored. The work is bounded: at most {@link #MAX_CUSTOMERS} customers
 * with open items, in customer order (the same ones every run), simulated {@link #CHUNK} customers at a time so the
 * cost grows with the items, not with their square; the answer says how many it covered.
 */
public final class LedgerPreview {
    /**
     * Customers a preview covers at most: about 50,000 open items at ten per customer. The engine decides each item on
     * each day for both policies, so 30 days of 20,000 customers took minutes at 1,000,000 items (the dashboard bench):
     * longer than a person waits for an answer to a request.
     */
    public static final int MAX_CUSTOMERS = 5_000;
    /** Days a preview may look ahead at most. */
    public static final int MAX_DAYS = 90;
    /** Items in the sample. */
    public static final int SAMPLE = 20;
    /** Customers per simulator: customers never share a cap, so they can be simulated apart. */
    static final int CHUNK = 500;

    private final Database db;
    private final Set<Channel> channels;
    private final int maxCustomers;

    public LedgerPreview(Database db, Set<Channel> channels) {
        this(db, channels, MAX_CUSTOMERS);
    }

    LedgerPreview(Database db, Set<Channel> channels, int maxCustomers) {
        this.db = db;
        this.channels = Set.copyOf(channels);
        this.maxCustomers = maxCustomers;
    }

    /** What one policy would do: actions per day and channel, customers reached, tasks for a person, items left alone. */
    public record Outcome(String policy, Map<LocalDate, Map<String, Long>> actionsPerDay, long actions, long customersReached,
                          long tasksForAPerson, long itemsWithoutAction) {}

    /** One item of the sample and what each policy would do with it (empty: no action in the period), with why. */
    public record SampleItem(String customer, String customerName, String item, List<String> live, List<String> draft) {}

    /** The two outcomes, the sample, and how much of the ledger was looked at. */
    public record Preview(LocalDate from, LocalDate to, Outcome live, Outcome draft, List<SampleItem> sample, long customers,
                          long items, boolean bounded) {}

    public Preview compare(DunningPolicy live, DunningPolicy draft, LocalDate from, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days: a preview looks 1 to " + MAX_DAYS + " days ahead, not " + days);
        }
        LocalDate to = from.plusDays(days - 1L);
        Tally liveTally = new Tally(label(live));
        Tally draftTally = new Tally(label(draft));
        List<SampleItem> sample = new ArrayList<>();
        long[] seen = {0, 0};
        boolean[] bounded = {false};
        db.inTransaction(() -> new CustomerCaseReader(db).forEachBatchWhile(from, batch -> {
            List<CustomerCase> cases = batch.subList(0, (int) Math.min(batch.size(), maxCustomers - seen[0]));
            for (int i = 0; i < cases.size(); i += CHUNK) {
                List<CustomerCase> chunk = cases.subList(i, Math.min(cases.size(), i + CHUNK));
                Simulation simulation = Simulation.ofCases(chunk, Map.of());
                Simulation.Explained byLive = simulation.explained(live, channels, from, to);
                Simulation.Explained byDraft = simulation.explained(draft, channels, from, to);
                liveTally.add(chunk, byLive.actions());
                draftTally.add(chunk, byDraft.actions());
                sample(chunk, byLive, byDraft, sample);
                seen[1] += simulation.items();
            }
            seen[0] += cases.size();
            // at the bound there may be more customers; the answer says it stopped rather than claim it saw them all
            bounded[0] = seen[0] >= maxCustomers;
            return !bounded[0];
        }));
        return new Preview(from, to, liveTally.outcome(), draftTally.outcome(), named(sample), seen[0], seen[1], bounded[0]);
    }

    private static String label(DunningPolicy policy) {
        return policy.id() + " v" + policy.version();
    }

    private static void sample(List<CustomerCase> chunk, Simulation.Explained live, Simulation.Explained draft,
                               List<SampleItem> sample) {
        Map<String, List<String>> byLive = byItem(live.actions());
        Map<String, List<String>> byDraft = byItem(draft.actions());
        for (CustomerCase c : chunk) {
            for (DunningItem item : c.items()) {
                if (sample.size() == SAMPLE) {
                    return;
                }
                String key = key(c.customer().id(), item.number());
                sample.add(new SampleItem(String.valueOf(c.customer().id()), "", item.number(),
                        whatAndWhy(byLive.get(key), live, item), whatAndWhy(byDraft.get(key), draft, item)));
            }
        }
    }

    /** The item's actions, or, when it got none, why not (the engine's word on the last day). */
    private static List<String> whatAndWhy(List<String> actions, Simulation.Explained run, DunningItem item) {
        if (actions != null) {
            return actions;
        }
        return List.of("no action: " + run.idleReasons().getOrDefault(item.itemId(), "nothing falls due in the period"));
    }

    private static Map<String, List<String>> byItem(List<SimulatedAction> actions) {
        Map<String, List<String>> byItem = new HashMap<>();
        for (SimulatedAction a : actions) {
            String what = a.day() + " " + a.step() + " by " + a.channel().label() + " (" + a.template() + "): " + a.reason();
            a.items().forEach(number -> byItem.computeIfAbsent(key(a.customerId(), number), k -> new ArrayList<>()).add(what));
        }
        return byItem;
    }

    /** The sample's customers by their ledger id and name, read for those twenty items only. */
    private List<SampleItem> named(List<SampleItem> sample) {
        Map<Long, CustomerName> names = new HashMap<>();
        sample.forEach(s -> names.computeIfAbsent(Long.parseLong(s.customer()), id -> db.jdbc().queryForObject(
                "select external_id, name from customer where id = ?", (rs, n) -> new CustomerName(rs.getString(1), rs.getString(2)), id)));
        return sample.stream().map(s -> {
            CustomerName name = names.get(Long.parseLong(s.customer()));
            return new SampleItem(name.ledgerId(), name.name(), s.item(), s.live(), s.draft());
        }).toList();
    }

    static String key(long customerId, String number) {
        return customerId + "/" + number;
    }

    /** The running counts of one policy over the chunks. */
    private static final class Tally {
        private final String policy;
        private final Map<LocalDate, Map<String, Long>> perDay = new TreeMap<>();
        private long actions;
        private long reached;
        private long tasks;
        private long alone;

        Tally(String policy) {
            this.policy = policy;
        }

        void add(List<CustomerCase> chunk, List<SimulatedAction> run) {
            Set<Long> customers = new HashSet<>();
            Set<String> acted = new HashSet<>();
            for (SimulatedAction a : run) {
                perDay.computeIfAbsent(a.day(), d -> new TreeMap<>()).merge(a.channel().label(), 1L, Long::sum);
                actions++;
                if (a.channel().reachesCustomer()) {
                    customers.add(a.customerId());
                } else if (a.channel() == Channel.CALL || a.channel() == Channel.TASK) {
                    tasks++;
                }
                a.items().forEach(number -> acted.add(key(a.customerId(), number)));
            }
            reached += customers.size();
            for (CustomerCase c : chunk) {
                alone += c.items().stream().filter(i -> !acted.contains(key(c.customer().id(), i.number()))).count();
            }
        }

        Outcome outcome() {
            return new Outcome(policy, perDay, actions, reached, tasks, alone);
        }
    }
}
