package io.recoup.routes.dispatch;

import io.recoup.core.dunning.Pauses;
import io.recoup.core.event.DispatchEvent;
import io.recoup.core.ledger.ItemStatus;
import io.recoup.core.lifecycle.NoticeEvent;
import io.recoup.core.policy.Channel;
import io.recoup.core.port.ReminderChannel;
import io.recoup.core.port.ReminderMessage;
import io.recoup.store.EventLog;
import io.recoup.store.dispatch.DueNotice;
import io.recoup.store.dispatch.NoticeRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, in the transaction that claimed a notice, what dispatch does with it: takes off the items paid or paused
 * (a hold or a promise recorded since planning) and cancels a notice with nothing left, opens a task where a person
 * must act (a task step, a channel not configured, no address, an interrupted send the channel cannot repeat safely),
 * or renders the message (with its online payment link, when its step offers one) and records it as being sent,
 * committed before the channel gets it.
 */
final class NoticePreparation {
    private final Map<Channel, ReminderChannel> channels;
    private final NoticeRenderer renderer;
    private final NoticeRepository notices;
    private final EventLog events;
    private final Outcomes outcomes;
    private final OnlinePayment online;
    private final Optional<PublicLinks> publicLinks;

    NoticePreparation(Map<Channel, ReminderChannel> channels, NoticeRenderer renderer, NoticeRepository notices,
                      EventLog events, Outcomes outcomes, OnlinePayment online, Optional<PublicLinks> publicLinks) {
        this.online = online;
        this.publicLinks = publicLinks;
        this.channels = channels;
        this.renderer = renderer;
        this.notices = notices;
        this.events = events;
        this.outcomes = outcomes;
    }

    /** What comes of a claimed notice: done here, or a message to hand to its channel once this is committed. */
    sealed interface Step {
        /** Carried out without a channel (cancelled, a task): nothing more to do. */
        record Done(DispatchReport.Dispatched dispatched) implements Step {}

        /**
         * Recorded as being sent; {@code attempts} counts the earlier tries, {@code possibleDuplicate} says an earlier
         * send of it may have gone out, {@code rendered} keeps what the text had to leave out for the outcome.
         */
        record HandOver(DueNotice notice, List<DueNotice.Line> owed, ReminderChannel channel, ReminderMessage message,
                        int attempts, boolean possibleDuplicate, NoticeRenderer.Rendered rendered) implements Step {}
    }

    Step prepare(DueNotice notice, LocalDate today) {
        List<DueNotice.Line> owed = new ArrayList<>();
        Set<String> dropped = new LinkedHashSet<>();
        for (DueNotice.Line line : notice.lines()) {
            Optional<String> why = whyNotOwed(notice, line, today);
            if (why.isEmpty()) {
                owed.add(line);
            } else {
                notices.dropLine(line.actionId(), why.get());
                dropped.add(why.get());
            }
        }
        if (owed.isEmpty()) {
            return done(outcomes.finish(notice, notice.lines(), NoticeEvent.CANCEL, cancelled(dropped)));
        }
        if (!notice.channel().reachesCustomer() && !automatedCall(notice)) {
            return done(outcomes.finish(notice, owed, NoticeEvent.OPEN_TASK, renderer.render(notice, owed).subject()));
        }
        Optional<String> unreachable = unreachable(notice);
        if (unreachable.isPresent()) {
            return done(outcomes.finish(notice, owed, NoticeEvent.OPEN_TASK, unreachable.get() + "; a person contacts the customer"));
        }
        ReminderChannel channel = channels.get(notice.channel());
        if (notice.claim().interrupted()) {
            Optional<String> refused = refusedResend(notice, channel);
            if (refused.isPresent()) {
                return done(outcomes.finish(notice, owed, NoticeEvent.OPEN_TASK, refused.get()));
            }
        }
        return handOver(notice, owed, channel);
    }

    private Step handOver(DueNotice notice, List<DueNotice.Line> owed, ReminderChannel channel) {
        NoticeRenderer.Rendered message = renderer.render(notice, owed, tracked(notice, online.offer(notice, owed)));
        boolean interrupted = notice.claim().interrupted();
        if (interrupted) {
            notices.resendingAfterInterruption(notice.noticeId());
            events.append(new DispatchEvent.InterruptedSendFound(notice.noticeId(), "an earlier send may have gone out; sent "
                    + "again on " + channel.channel().label() + " as the same message: a possible duplicate"));
        } else {
            notices.handOver(notice.noticeId());
            events.append(DispatchEvent.of(notice.noticeId(), NoticeEvent.HAND_OVER, "to " + channel.channel().label()));
        }
        Optional<java.net.URI> unsubscribe = notice.channel() == Channel.EMAIL ? publicLinks.map(p -> p.unsubscribe(notice.noticeId()))
                : Optional.empty();
        return new Step.HandOver(notice, owed, channel, NoticeMessages.message(notice, message, unsubscribe), notice.attempts() + (interrupted ? 1 : 0),
                interrupted || notice.possibleDuplicate(), message);
    }

    /** The offer with its links through our redirect, which records when one is opened, where a public URL is set. */
    private OnlinePayment.Offer tracked(DueNotice notice, OnlinePayment.Offer offer) {
        if (publicLinks.isEmpty() || offer.links().isEmpty()) {
            return offer;
        }
        return new OnlinePayment.Offer(offer.links().stream().map(l -> publicLinks.get().tracked(notice.noticeId(), l)).toList(),
                offer.notes());
    }

    /** A call step with a call channel configured: a recorded message plays instead of a person calling. */
    private boolean automatedCall(DueNotice notice) {
        return notice.channel() == Channel.CALL && channels.containsKey(Channel.CALL);
    }

    /** Why a line must come off the notice before it goes out, or empty when it is still owed and nothing pauses it. */
    private static Optional<String> whyNotOwed(DueNotice notice, DueNotice.Line line, LocalDate today) {
        if (line.status() != ItemStatus.OPEN || !line.open().isPositive()) {
            return Optional.of("invoice was paid before the notice was sent");
        }
        return Pauses.keepsFromSending(line.open(), line.holds(), notice.customerHolds(), line.promise(), today)
                .map(why -> "not sent: " + why + " (recorded after the notice was planned)");
    }

    private static String cancelled(Set<String> dropped) {
        boolean allPaid = dropped.stream().allMatch(why -> why.startsWith("invoice was paid"));
        return allPaid ? "every invoice on it was paid before it was sent"
                : "nothing left to send: " + String.join("; ", dropped);
    }

    /** Why the customer cannot be reached on the notice's channel here, or empty when a message can go out. */
    private Optional<String> unreachable(DueNotice notice) {
        if (!channels.containsKey(notice.channel())) {
            return Optional.of("channel not configured: no " + notice.channel().label() + " account is set");
        }
        boolean email = notice.channel() == Channel.EMAIL;
        if (notice.optedOut().contains(notice.channel())) {
            return Optional.of((email ? "customer unsubscribed from e-mail" : "customer opted out of " + notice.channel().label())
                    + " after the notice was planned");
        }
        if ((email ? notice.email() : notice.phone()).isEmpty()) {
            return Optional.of("customer has no " + (email ? "e-mail address" : "phone number"));
        }
        return Optional.empty();
    }

    /** Why an interrupted send must not simply be repeated, or empty when the channel makes the repeat the same message. */
    private static Optional<String> refusedResend(DueNotice notice, ReminderChannel channel) {
        String interrupted = "an earlier send on " + channel.channel().label() + " was interrupted and may have gone out";
        if (!channel.deduplicates()) {
            return Optional.of(interrupted + "; the channel cannot recognise a repeat, so a person checks with the customer "
                    + "before it is sent again");
        }
        if (notice.attempts() + 1 >= ReminderDispatch.MAX_ATTEMPTS) {
            return Optional.of(interrupted + "; " + (notice.attempts() + 1) + " attempts were interrupted, so a person takes over");
        }
        return Optional.empty();
    }

    private static Step done(DispatchReport.Dispatched dispatched) {
        return new Step.Done(dispatched);
    }
}
