package io.recoup.core.dunning;

import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small in-memory world for previews and back-tests: customers and items, day by day through the engine, every
 * planned notice taken as sent (the steps are recorded as done and the contact counts toward caps). Payments,
 * disputes, promises, plans, bounces and manual overrides can be applied between days. Sends nothing anywhere.
 */
public final class PolicySimulator {
    private final DunningEngine engine;
    private final Map<Long, CustomerProfile> customers = new LinkedHashMap<>();
    private final Map<Long, ItemState> items = new LinkedHashMap<>();
    private final Map<Long, List<ContactLog.Contact>> contacts = new HashMap<>();
    private final Map<Long, Map<Channel, LocalDate>> bounces = new HashMap<>();
    private final Map<Long, List<Engagement>> engagement = new HashMap<>();
    private final List<CustomerPlan> lastPlans = new ArrayList<>();

    public PolicySimulator(DunningEngine engine) {
        this.engine = engine;
    }

    public void addCustomer(CustomerProfile customer) {
        customers.put(customer.id(), customer);
    }

    public void addItem(long customerId, DunningItem item) {
        if (!customers.containsKey(customerId)) {
            throw new IllegalArgumentException("unknown customer " + customerId + " for item " + item.number());
        }
        items.put(item.itemId(), new ItemState(customerId, item));
    }

    public void pay(long itemId, Money amount) {
        ItemState s = item(itemId);
        s.open = s.open.minus(amount).max(Money.zero(s.open.currency()));
    }

    public void hold(long itemId, Hold hold) {
        item(itemId).holds.add(hold);
    }

    public void releaseHolds(long itemId) {
        item(itemId).holds.clear();
    }

    public void promise(long itemId, LocalDate by, Money amount) {
        ItemState s = item(itemId);
        s.promise = Optional.of(new PromiseToPay(by, amount, s.open));
    }

    public void agreePlan(long itemId, List<PaymentPlan.Instalment> instalments) {
        ItemState s = item(itemId);
        s.plan = Optional.of(new PaymentPlan(instalments, s.open));
    }

    public void override(long itemId, ManualOverride override) {
        item(itemId).overrides.add(override);
    }

    public void bounce(long customerId, Channel channel, LocalDate day) {
        bounces.computeIfAbsent(customerId, k -> new HashMap<>()).put(channel, day);
    }

    /** The customer read a message about the item or opened its payment link, on {@code e.day()}. */
    public void engage(long itemId, Engagement e) {
        item(itemId);
        engagement.computeIfAbsent(itemId, k -> new ArrayList<>()).add(e);
    }

    public void updateCustomer(CustomerProfile customer) {
        customers.put(customer.id(), customer);
    }

    /** Plans every customer at {@code at} on {@code day} (in each customer's zone) and sends what was planned. */
    public List<SimulatedAction> runDay(LocalDate day, LocalTime at) {
        List<SimulatedAction> sent = new ArrayList<>();
        lastPlans.clear();
        for (CustomerProfile customer : customers.values()) {
            Instant now = day.atTime(at).atZone(customer.zone()).toInstant();
            CustomerPlan plan = engine.plan(caseOf(customer), now);
            lastPlans.add(plan);
            for (Notice notice : plan.notices()) {
                List<String> numbers = new ArrayList<>();
                for (NoticeLine line : notice.lines()) {
                    items.get(line.itemId()).done.add(line.stepKey());
                    numbers.add(line.number());
                }
                if (notice.channel().reachesCustomer()) {
                    contacts.computeIfAbsent(customer.id(), k -> new ArrayList<>()).add(new ContactLog.Contact(day, notice.channel()));
                }
                sent.add(new SimulatedAction(day, customer.id(), numbers, notice.leadStepKey(), notice.channel(), notice.template(),
                        notice.sendAfter(), notice.reason()));
            }
        }
        return sent;
    }

    /** The engine's full answers (notices and decisions) of the last day run, per customer. */
    public List<CustomerPlan> lastPlans() {
        return List.copyOf(lastPlans);
    }

    public Money open(long itemId) {
        return item(itemId).open;
    }

    private CustomerCase caseOf(CustomerProfile customer) {
        List<DunningItem> own = new ArrayList<>();
        Map<Long, List<Engagement>> done = new HashMap<>();
        for (Map.Entry<Long, ItemState> e : items.entrySet()) {
            if (e.getValue().customerId == customer.id()) {
                own.add(e.getValue().receivable(e.getKey()));
                Optional.ofNullable(engagement.get(e.getKey())).ifPresent(l -> done.put(e.getKey(), List.copyOf(l)));
            }
        }
        return new CustomerCase(customer, own, new ContactLog(contacts.getOrDefault(customer.id(), List.of()),
                bounces.getOrDefault(customer.id(), Map.of()), done));
    }

    private ItemState item(long itemId) {
        ItemState s = items.get(itemId);
        if (s == null) {
            throw new IllegalArgumentException("unknown item " + itemId);
        }
        return s;
    }

    /** The mutable state of one simulated item. */
    private static final class ItemState {
        final long customerId;
        final String number;
        final LocalDate dueDate;
        Money open;
        final Set<String> done = new HashSet<>();
        final List<Hold> holds = new ArrayList<>();
        Optional<PromiseToPay> promise = Optional.empty();
        Optional<PaymentPlan> plan = Optional.empty();
        final List<ManualOverride> overrides = new ArrayList<>();

        ItemState(long customerId, DunningItem r) {
            this.customerId = customerId;
            this.number = r.number();
            this.dueDate = r.dueDate();
            this.open = r.open();
            this.done.addAll(r.stepsDone());
            this.holds.addAll(r.holds());
            this.promise = r.promise();
            this.plan = r.plan();
            this.overrides.addAll(r.overrides());
        }

        DunningItem receivable(long id) {
            return new DunningItem(id, number, dueDate, open, done, holds, promise, plan, overrides);
        }
    }
}
