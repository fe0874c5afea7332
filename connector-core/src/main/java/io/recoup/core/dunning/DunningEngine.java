package io.recoup.core.dunning;

import io.recoup.core.dunning.Decision.Outcome;
import io.recoup.core.money.Money;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.core.policy.Ladder;
import io.recoup.core.policy.Segment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dunning policy applied to one customer at one moment. Picks the customer's segment and ladder, asks which step
 * each item is due for, puts the items of one customer into one notice (or one per item), chooses the first usable
 * channel in the step's fallback order (else e-mail, else a task for a person), holds what a contact cap or a
 * non-business day forbids, delays what falls in quiet hours, adds late charges, and explains every decision. Pure:
 * the same inputs give the same plan.
 */
public final class DunningEngine {
    private final DunningPolicy policy;
    private final Set<Channel> configured;
    private final ItemAssessor assessor;
    private final Optional<LateChargeCalculator> charges;
    private final Map<String, List<Ladder.Occurrence>> occurrences = new HashMap<>();
    private final boolean needsTotals;
    private final String policyLabel;
    private final Map<String, String> segmentLabels = new HashMap<>();

    /** @param configured the channels this installation can send on (a task needs no configuration) */
    public DunningEngine(DunningPolicy policy, Set<Channel> configured) {
        this.policy = policy;
        this.configured = Set.copyOf(configured);
        this.assessor = new ItemAssessor(policy);
        this.charges = policy.lateCharges().map(LateChargeCalculator::new);
        policy.ladders().forEach((id, ladder) -> occurrences.put(id, ladder.occurrences()));
        this.needsTotals = policy.segments().stream().anyMatch(s -> !s.minTotalOpen().isEmpty());
        this.policyLabel = policy.id() + " v" + policy.version();
        policy.segments().forEach(s -> segmentLabels.put(s.id(), s.id() + " (ladder " + s.ladder() + ")"));
    }

    public DunningPolicy policy() {
        return policy;
    }

    public CustomerPlan plan(CustomerCase c, Instant now) {
        CustomerProfile customer = c.customer();
        LocalDate today = LocalDate.ofInstant(now, customer.zone());
        Segment segment = segmentOf(c);
        List<Decision> decisions = new ArrayList<>();
        Optional<Hold> customerHold = customer.holds().isEmpty() ? Optional.empty()
                : customer.holds().stream().filter(h -> h.activeOn(today)).findFirst();
        if (customerHold.isPresent()) {
            c.items().forEach(i -> decisions.add(new Decision(i.itemId(), i.number(), Outcome.PAUSED, "customer " + customerHold.get())));
            return new CustomerPlan(customer.id(), segment.id(), List.of(), decisions);
        }
        List<DueStep> due = new ArrayList<>();
        for (DunningItem item : c.items()) {
            if (item.open().isPositive()) {
                assessor.assess(item, occurrences.get(segment.ladder()), c.log().engagementWith(item.itemId()), today, due::add, decisions::add);
            }
        }
        if (due.isEmpty()) {
            return new CustomerPlan(customer.id(), segment.id(), List.of(), decisions);
        }
        if (!policy.guardrails().isBusinessDay(today)) {
            due.forEach(d -> decisions.add(held(d, () -> today + " is not a business day in " + customer.zone().getId())));
            return new CustomerPlan(customer.id(), segment.id(), List.of(), decisions);
        }
        List<Notice> notices = new ArrayList<>();
        ContactCaps caps = new ContactCaps(policy.guardrails().caps(), c.log(), today);
        for (List<Routed> group : group(due, c)) {
            Notice notice = draft(group, c, segment, today, now);
            Optional<String> capped = notice.channel().reachesCustomer() ? caps.refusal(notice.channel()) : Optional.empty();
            if (capped.isPresent()) {
                group.forEach(r -> decisions.add(held(r.step(), capped::get)));
                continue;
            }
            caps.record(notice.channel());
            notices.add(notice);
            group.forEach(r -> decisions.add(new Decision(r.step().item().itemId(), r.step().item().number(), Outcome.PLANNED,
                    () -> r.step().key() + " on " + notice.channel().label() + ": " + r.step().why() + r.route().explained())));
        }
        return new CustomerPlan(customer.id(), segment.id(), notices, decisions);
    }

    private Segment segmentOf(CustomerCase c) {
        CustomerProfile p = c.customer();
        if (!needsTotals) {
            for (Segment s : policy.segments()) {
                if (s.matches(p.segment(), p.risk().value(), List.of())) {
                    return s;
                }
            }
            return policy.segments().get(policy.segments().size() - 1);
        }
        List<Money> totals = c.items().stream().filter(i -> i.open().isPositive())
                .collect(Collectors.groupingBy(i -> i.open().currencyCode(), LinkedHashMap::new,
                        Collectors.reducing(null, DunningItem::open, (a, b) -> a == null ? b : a.plus(b))))
                .values().stream().toList();
        return policy.segments().stream().filter(s -> s.matches(p.segment(), p.risk().value(), totals)).findFirst()
                .orElse(policy.segments().get(policy.segments().size() - 1));
    }

    /** A due step with the channel it goes out on for this customer and why (fallbacks). */
    private record Routed(DueStep step, ChannelChooser.Route route) {
        /** Steps that may share a notice: the same channel, and onboarding reminders only with each other (they state a grace period). */
        int groupKey() {
            return route.channel().ordinal() * 2 + (OnboardingStep.isOnboarding(step.key()) ? 1 : 0);
        }
    }

    /**
     * Ladder steps of one customer that end up on the same channel share a notice (a call about three invoices is one
     * call; one e-mail lists every invoice due); escalations and plan or promise steps stand alone.
     */
    private List<List<Routed>> group(List<DueStep> due, CustomerCase c) {
        List<Routed> routed = new ArrayList<>(due.size());
        for (DueStep d : due) {
            routed.add(new Routed(d, ChannelChooser.choose(d.channels(), c, configured)));
        }
        List<List<Routed>> groups = new ArrayList<>();
        if (policy.consolidation() != DunningPolicy.Consolidation.PER_CUSTOMER) {
            routed.forEach(r -> groups.add(List.of(r)));
            return groups;
        }
        if (routed.size() == 1) {
            groups.add(routed);
            return groups;
        }
        Map<Integer, List<Routed>> byChannel = new LinkedHashMap<>();
        for (Routed r : routed) {
            if (r.step().consolidable()) {
                byChannel.computeIfAbsent(r.groupKey(), k -> new ArrayList<>()).add(r);
            }
        }
        groups.addAll(byChannel.values());
        for (Routed r : routed) {
            if (!r.step().consolidable()) {
                groups.add(List.of(r));
            }
        }
        return groups;
    }

    private Notice draft(List<Routed> group, CustomerCase c, Segment segment, LocalDate today, Instant now) {
        Routed leader = group.stream().max(Comparator.comparingInt(r -> r.step().rank())).orElseThrow();
        DueStep lead = leader.step();
        Channel channel = leader.route().channel();
        List<String> fallbacks = leader.route().fallbacks();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("policy", policyLabel);
        facts.put("segment", segmentLabels.get(segment.id()));
        facts.put("risk", c.customer().risk().value() + ": " + String.join("; ", c.customer().risk().reasons()));
        List<NoticeLine> lines = new ArrayList<>();
        for (DueStep d : group.stream().map(Routed::step).sorted(Comparator.comparing(d -> d.item().dueDate())).toList()) {
            Optional<Charges> itemCharges = charges.flatMap(calc -> calc.charges(d.item().open(), d.item().dueDate(), today));
            lines.add(new NoticeLine(d.item().itemId(), d.item().number(), d.key(), d.daysFromDue(), d.item().open(), itemCharges));
            // the charges and how they were computed travel on the line (and the action row), not again in the facts
            facts.put("item " + d.item().number(), d.why() + "; open " + d.item().open());
        }
        if (!fallbacks.isEmpty()) {
            facts.put("channel fallback", String.join("; ", fallbacks));
        }
        String reason = "policy " + policyLabel + ", segment " + segment.id() + ": " + lead.why()
                + (group.size() > 1 ? " (+" + (group.size() - 1) + " more item(s) on the same notice)" : "")
                + leader.route().explained();
        Instant sendAfter = channel.reachesCustomer() ? afterQuietHours(now, c.customer()) : now;
        String template = channel == Channel.TASK && !lead.channels().contains(Channel.TASK) ? "no-channel-task" : lead.template();
        return new Notice(c.customer().id(), channel, template, lead.key(), lines, today, sendAfter, reason, facts,
                c.customer().risk().value(), Optional.of(segment.id()));
    }

    private Instant afterQuietHours(Instant now, CustomerProfile customer) {
        if (policy.guardrails().quietHours().isEmpty()) {
            return now;
        }
        var quiet = policy.guardrails().quietHours().get();
        ZonedDateTime local = now.atZone(customer.zone());
        if (!quiet.contains(local.toLocalTime())) {
            return now;
        }
        ZonedDateTime end = local.with(quiet.to()).withSecond(0).withNano(0);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }

    private static Decision held(DueStep d, java.util.function.Supplier<String> why) {
        return new Decision(d.item().itemId(), d.item().number(), Outcome.HELD, () -> d.key() + " held: " + why.get());
    }
}
