package io.recoup.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL a Java source holds, statement by statement: the string literals and text blocks of each Java statement
 * joined with a space, what stands between them (variables, method calls) left out. Good enough to find what a
 * statement writes, which is all the lifecycle checks ask of it.
 */
final class SqlInJava {
    private SqlInJava() {
    }

    static List<String> statements(String java) {
        List<String> statements = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        int i = 0;
        while (i < java.length()) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                i = java.indexOf('\n', i) < 0 ? java.length() : java.indexOf('\n', i);
            } else if (java.startsWith("/*", i)) {
                i = java.indexOf("*/", i + 2) + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                sql.append(' ').append(java, i + 3, end);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int end = endOfLiteral(java, i);
                if (c == '"') {
                    sql.append(' ').append(java, i + 1, end);
                }
                i = end + 1;
            } else {
                if (c == ';' || c == '{' || c == '}') {
                    flush(sql, statements);
                }
                i++;
            }
        }
        flush(sql, statements);
        return statements;
    }

    private static int endOfLiteral(String java, int start) {
        int i = start + 1;
        while (java.charAt(i) != java.charAt(start)) {
            i += java.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private static void flush(StringBuilder sql, List<String> statements) {
        String text = sql.toString().replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) {
            statements.add(text);
        }
        sql.setLength(0);
    }
}
