package io.recoup.routes.dispatch;

import io.recoup.core.message.MessageTemplates;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.LetterFormat;
import io.recoup.core.policy.PaymentOption;
import io.recoup.core.policy.PolicyStep;
import io.recoup.core.port.LetterPrinter;
import io.recoup.core.port.PaymentLinkIssuer;
import io.recoup.core.port.ReminderChannel;
import io.recoup.routes.CreditorDetails;
import io.recoup.routes.dispatch.NoticePreparation.Step;
import io.recoup.store.Database;
import io.recoup.store.EventLog;
import io.recoup.store.dispatch.ClaimedNotice;
import io.recoup.store.dispatch.DeliveryEvents;
import io.recoup.store.dispatch.NoticePaymentLinks;
import io.recoup.store.provider.ProviderMandates;
import io.recoup.store.dispatch.NoticeRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 3, dispatch: takes notices from the outbox one at a time, each locked with SKIP LOCKED so several instances can
 * share the queue, and carries them out: a message on a configured channel, or a task for a person. First come the
 * notices an interrupted run left being sent (resent as the same message where the channel can tell a repeat, else
 * left to a person), then the planned notices that are due. A message is recorded as being sent, and committed,
 * before its channel gets it. A notice that fails for a reason that will not go away is parked for a person and the
 * run goes on with the next; only the database's passing trouble stops a run, to be tried again on the next. A
 * channel may keep its connection open through a run (SMTP does); it is told when the run ends.
 */
public final class ReminderDispatch {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderDispatch.class);
    static final int MAX_ATTEMPTS = 5;
    /** How long a prepared notice's transaction waits for the notice before it to be carried out, then gives way. */
    public static final Duration AHEAD_WAIT = Duration.ofSeconds(10);

    private final Database db;
    private final NoticeRepository notices;
    private final Clock clock;
    private final Map<Channel, ReminderChannel> channels = new EnumMap<>(Channel.class);
    private final Outcomes outcomes;
    private final NoticePreparation preparation;
    private final NoticeDelivery delivery;

    public ReminderDispatch(Database db, NoticeRepository notices, EventLog events, MessageTemplates templates,
                            CreditorDetails creditor, List<ReminderChannel> channels, Clock clock) {
        this(db, notices, events, templates, creditor, channels, clock, Optional.empty(), step -> PolicyStep.DEFAULT_PAYMENT_OPTIONS);
    }

    /**
     * With the maker of online payment links ({@code issuer}, empty when no provider is configured for it) and what
     * the policy in force offers on a step ({@code optionsOfStep}, asked per notice with its lead step key).
     */
    public ReminderDispatch(Database db, NoticeRepository notices, EventLog events, MessageTemplates templates,
                            CreditorDetails creditor, List<ReminderChannel> channels, Clock clock,
                            Optional<PaymentLinkIssuer> issuer, Function<String, Set<PaymentOption>> optionsOfStep) {
        this(db, notices, events, templates, creditor, channels, clock, issuer.stream().toList(), optionsOfStep);
    }

    /**
     * With the makers of online payment links of every configured provider ({@code issuers}, each offered where the
     * policy's step names it) and what the policy in force offers on a step ({@code optionsOfStep}).
     */
    public ReminderDispatch(Database db, NoticeRepository notices, EventLog events, MessageTemplates templates,
                            CreditorDetails creditor, List<ReminderChannel> channels, Clock clock,
                            List<PaymentLinkIssuer> issuers, Function<String, Set<PaymentOption>> optionsOfStep) {
        this(db, notices, events, templates, creditor, channels, clock, issuers, optionsOfStep, Optional.empty(), step -> Optional.empty());
    }

    /**
     * As above, with the printer of formal letters ({@code printer}, empty when none) and which letter the policy in
     * force asks for on a step ({@code letterOfStep}, asked per notice with its lead step key).
     */
    public ReminderDispatch(Database db, NoticeRepository notices, EventLog events, MessageTemplates templates,
                            CreditorDetails creditor, List<ReminderChannel> channels, Clock clock,
                            List<PaymentLinkIssuer> issuers, Function<String, Set<PaymentOption>> optionsOfStep,
                            Optional<LetterPrinter> printer, Function<String, Optional<LetterFormat>> letterOfStep) {
        this(db, notices, events, templates, creditor, channels, clock, issuers, OfferedOptions.byStep(optionsOfStep), printer,
                letterOfStep, Optional.empty());
    }

    /**
     * As above, with what the policy in force offers per step and segment ({@code options}) and the links back to this
     * instance ({@code publicLinks}, empty without a public URL): payment links then go through our redirect, which
     * records when they are opened, and e-mails carry a one-click unsubscribe.
     */
    public ReminderDispatch(Database db, NoticeRepository notices, EventLog events, MessageTemplates templates,
                            CreditorDetails creditor, List<ReminderChannel> channels, Clock clock,
                            List<PaymentLinkIssuer> issuers, OfferedOptions options,
                            Optional<LetterPrinter> printer, Function<String, Optional<LetterFormat>> letterOfStep,
                            Optional<PublicLinks> publicLinks) {
        this.db = db;
        this.notices = notices;
        this.clock = clock;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        this.outcomes = new Outcomes(notices, events);
        this.preparation = new NoticePreparation(this.channels, new NoticeRenderer(templates, creditor, clock,
                printer.<Letters>map(p -> new PdfLetters(templates, p, letterOfStep)).orElse(Letters.NONE)), notices, events, outcomes,
                new OnlinePayment(issuers, options, new NoticePaymentLinks(db), new ProviderMandates(db), clock), publicLinks);
        this.delivery = new NoticeDelivery(notices, events, outcomes, new DeliveryEvents(db), clock);
    }

    /** The channels messages can be sent on here; the planner falls back past the others. */
    public Set<Channel> configuredChannels() {
        return Set.copyOf(channels.keySet());
    }

    public DispatchReport dispatch() {
        List<DispatchReport.Dispatched> done = new ArrayList<>();
        try {
            drain(notices::claimInterrupted, done);
            drain(after -> notices.claimNext(clock.instant(), after), done);
        } finally {
            // the run's messages went out on one connection per channel where the channel keeps one; each was
            // answered and its outcome committed before the next was handed over
            channels.values().forEach(ReminderChannel::endOfRun);
        }
        DispatchReport report = new DispatchReport(done);
        if (!done.isEmpty()) {
            LOG.info("dispatched {} notice(s): {} sent, {} task(s), {} deferred, {} failed, {} cancelled, {} parked, "
                            + "{} possible duplicate(s) {}", done.size(), report.count("SENT"), report.count("TASK_OPEN"),
                    report.count("DEFERRED"), report.count("FAILED"), report.count("CANCELLED"), report.count("PARKED"),
                    report.possibleDuplicates().size(), report.possibleDuplicates());
        }
        return report;
    }

    /**
     * Carries out every notice {@code claim} finds, in id order, each in its own transactions. While one notice's
     * message is with its channel, the next is claimed and prepared (rendered) on the preparer's thread, and its
     * transaction waits: it commits only once the first one's outcome is committed, so at most one notice is ever
     * handed over and unanswered, as without the overlap, and a crash leaves no more interrupted sends behind. When the
     * wait would hold up the run (longer than {@link #AHEAD_WAIT}, or a lock the outcome needs), the next one is rolled
     * back and claimed again afterwards.
     */
    private void drain(LongFunction<Optional<ClaimedNotice>> claim, List<DispatchReport.Dispatched> done) {
        ExecutorService preparer = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "dispatch-prepare");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Claimed current = claimNow(claim, 0);
            while ((current = settle(claim, current)) != null) {
                Gate gate = new Gate();
                long after = current.id();
                Future<Claimed> ahead = preparer.submit(() -> claimAndPrepare(claim, after, gate));
                try {
                    carryOut(current.step().orElseThrow(), done);
                } catch (RuntimeException e) {
                    gate.open(false);
                    awaitQuietly(ahead);
                    if (Database.isPassing(e)) {
                        throw e;
                    }
                    // its outcome could not even be recorded (nor could it be parked): it stays where it is, the others
                    // go on, and the next run takes it up again
                    LOG.error("notice {} failed and what came of it could not be recorded; the next run takes it up again", after, e);
                    current = claimNow(claim, after);
                    continue;
                }
                gate.open(true);
                Claimed next = await(ahead);
                // withdrawn, failed, or none was due while this one was out: claim again now (its outcome may have added
                // one; a failure that will not go away fails again here and is dealt with as any claim's)
                current = next.found() ? next : claimNow(claim, after);
            }
        } finally {
            preparer.shutdownNow();
        }
    }

    /** What one claim transaction came to: the notice it claimed after {@code after} (its id and step), none, or a failure. */
    private record Claimed(long after, long id, Optional<Step> step, RuntimeException failure) {
        boolean found() {
            return failure == null && step.isPresent();
        }
    }

    /** A prepared notice's transaction rolled back unused: the notice before it could not be carried out or took too long. */
    private static final class Withdrawn extends RuntimeException {
        Withdrawn(String why) {
            super(why, null, false, false);
        }
    }

    /** Tells a prepared notice's transaction whether to commit (the notice before it is done) or to roll back. */
    private static final class Gate {
        private final CompletableFuture<Boolean> open = new CompletableFuture<>();

        void open(boolean commit) {
            open.complete(commit);
        }

        void awaitCommit() {
            try {
                if (!open.get(AHEAD_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new Withdrawn("the notice before it could not be carried out");
                }
            } catch (TimeoutException e) {
                throw new Withdrawn("the notice before it took longer than " + AHEAD_WAIT);
            } catch (ExecutionException e) {
                throw new Withdrawn("the notice before it failed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Withdrawn("the run ended");
            }
        }
    }

    /** Claims and prepares the next notice after {@code after} here, committed at once. */
    private Claimed claimNow(LongFunction<Optional<ClaimedNotice>> claim, long after) {
        return claimAndPrepare(claim, after, null);
    }

    /** The claim transaction: claims the next notice after {@code after}, prepares it, and commits once {@code gate} says so. */
    private Claimed claimAndPrepare(LongFunction<Optional<ClaimedNotice>> claim, long after, Gate gate) {
        long[] claimed = {after};
        try {
            Optional<Step> step = db.inTransaction(() -> claim.apply(after).map(notice -> {
                claimed[0] = notice.noticeId().value();
                Step prepared = prepareOrPark(notice);
                if (gate != null) {
                    gate.awaitCommit();
                }
                return prepared;
            }));
            return new Claimed(after, claimed[0], step, null);
        } catch (RuntimeException e) {
            return new Claimed(after, claimed[0], Optional.empty(), e);
        }
    }

    /**
     * The claim to carry out next, or null when none is left: a claim that failed is thrown when the database's trouble
     * is passing or nothing was claimed, else logged and the one after it claimed.
     */
    private Claimed settle(LongFunction<Optional<ClaimedNotice>> claim, Claimed claimed) {
        Claimed c = claimed;
        while (c.failure() != null) {
            if (Database.isPassing(c.failure()) || c.id() == c.after()) {
                throw c.failure();
            }
            LOG.error("notice {} failed and what came of it could not be recorded; the next run takes it up again", c.id(), c.failure());
            c = claimNow(claim, c.id());
        }
        return c.step().isPresent() ? c : null;
    }

    private static Claimed await(Future<Claimed> ahead) {
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("dispatch was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("preparing the next notice failed", e.getCause());
        }
    }

    /** Waits for a withdrawn claim to roll back; it changed nothing, so what it came to does not matter. */
    private static void awaitQuietly(Future<Claimed> ahead) {
        try {
            ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.debug("a withdrawn claim failed as it rolled back", e.getCause());
        }
    }

    /** The notice prepared under a savepoint, so that when preparing it fails it is parked in the same transaction. */
    private Step prepareOrPark(ClaimedNotice notice) {
        try {
            LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
            return db.underSavepoint(() -> preparation.prepare(notices.load(notice), today));
        } catch (RuntimeException e) {
            if (Database.isPassing(e)) {
                throw e;
            }
            return new Step.Done(outcomes.park(notice, "it could not be prepared for sending", e));
        }
    }

    private void carryOut(Step step, List<DispatchReport.Dispatched> done) {
        if (step instanceof Step.Done d) {
            done.add(d.dispatched());
        } else if (step instanceof Step.HandOver h) {
            db.inTransaction(() -> delivery.deliver(h)).ifPresent(done::add);
        }
    }
}
