package io.recoup.app.reconcile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The reconcile job's options: {@code --items <csv> --statement <xml> [--statement <xml> ...] --out <dir>}. */
public record ReconcileOptions(Path items, List<Path> statements, Path out, String source) {
    public ReconcileOptions {
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("give at least one --statement <camt.053/054 file>");
        }
    }

    public static ReconcileOptions parse(String[] args) {
        Path items = null;
        Path out = null;
        String source = "csv";
        List<Path> statements = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--recoup.") || arg.startsWith("--spring.") || arg.startsWith("--logging.")) {
                continue;
            }
            switch (arg) {
                case "--items" -> items = Path.of(value(args, ++i, arg));
                case "--statement" -> statements.add(Path.of(value(args, ++i, arg)));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--source" -> source = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown reconcile option '" + arg + "'");
            }
        }
        if (items == null) {
            throw new IllegalArgumentException("--items <ledger.csv> is required");
        }
        if (out == null) {
            throw new IllegalArgumentException("--out <folder> is required");
        }
        return new ReconcileOptions(items, statements, out, source);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
