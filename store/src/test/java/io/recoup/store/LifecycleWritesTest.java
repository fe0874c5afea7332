package io.recoup.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every status write of a lifecycle table goes through {@link LifecycleRows}: the SQL of every main source in the
 * repository (bench excluded: it loads its data with COPY, as fixtures) is read, and no statement may update the
 * status of a collection, notice, action, receipt, posting, provider event or webhook delivery, nor insert one with a status written as a literal
 * instead of the table's initial state.
 */
class LifecycleWritesTest {
    private static final String TABLES = "(collection|notice|action|receipt|posting|provider_event|webhook_delivery)";
    private static final Pattern UPDATE = Pattern.compile("\\bupdate\\s+(?:only\\s+)?" + TABLES
            + "\\b(?:\\s+(?:as\\s+)?\\w+)?\\s+set\\s+(.*?)(?=\\bwhere\\b|\\bfrom\\b|\\breturning\\b|$)");
    private static final Pattern UPSERT = Pattern.compile("\\binsert\\s+into\\s+" + TABLES
            + "\\b.*\\bdo\\s+update\\s+set\\s+(.*?)(?=\\bwhere\\b|\\breturning\\b|$)");
    private static final Pattern INSERT = Pattern.compile("\\binsert\\s+into\\s+" + TABLES
            + "\\s*\\(([^)]*)\\)\\s*(?:values\\s*\\(|(?:select|with)\\s)");
    private static final Pattern SETS_STATUS = Pattern.compile("(?:^|,)\\s*(?:\\w+\\.)?status\\s*=");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void noMainSourceWritesALifecycleStatusButLifecycleRows() {
        List<String> found = new ArrayList<>();
        Set<String> insertedInto = new TreeSet<>();
        for (Path source : mainSources()) {
            if (!source.endsWith(Path.of("io", "recoup", "store", "LifecycleRows.java"))) {
                String name = ROOT.relativize(source).toString();
                SqlInJava.statements(read(source)).forEach(sql -> found.addAll(problems(name, sql, insertedInto)));
            }
        }

        assertThat(found).isEmpty();
        // the scan found the inserts it must look at: a scan that reads nothing passes nothing
        assertThat(insertedInto).containsExactly("action", "collection", "notice", "posting", "provider_event", "receipt", "webhook_delivery");
    }

    @Test
    void catchesARawStatusUpdateAnUpsertAndAStatusWrittenAsALiteral() {
        String java = """
                class Sneaky {
                    void settle(long id) {
                        jdbc.update("update collection set reason = ?, " + "status = 'SETTLED' where id = ?", "paid", id);
                        jdbc.update(\"\"\"
                            update notice n set status = ? where n.id = ?\"\"\", "SENT", id);
                        jdbc.update("insert into receipt (provider, status) values (?, 'MATCHED')", "bank");
                        jdbc.update("insert into posting (id, status) values (?, ?) on conflict (id) do update set status = 'POSTED'");
                        jdbc.update("insert into action (item_id, status) select i.id, 'SENT' from open_item i");
                        jdbc.update("update open_item set status = 'PAID' where id = ?", id); // not a lifecycle table
                    }
                }""";
        List<String> found = new ArrayList<>();
        SqlInJava.statements(java).forEach(sql -> found.addAll(problems("Sneaky.java", sql, new TreeSet<>())));

        assertThat(found).hasSize(5).allMatch(problem -> problem.startsWith("Sneaky.java: "));
    }

    private static List<String> problems(String source, String sql, Set<String> insertedInto) {
        String text = sql.toLowerCase(Locale.ROOT);
        List<String> problems = new ArrayList<>();
        for (Pattern writes : List.of(UPDATE, UPSERT)) {
            Matcher m = writes.matcher(text);
            while (m.find()) {
                if (SETS_STATUS.matcher(m.group(2)).find()) {
                    problems.add(source + ": sets the status of " + m.group(1) + " outside LifecycleRows: " + sql);
                }
            }
        }
        Matcher insert = INSERT.matcher(text);
        while (insert.find()) {
            insertedInto.add(insert.group(1));
            List<String> columns = List.of(insert.group(2).split("\\s*,\\s*"));
            int at = columns.stream().map(String::strip).toList().indexOf("status");
            List<String> values = values(text.substring(insert.end()));
            if (at >= 0 && (at >= values.size() || !values.get(at).equals("?"))) {
                problems.add(source + ": inserts into " + insert.group(1) + " with a status not bound to the table's "
                        + "initial state: " + sql);
            }
        }
        return problems;
    }

    /** The comma-separated values after "values (" or "select", up to the closing parenthesis or "from". */
    private static List<String> values(String rest) {
        String body = rest.startsWith("select") ? rest.substring("select".length()) : rest;
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean end = depth == 0 && (c == ')' || body.startsWith(" from ", i));
            if (end || depth == 0 && c == ',') {
                values.add(value.toString().strip());
                value.setLength(0);
                if (end) {
                    break;
                }
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            value.append(c);
        }
        return values;
    }

    private static List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> ROOT.relativize(p).toString().replace('\\', '/').matches("(?!bench/)(.+/)?src/main/java/.*"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
