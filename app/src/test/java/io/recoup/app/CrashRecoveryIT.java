package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.core.lifecycle.NoticeStatus;
import io.recoup.store.TemporaryFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo killed with SIGKILL at ten points spread over its ten days, each time in a child JVM that the test stops
 * exactly there (see {@link PausePoints}), and started again on the same {@code recoup.home}: every start must come up
 * in one try (the embedded PostgreSQL left running by the killed JVM included), and the end must hold exactly the
 * e-mails (by Message-ID, in {@code mail/}) and postings (in {@code payments-*.csv}) of a run that was never
 * interrupted. A message sent twice may only be there if the demo's summary counts it as a possible duplicate send.
 */
class CrashRecoveryIT {
    private static final List<String> KILL_POINTS = List.of(
            "ledger-read@2026-03-02",          // the ledger export is read, nothing of it stored yet
            "smtp-accepted@2026-03-02",        // during an SMTP send: the server has the message, the database does not
            "smtp-accepted@2026-03-02#2",
            "day-end@2026-03-02",
            "day-start@2026-03-03",
            "payments-written@2026-03-04",     // the payments file is written, the postings not yet marked as posted
            "smtp-accepted@2026-03-04",
            "day-end@2026-03-05",
            "payments-written@2026-03-06",
            "day-start@2026-03-09");
    /** The kill after the message is in the mailbox and before its commit: a resend unless dispatch records "sending" first. */
    private static final String AFTER_SEND_BEFORE_COMMIT = "mail-written@2026-03-05";
    private static final Pattern COPY = Pattern.compile("(.+?)(~\\d+)?\\.eml");
    private static final Pattern POSSIBLE_DUPLICATES = Pattern.compile("possible duplicate sends: (\\d+)");

    @Test
    void theDemoKilledAtTenPointsEndsWithTheEmailsAndPostingsOfAnUninterruptedRun() throws Exception {
        Path clean = TemporaryFolders.create("recoup-crash-clean");
        Path killed = TemporaryFolders.create("recoup-crash-killed");
        try {
            CompletableFuture<String> uninterrupted = CompletableFuture.supplyAsync(() -> runToTheEnd(clean));
            for (String point : killPoints()) {
                killAt(point, killed);
            }
            String last = runToTheEnd(killed);
            uninterrupted.join();

            Outcome expected = Outcome.of(clean, "");
            Outcome actual = Outcome.of(killed, last);
            assertThat(expected.messages()).as("the uninterrupted run's mail").hasSizeGreaterThanOrEqualTo(5).allSatisfy((id, copies) ->
                    assertThat(copies).as(id).isEqualTo(1));
            assertThat(expected.postings()).as("the uninterrupted run's postings").hasSizeGreaterThanOrEqualTo(2);
            assertThat(actual.messages().keySet()).as("Message-IDs after the kills").isEqualTo(expected.messages().keySet());
            int extra = actual.messages().values().stream().mapToInt(copies -> copies - 1).sum();
            assertThat(extra).as("messages sent more than once (the summary counts %s as possible duplicates)",
                    actual.possibleDuplicates()).isLessThanOrEqualTo(actual.possibleDuplicates());
            assertThat(actual.postings()).as("postings after the kills").isEqualTo(expected.postings());
        } finally {
            RecoupProcess.stopServerIn(clean);
            RecoupProcess.stopServerIn(killed);
        }
    }

    private static List<String> killPoints() {
        List<String> points = new ArrayList<>(KILL_POINTS);
        // issue 10, item 11: until dispatch records a notice as sending before the hand-off, a kill here sends it twice
        if (Arrays.stream(NoticeStatus.values()).anyMatch(s -> s.name().equals("SENDING"))) {
            points.add(7, AFTER_SEND_BEFORE_COMMIT);
        }
        return points;
    }

    /** Starts the demo on {@code home}, which must come up in one try, reach the point and pause there; then SIGKILL. */
    private static void killAt(String point, Path home) throws Exception {
        String expected = "recoup: paused at " + (point.contains("#") ? point : point + "#1");
        try (RecoupProcess demo = RecoupProcess.start("demo", "--recoup.home=" + home, "--recoup.crash-test.pause-at=" + point)) {
            assertThat(demo.awaitLine(line -> line.startsWith(expected)))
                    .as("the demo started in one try and reached %s; its output:%n%s", point, demo.output()).isPresent();
            demo.kill();
        }
        assertThat(home.resolve("pgdata").resolve("postmaster.pid")).as("the embedded PostgreSQL outlives the killed JVM").exists();
    }

    private static String runToTheEnd(Path home) {
        try (RecoupProcess demo = RecoupProcess.start("demo", "--recoup.home=" + home)) {
            int exit = demo.awaitExit();
            assertThat(exit).as("the demo on %s ran to the end; its output:%n%s", home, demo.output()).isZero();
            return demo.output();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a run leaves: copies per Message-ID in {@code mail/}, every line of the payments files (the installation's
     * random id in the document numbers replaced, as two installations differ in it), and the duplicates its summary counts.
     */
    private record Outcome(Map<String, Integer> messages, List<String> postings, int possibleDuplicates) {
        static Outcome of(Path home, String output) throws IOException {
            Map<String, Integer> messages = new TreeMap<>();
            try (Stream<Path> files = Files.list(home.resolve("mail"))) {
                for (Path file : files.toList()) {
                    Matcher m = COPY.matcher(file.getFileName().toString());
                    assertThat(m.matches()).as("a mail file: %s", file).isTrue();
                    messages.merge(m.group(1), 1, Integer::sum);
                }
            }
            List<String> postings = new ArrayList<>();
            try (Stream<Path> files = Files.list(home.resolve("ledger").resolve("payments"))) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("payments-.*\\.csv")).sorted().toList()) {
                    List<String> lines = Files.readAllLines(file);
                    lines.subList(1, lines.size()).forEach(l -> postings.add(l.replaceFirst("^RCP-[A-Z2-9]{6}-", "RCP-<id>-")));
                }
            }
            Matcher duplicates = POSSIBLE_DUPLICATES.matcher(output);
            return new Outcome(messages, postings.stream().sorted().toList(), duplicates.find() ? Integer.parseInt(duplicates.group(1)) : 0);
        }
    }
}
