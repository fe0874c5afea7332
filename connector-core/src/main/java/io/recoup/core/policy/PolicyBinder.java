package io.recoup.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.recoup.core.money.Money;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a schema-valid policy tree into records and checks what the schema cannot: overlapping steps, repeats that
 * end before they start, an escalation before the last step, segments naming a missing ladder. Problems are
 * collected with their line and field.
 */
final class PolicyBinder {
    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private final String origin;
    private final YamlTree tree;
    private final List<PolicyProblem> problems = new ArrayList<>();

    PolicyBinder(String origin, YamlTree tree) {
        this.origin = origin;
        this.tree = tree;
    }

    List<PolicyProblem> problems() {
        return problems;
    }

    /** The policy, or null when there were problems. */
    DunningPolicy bind() {
        JsonNode root = tree.root();
        Map<String, Ladder> ladders = new LinkedHashMap<>();
        root.get("ladders").fields().forEachRemaining(e -> ladders.put(e.getKey(), ladder(e.getKey(), e.getValue())));
        List<Segment> segments = segments(root.path("segments"), ladders);
        Guardrails guardrails = guardrails(root.path("guardrails"));
        Optional<LateCharges> charges = root.has("late-charges") ? Optional.of(lateCharges(root.get("late-charges"))) : Optional.empty();
        if (!problems.isEmpty()) {
            return null;
        }
        return new DunningPolicy(root.get("policy").asText(), root.get("version").asText(),
                "per-item".equals(root.path("consolidate").asText()) ? DunningPolicy.Consolidation.PER_ITEM
                        : DunningPolicy.Consolidation.PER_CUSTOMER,
                ladders, segments, amounts(root.path("minimum-open")), guardrails,
                root.path("promises").path("grace-days").asInt(3), charges, onboarding(root.path("onboarding")));
    }

    private Ladder ladder(String id, JsonNode node) {
        List<PolicyStep> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<Integer, String> firing = new HashMap<>();
        JsonNode stepNodes = node.get("steps");
        for (int i = 0; i < stepNodes.size(); i++) {
            JsonNode s = stepNodes.get(i);
            List<Object> at = List.of("ladders", id, "steps", i);
            String stepId = s.get("id").asText();
            if (!ids.add(stepId)) {
                problem(at, "id", "step id '" + stepId + "' is used twice in ladder " + id);
            }
            if (Ladder.ESCALATION_KEY.equals(stepId)) {
                // the planner and dispatch know the escalation's actions by this key: a step of that name would be taken for it
                problem(at, "id", "step id '" + stepId + "' is reserved for the ladder's escalation; name the step otherwise");
            }
            List<Channel> channels = new ArrayList<>();
            s.get("channels").forEach(c -> channels.add(Channel.parse(c.asText()).orElseThrow()));
            Optional<Integer> every = s.has("repeat-every-days") ? Optional.of(s.get("repeat-every-days").asInt()) : Optional.empty();
            Optional<Integer> until = s.has("until-offset-days") ? Optional.of(s.get("until-offset-days").asInt()) : Optional.empty();
            PolicyStep step = new PolicyStep(stepId, s.get("offset-days").asInt(), channels, s.get("template").asText(), every, until,
                    paymentOptions(s), s.has("letter") ? LetterFormat.parse(s.get("letter").asText()) : Optional.empty(), skipIf(s));
            if (until.isPresent() && until.get() < step.offsetDays()) {
                problem(at, "until-offset-days", "repeats until day " + until.get() + ", before the step starts (day "
                        + step.offsetDays() + ")");
            }
            for (int offset = step.offsetDays(); offset <= step.lastOffset(); offset += every.orElse(Integer.MAX_VALUE / 2)) {
                String other = firing.putIfAbsent(offset, stepId);
                if (other != null) {
                    problem(at, "offset-days", "step '" + stepId + "' and step '" + other + "' both fire at day " + offset
                            + " (steps overlap)");
                }
            }
            steps.add(step);
        }
        Optional<Escalation> escalation = Optional.empty();
        if (node.has("escalation")) {
            JsonNode e = node.get("escalation");
            int last = steps.stream().mapToInt(PolicyStep::lastOffset).max().orElse(0);
            if (e.get("offset-days").asInt() <= last) {
                problem(List.of("ladders", id, "escalation"), "offset-days", "escalation at day " + e.get("offset-days").asInt()
                        + " must come after the last step (day " + last + ")");
            }
            escalation = Optional.of(escalation(List.of("ladders", id, "escalation"), e));
        }
        return new Ladder(id, steps, escalation);
    }

    /**
     * The escalation, with how a legal letter is delivered when the policy says ({@code channels}, {@code letter}).
     * Only a legal letter reaches the customer, so only it may name message channels and a letter file; the file
     * travels on the e-mail, so {@code letter} needs {@code email} among the channels.
     */
    private Escalation escalation(List<Object> at, JsonNode e) {
        Escalation.Kind kind = Escalation.Kind.valueOf(e.get("action").asText().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        List<Channel> channels = new ArrayList<>();
        e.path("channels").forEach(c -> channels.add(Channel.parse(c.asText()).orElseThrow()));
        Optional<LetterFormat> letter = e.has("letter") ? LetterFormat.parse(e.get("letter").asText()) : Optional.empty();
        String action = e.get("action").asText();
        if (kind != Escalation.Kind.LEGAL_LETTER) {
            if (e.has("channels")) {
                problem(at, "channels", "only a legal letter is sent to the customer; a " + action
                        + " escalation is work for a person and names no channels");
            }
            if (letter.isPresent()) {
                problem(at, "letter", "only a legal-letter escalation carries a letter, not a " + action + " escalation");
            }
        } else {
            for (int i = 0; i < channels.size(); i++) {
                if (!channels.get(i).reachesCustomer()) {
                    problem(append(at, "channels"), i, "channel '" + channels.get(i).label()
                            + "' does not reach the customer: a legal letter goes by letter, email, sms or whatsapp");
                }
            }
            if (letter.isPresent() && !channels.contains(Channel.EMAIL)) {
                problem(at, "letter", "a " + letter.get().label() + " letter reaches the customer attached to an e-mail: name email"
                        + " among the escalation's channels (e.g. channels: [letter, email])");
            }
        }
        return new Escalation(e.get("offset-days").asInt(), kind, e.get("template").asText(),
                kind == Escalation.Kind.LEGAL_LETTER ? channels : List.of(), letter);
    }

    private static List<Object> append(List<Object> path, Object element) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(element);
        return longer;
    }

    /** The schema refuses an unknown value; the default is bank transfer only. */
    private static Set<PaymentOption> paymentOptions(JsonNode step) {
        if (!step.has("payment-options")) {
            return PolicyStep.DEFAULT_PAYMENT_OPTIONS;
        }
        Set<PaymentOption> options = EnumSet.noneOf(PaymentOption.class);
        step.get("payment-options").forEach(o -> options.add(PaymentOption.parse(o.asText()).orElseThrow()));
        return options;
    }

    /** The schema asks for at least one fact and whole days, 0 or more. */
    private static Optional<SkipIf> skipIf(JsonNode step) {
        JsonNode node = step.path("skip-if");
        if (node.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new SkipIf(days(node, "link-opened-within-days"), days(node, "read-within-days")));
    }

    private static Optional<Integer> days(JsonNode node, String field) {
        return node.has(field) ? Optional.of(node.get(field).asInt()) : Optional.empty();
    }

    private List<Segment> segments(JsonNode node, Map<String, Ladder> ladders) {
        if (node.isMissingNode()) {
            if (ladders.size() == 1) {
                return List.of(Segment.everyone(ladders.keySet().iterator().next()));
            }
            problems.add(new PolicyProblem(origin, 1, 1, "segments", "is missing: with several ladders, say which applies to whom"));
            return List.of();
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            List<Object> at = List.of("segments", i);
            if (!ladders.containsKey(s.get("ladder").asText())) {
                problem(at, "ladder", "ladder '" + s.get("ladder").asText() + "' is not defined (defined: " + ladders.keySet() + ")");
            }
            Optional<Integer> min = s.has("min-risk") ? Optional.of(s.get("min-risk").asInt()) : Optional.empty();
            Optional<Integer> max = s.has("max-risk") ? Optional.of(s.get("max-risk").asInt()) : Optional.empty();
            if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
                problem(at, "min-risk", "min-risk " + min.get() + " is above max-risk " + max.get());
            }
            Set<String> customerSegments = new HashSet<>();
            s.path("customer-segments").forEach(c -> customerSegments.add(c.asText()));
            Set<PaymentOption> options = EnumSet.noneOf(PaymentOption.class);
            s.path("payment-options").forEach(o -> options.add(PaymentOption.parse(o.asText()).orElseThrow()));
            segments.add(new Segment(s.get("id").asText(), customerSegments, min, max, amounts(s.path("min-total-open")),
                    s.get("ladder").asText(), options));
        }
        return segments;
    }

    private Guardrails guardrails(JsonNode node) {
        List<ContactCap> caps = new ArrayList<>();
        node.path("caps").forEach(c -> caps.add(new ContactCap(
                c.has("channel") && !"any".equals(c.get("channel").asText()) ? Channel.parse(c.get("channel").asText()) : Optional.empty(),
                c.get("max").asInt(), c.get("per-days").asInt())));
        Optional<Guardrails.QuietHours> quiet = Optional.empty();
        if (node.has("quiet-hours")) {
            LocalTime from = LocalTime.parse(node.get("quiet-hours").get("from").asText());
            LocalTime to = LocalTime.parse(node.get("quiet-hours").get("to").asText());
            if (from.equals(to)) {
                problem(List.of("guardrails", "quiet-hours"), "to", "quiet hours from and to are both " + from);
            }
            quiet = Optional.of(new Guardrails.QuietHours(from, to));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        node.path("business-days").forEach(d -> days.add(DayOfWeek.of(DAYS.indexOf(d.asText()) + 1)));
        Set<LocalDate> holidays = new HashSet<>();
        node.path("holidays").forEach(h -> holidays.add(LocalDate.parse(h.asText())));
        return new Guardrails(caps, quiet, days, holidays);
    }

    private LateCharges lateCharges(JsonNode node) {
        List<LateCharges.ReferenceRate> rates = new ArrayList<>();
        JsonNode interest = node.path("interest");
        for (int i = 0; i < interest.path("reference-rates").size(); i++) {
            JsonNode r = interest.get("reference-rates").get(i);
            LocalDate from = LocalDate.parse(r.get("from").asText());
            if (from.getDayOfMonth() != 1 || from.getMonthValue() != 1 && from.getMonthValue() != 7) {
                problem(List.of("late-charges", "interest", "reference-rates", i), "from",
                        "a reference rate applies from 1 January or 1 July (Directive 2011/7/EU art. 2(7)), not from " + from);
            }
            rates.add(new LateCharges.ReferenceRate(from, new BigDecimal(r.get("percent").asText())));
        }
        Optional<BigDecimal> margin = interest.has("margin-percentage-points")
                ? Optional.of(new BigDecimal(interest.get("margin-percentage-points").asText())) : Optional.empty();
        return new LateCharges(margin, rates, amounts(node.path("fixed-compensation")));
    }

    /** On by default: a policy file written before the rule existed gets it too. */
    private static Onboarding onboarding(JsonNode node) {
        return new Onboarding(node.path("enabled").asBoolean(true), node.path("grace-days").asInt(Onboarding.DEFAULT_GRACE_DAYS));
    }

    private static Map<String, Money> amounts(JsonNode node) {
        Map<String, Money> amounts = new HashMap<>();
        node.fields().forEachRemaining(e -> amounts.put(e.getKey(), Money.of(e.getValue().asText(), e.getKey())));
        return amounts;
    }

    private void problem(List<Object> at, Object field, String reason) {
        List<Object> path = append(at, field);
        YamlTree.Position position = tree.positionOf(path);
        problems.add(new PolicyProblem(origin, position.line(), position.column(), YamlTree.describe(path), reason));
    }
}
