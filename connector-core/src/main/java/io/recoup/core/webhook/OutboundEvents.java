package io.recoup.core.webhook;

import io.recoup.core.dunning.SpecialSteps;
import io.recoup.core.event.DirectDebitEvent;
import io.recoup.core.event.DispatchEvent;
import io.recoup.core.event.IngestEvent;
import io.recoup.core.event.MatcherEvent;
import io.recoup.core.event.PersonEvent;
import io.recoup.core.event.PlannerEvent;
import io.recoup.core.event.RecoupEvent;
import io.recoup.core.id.AllocationId;
import io.recoup.core.ledger.OpenItemKey;
import io.recoup.core.money.Money;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which of the event log's records other tools hear about, and what they are told: an item paid in full (by the
 * matcher, a direct debit or a person), closed in the source, a payment returned, a promise or payment plan broken,
 * money or a return waiting in the exceptions queue, a notice parked or failed, a direct debit returned. Everything
 * else (planning, sending, ingestion) stays internal: it is frequent and says nothing a person acts on.
 */
public final class OutboundEvents {
    private OutboundEvents() {
    }

    /** The outbound event {@code event} is, if any. */
    public static Optional<OutboundEvent> of(RecoupEvent event) {
        if (event instanceof MatcherEvent m) {
            return matcher(m);
        }
        if (event instanceof DirectDebitEvent.Settled s && s.openNow().isZero()) {
            return Optional.of(paid(s.item(), s.amount(), s.allocation(), "direct-debit"));
        }
        if (event instanceof DirectDebitEvent.CollectedMoreThanOpen c) {
            return Optional.of(exception("collected_more_than_open", "receipt", c.receipt().toString(), c.reason()));
        }
        if (event instanceof DirectDebitEvent.Returned r) {
            Map<String, String> data = item(r.item());
            data.put("endToEndId", r.endToEndId());
            data.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
            data.put("reasonCode", r.reasonCode());
            data.put("reason", r.explanation());
            return Optional.of(new OutboundEvent(OutboundEvent.DIRECT_DEBIT_RETURNED, data));
        }
        if (event instanceof PersonEvent.AllocatedByHand a && a.openNow().isZero()) {
            return Optional.of(paid(a.item(), a.amount(), null, a.actor()));
        }
        if (event instanceof IngestEvent.ItemClosed c) {
            Map<String, String> data = item(c.item());
            data.put("reason", c.reason());
            return Optional.of(new OutboundEvent(OutboundEvent.ITEM_CLOSED, data));
        }
        if (event instanceof PlannerEvent.NoticePlanned p) {
            return broken(p);
        }
        if (event instanceof DispatchEvent.Parked || event instanceof DispatchEvent.Failed) {
            DispatchEvent d = (DispatchEvent) event;
            Map<String, String> data = new LinkedHashMap<>();
            data.put("notice", d.notice().toString());
            data.put("reason", d.outcome());
            return Optional.of(new OutboundEvent(d instanceof DispatchEvent.Parked ? OutboundEvent.NOTICE_PARKED
                    : OutboundEvent.NOTICE_FAILED, data));
        }
        return Optional.empty();
    }

    private static Optional<OutboundEvent> matcher(MatcherEvent event) {
        if (event instanceof MatcherEvent.Allocated a) {
            return a.openNow().isZero() ? Optional.of(paid(a.item(), a.amount(), a.allocation(), "matcher")) : Optional.empty();
        }
        if (event instanceof MatcherEvent.Unmatched u) {
            return Optional.of(exception("unmatched", "receipt", u.receipt().toString(), u.reason()));
        }
        if (event instanceof MatcherEvent.ReturnUnresolved r) {
            OutboundEvent raised = exception("return_unresolved", "statementEntry", r.provider() + ":" + r.providerId(), r.reason());
            Map<String, String> data = new LinkedHashMap<>(raised.data());
            money(data, r.amount());
            return Optional.of(new OutboundEvent(OutboundEvent.EXCEPTION_RAISED, data));
        }
        MatcherEvent.CreditReturned r = (MatcherEvent.CreditReturned) event;
        Map<String, String> data = item(r.item());
        money(data, r.amount());
        data.put("allocation", r.allocation().toString());
        data.put("reversal", r.reversal());
        data.put("reason", r.why());
        return Optional.of(new OutboundEvent(OutboundEvent.PAYMENT_RETURNED, data));
    }

    private static Optional<OutboundEvent> broken(PlannerEvent.NoticePlanned planned) {
        String type = switch (planned.leadStep()) {
            case SpecialSteps.PROMISE_BROKEN -> OutboundEvent.PROMISE_BROKEN;
            case SpecialSteps.PLAN_BROKEN -> OutboundEvent.PAYMENT_PLAN_BROKEN;
            default -> null;
        };
        if (type == null) {
            return Optional.empty();
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("notice", planned.notice().toString());
        data.put("items", planned.items());
        data.put("reason", planned.reason());
        return Optional.of(new OutboundEvent(type, data));
    }

    private static OutboundEvent paid(OpenItemKey item, Money amount, AllocationId allocation, String by) {
        Map<String, String> data = item(item);
        money(data, amount);
        data.put("allocation", allocation == null ? null : allocation.toString());
        data.put("by", by);
        return new OutboundEvent(OutboundEvent.ITEM_PAID, data);
    }

    private static OutboundEvent exception(String kind, String key, String subject, String reason) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("kind", kind);
        data.put(key, subject);
        data.put("reason", reason);
        return new OutboundEvent(OutboundEvent.EXCEPTION_RAISED, data);
    }

    private static Map<String, String> item(OpenItemKey item) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("source", item.source());
        data.put("item", item.externalId());
        return data;
    }

    private static void money(Map<String, String> data, Money amount) {
        data.put("amount", amount.amount().toPlainString());
        data.put("currency", amount.currencyCode());
    }
}
