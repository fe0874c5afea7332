package io.recoup.routes.dispatch;

import java.util.List;

/** One dispatch run: what happened to each notice taken from the outbox. */
public record DispatchReport(List<Dispatched> actions) {
    public DispatchReport {
        actions = List.copyOf(actions);
    }

    public long count(String status) {
        return actions.stream().filter(a -> a.status().equals(status)).count();
    }

    /** The notices sent again after an interrupted send: the customer may have them twice. */
    public List<Long> possibleDuplicates() {
        return actions.stream().filter(Dispatched::possibleDuplicate).map(Dispatched::noticeId).toList();
    }

    /**
     * What happened to one notice at dispatch. {@code possibleDuplicate}: it was sent, and an earlier send of it was
     * interrupted after the hand-over, so it may have reached the customer twice (as the same message).
     */
    public record Dispatched(long noticeId, String invoiceNumbers, String stepId, String channel, String status,
                             String outcome, boolean possibleDuplicate) {}
}
