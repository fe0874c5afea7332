package io.recoup.routes.dispatch;

import java.util.List;

/** One dispatch run: what happened to each notice taken from the outbox. */
public record DispatchReport(List<Dispatched> actions) {

    public long count(String status) {
        return actions.stream().filter(a -> a.status().equals(status)).count();
    }

    /** What happened to one notice at dispatch. */
    public record Dispatched(long noticeId, String invoiceNumbers, String stepId, String channel, String status,
                             String outcome) {}
}
