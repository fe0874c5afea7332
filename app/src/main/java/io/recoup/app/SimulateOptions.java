package io.recoup.app;

import io.recoup.core.policy.Channel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The simulate job's options: {@code --items <csv> | --stored}, {@code --policy <yaml>}, {@code --from D1 --to D2},
 * {@code --out plan.csv}, optional {@code --compare <yaml>} and {@code --channels email,sms}.
 */
record SimulateOptions(Optional<Path> items, boolean stored, Path policy, Optional<Path> compare, LocalDate from, LocalDate to,
                       Path out, Set<Channel> channels) {

    SimulateOptions {
        if (items.isEmpty() == !stored) {
            throw new IllegalArgumentException("give either --items <csv> or --stored");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        if (from.plusYears(2).isBefore(to)) {
            throw new IllegalArgumentException("simulate at most two years at a time");
        }
    }

    static SimulateOptions parse(String[] args) {
        Optional<Path> items = Optional.empty();
        boolean stored = false;
        Path policy = null;
        Optional<Path> compare = Optional.empty();
        LocalDate from = null;
        LocalDate to = null;
        Path out = null;
        Set<Channel> channels = EnumSet.of(Channel.EMAIL);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--recoup.") || arg.startsWith("--spring.") || arg.startsWith("--logging.")) {
                continue;
            }
            switch (arg) {
                case "--items" -> items = Optional.of(Path.of(value(args, ++i, arg)));
                case "--stored" -> stored = true;
                case "--policy" -> policy = Path.of(value(args, ++i, arg));
                case "--compare" -> compare = Optional.of(Path.of(value(args, ++i, arg)));
                case "--from" -> from = date(value(args, ++i, arg), arg);
                case "--to" -> to = date(value(args, ++i, arg), arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--channels" -> channels = channels(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown simulate option '" + arg + "'");
            }
        }
        require(policy, "--policy <yaml>");
        require(from, "--from YYYY-MM-DD");
        require(to, "--to YYYY-MM-DD");
        require(out, "--out <plan.csv>");
        return new SimulateOptions(items, stored, policy, compare, from, to, out, channels);
    }

    private static void require(Object value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " is required");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a date (YYYY-MM-DD)", e);
        }
    }

    private static Set<Channel> channels(String list) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : list.split(",")) {
            channels.add(Channel.parse(name).orElseThrow(() -> new IllegalArgumentException("--channels: unknown channel '" + name + "'")));
        }
        return channels;
    }
}
