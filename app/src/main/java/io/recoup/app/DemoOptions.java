package io.recoup.app;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The demo job's options: the first day, how many days to run, and whether to start from an empty state. */
public record DemoOptions(LocalDate today, int days, boolean reset) {
    /** The first day of the bundled sample data: every stage has work on the ten days from here. */
    public static final LocalDate SAMPLE_START = LocalDate.of(2026, 3, 2);

    public DemoOptions {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("--days must be between 1 and 366, not " + days);
        }
    }

    public static DemoOptions parse(String[] args) {
        LocalDate today = SAMPLE_START;
        int days = 10;
        boolean reset = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--recoup.") || arg.startsWith("--spring.") || arg.startsWith("--logging.")) {
                continue;
            }
            switch (arg) {
                case "--today" -> today = date(value(args, ++i, arg));
                case "--days" -> days = number(value(args, ++i, arg));
                case "--reset" -> reset = true;
                default -> throw new IllegalArgumentException("unknown demo option '" + arg
                        + "'; use --today YYYY-MM-DD, --days N, --reset");
            }
        }
        return new DemoOptions(today, days, reset);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--today '" + text + "' is not a date (YYYY-MM-DD)", e);
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--days '" + text + "' is not a whole number", e);
        }
    }
}
