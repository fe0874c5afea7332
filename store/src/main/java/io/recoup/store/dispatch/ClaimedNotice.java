package io.recoup.store.dispatch;

import io.recoup.core.id.NoticeId;
import io.recoup.core.lifecycle.NoticeStatus;
import io.recoup.core.policy.Channel;
import java.util.Objects;

/**
 * A notice locked for dispatch, read from its own row only: enough to say which notice it is and to park it for a
 * person even when the rest of it (its customer, its lines) cannot be read. {@code status} is {@code PLANNED}, or
 * {@code SENDING} for a notice whose earlier send was interrupted; {@code invoiceNumbers} lists its live lines.
 */
public record ClaimedNotice(NoticeId noticeId, NoticeStatus status, Channel channel, String leadStep, String invoiceNumbers) {
    public ClaimedNotice {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(leadStep, "leadStep");
        Objects.requireNonNull(invoiceNumbers, "invoiceNumbers");
    }

    /** True when an earlier send of this notice was interrupted: it may have gone out. */
    public boolean interrupted() {
        return status == NoticeStatus.SENDING;
    }
}
