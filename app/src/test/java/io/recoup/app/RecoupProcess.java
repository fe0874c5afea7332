package io.recoup.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Recoup's main class run in a child JVM from the test classpath, as {@code java -jar recoup.jar} would run it, with
 * its output (standard output and error together) collected line by line, so a test can wait for a line, read what it
 * printed, or kill it with SIGKILL.
 */
final class RecoupProcess implements AutoCloseable {
    /** Only a guard against a child that hangs: every wait here normally ends long before. */
    private static final long HANG_GUARD_SECONDS = 180;
    private static final String END = "\u0000end of output";

    private final Process process;
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> lines = new ArrayList<>();

    private RecoupProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "output of pid " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java ... io.recoup.app.RecoupApplication args}. */
    static RecoupProcess start(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                RecoupApplication.class.getName()));
        command.addAll(List.of(args));
        try {
            return new RecoupProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM", e);
        }
    }

    /** Waits for the first line (from now on) that matches; empty if the process ended without printing one. */
    Optional<String> awaitLine(Predicate<String> wanted) throws InterruptedException {
        while (true) {
            String line = unread.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            if (line == null || line.equals(END)) {
                return Optional.empty();
            }
            if (wanted.test(line)) {
                return Optional.of(line);
            }
        }
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the child JVM did not end; its output:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or stopped, as when the kernel or an operator kills it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Sends {@code signal} (STOP, CONT, ...) to the process: SIGSTOP freezes it as a stalled host would. */
    void signal(String signal) throws IOException, InterruptedException {
        if (process.isAlive()) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Where {@code text} was last printed, as a line number from the start; -1 when never. */
    int lastIndexOf(String text) {
        synchronized (lines) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(text)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Everything printed so far. */
    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Stops a PostgreSQL server left running on {@code home}'s data by a killed child (a failed test must not leak one). */
    static void stopServerIn(Path home) throws IOException {
        Path pidFile = home.resolve("pgdata").resolve("postmaster.pid");
        if (Files.isRegularFile(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).ifPresent(ProcessHandle::destroy);
        }
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
                unread.add(line);
            }
        } catch (IOException e) {
            synchronized (lines) {
                lines.add("(output no longer readable: " + e.getMessage() + ")");
            }
        } finally {
            unread.add(END);
        }
    }
}
