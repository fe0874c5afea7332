package io.recoup.core.event;

import io.recoup.core.id.NoticeId;
import io.recoup.core.lifecycle.NoticeEvent;

/**
 * What dispatch did with a notice, one record per outcome; {@code outcome} is what the channel answered or why the
 * notice went that way.
 */
public sealed interface DispatchEvent extends RecoupEvent {

    NoticeId notice();

    String outcome();

    @Override
    default String actor() {
        return "dispatch";
    }

    @Override
    default Subject subject() {
        return Subject.notice(notice());
    }

    @Override
    default String why() {
        return outcome();
    }

    /** The record for carrying out {@code event} on the notice. */
    static DispatchEvent of(NoticeId notice, NoticeEvent event, String outcome) {
        return switch (event) {
            case SEND -> new Sent(notice, outcome);
            case OPEN_TASK -> new TaskOpened(notice, outcome);
            case SKIP -> new Skipped(notice, outcome);
            case FAIL -> new Failed(notice, outcome);
            case CANCEL -> new Cancelled(notice, outcome);
            case DEFER -> new Deferred(notice, outcome);
            case HAND_OVER -> new HandedOver(notice, outcome);
            case PARK -> new Parked(notice, outcome);
            case UNDELIVERED -> new Undelivered(notice, outcome);
        };
    }

    /** Sent; the outcome is the provider's message id. */
    record Sent(NoticeId notice, String outcome) implements DispatchEvent {
        @Override public String what() { return "sent"; }
    }

    /** A task for a person is open; the outcome is its subject, or why no channel could reach the customer. */
    record TaskOpened(NoticeId notice, String outcome) implements DispatchEvent {
        @Override public String what() { return "task_open"; }
    }

    /** Not sent; the outcome says why (channel not configured, no address). */
    record Skipped(NoticeId notice, String outcome) implements DispatchEvent {
        @Override public String what() { return "skipped"; }
    }

    /** Bounced, or given up after the last attempt; the outcome is the channel's reason. */
    record Failed(NoticeId notice, String outcome) implements DispatchEvent {
        @Override public String what() { return "failed"; }
    }

    /** Nothing left to send: every item on it was paid before it went out. */
    record Cancelled(NoticeId notice, String outcome) implements DispatchEvent {
        @Override public String what() { return "cancelled"; }
    }

    /** The channel asked to try later; the notice is planned again. */
    record Deferred(NoticeId notice, String outcome) implements DispatchEvent {
        @Override public String what() { return "deferred"; }
    }

    /** About to be handed to its channel; the outcome names the channel. Recorded before the hand-over. */
    record HandedOver(NoticeId notice, String outcome) implements DispatchEvent {
        @Override public String what() { return "sending"; }
    }

    /** Parked for a person: it could not be carried out for a reason that will not go away, which the outcome says. */
    record Parked(NoticeId notice, String outcome) implements DispatchEvent {
        @Override public String what() { return "parked"; }
    }

    /** Sent, then reported undelivered by the provider; the outcome is the provider's reason. */
    record Undelivered(NoticeId notice, String outcome) implements DispatchEvent {
        @Override public String what() { return "undelivered"; }
    }

    /**
     * Found handed over with no outcome: an earlier send was interrupted and may have gone out. The outcome says what
     * dispatch does now (resend it as the same message, counted as a possible duplicate, or leave it to a person).
     */
    record InterruptedSendFound(NoticeId notice, String outcome) implements DispatchEvent {
        @Override public String what() { return "interrupted_send"; }
    }

    /**
     * The customer used the unsubscribe link of this notice's e-mail: e-mail is a channel it opted out of from now on,
     * and the planner takes the step's next channel, or gives the step to a person.
     */
    record Unsubscribed(NoticeId notice, String outcome) implements DispatchEvent {
        @Override public String what() { return "unsubscribed"; }
    }
}
