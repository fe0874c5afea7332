package io.recoup.sepa.camt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stack of open elements while streaming, with each element's position among its same-named siblings, so a
 * problem can say {@code /Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt}. Memory grows with nesting depth only: a
 * frame forgets its children when it is popped.
 */
final class ElementPath {
    /** Elements that repeat in camt; only these show their position, the others would only add noise. */
    private static final Set<String> REPEATING = Set.of("Stmt", "Ntfctn", "Rpt", "Bal", "Ntry", "NtryDtls", "TxDtls",
            "Strd", "Ustrd");

    private final List<Frame> frames = new ArrayList<>();

    private static final class Frame {
        final String name;
        final int position;
        final int line;
        final String currency;
        boolean hasChildren;
        Map<String, Integer> childCounts;

        Frame(String name, int position, int line, String currency) {
            this.name = name;
            this.position = position;
            this.line = line;
            this.currency = currency;
        }

        int nextPosition(String child) {
            if (childCounts == null) {
                childCounts = new HashMap<>(4);
            }
            return childCounts.merge(child, 1, Integer::sum);
        }
    }

    /** Opens an element; {@code currency} is its {@code Ccy} attribute, kept because attributes vanish at the end tag. */
    void push(String name, int line, String currency) {
        int position = 1;
        if (!frames.isEmpty()) {
            Frame parent = frames.get(frames.size() - 1);
            parent.hasChildren = true;
            // only repeating elements show (and are asked for) their position: counting the rest costs a map per element
            if (REPEATING.contains(name)) {
                position = parent.nextPosition(name);
            }
        }
        frames.add(new Frame(name, position, line, currency));
    }

    void pop() {
        frames.remove(frames.size() - 1);
    }

    /** Number of open elements; the root element alone is depth 1. */
    int depth() {
        return frames.size();
    }

    boolean isEmpty() {
        return frames.isEmpty();
    }

    String name() {
        return top().name;
    }

    /** 1-based position of the current element among the siblings with its name. */
    int position() {
        return top().position;
    }

    int line() {
        return frames.isEmpty() ? -1 : top().line;
    }

    String currency() {
        return top().currency;
    }

    boolean isLeaf() {
        return !top().hasChildren;
    }

    /** The name of the element {@code levelsUp} above the current one, or null above the root. */
    String ancestor(int levelsUp) {
        int index = frames.size() - 1 - levelsUp;
        return index >= 0 ? frames.get(index).name : null;
    }

    /**
     * The path of the current element below the element open at {@code depth}, e.g. {@code Acct/Id/IBAN} below a
     * statement; the empty string for that element itself.
     */
    String below(int depth) {
        if (depth >= frames.size()) {
            return "";
        }
        if (depth == frames.size() - 1) {
            return top().name;
        }
        StringBuilder path = new StringBuilder(48);
        for (int i = depth; i < frames.size(); i++) {
            if (i > depth) {
                path.append('/');
            }
            path.append(frames.get(i).name);
        }
        return path.toString();
    }

    /** The absolute path with positions of repeating elements, for problem reports. */
    String absolute() {
        if (frames.isEmpty()) {
            return "/";
        }
        StringBuilder path = new StringBuilder(96);
        for (Frame frame : frames) {
            path.append('/').append(frame.name);
            if (REPEATING.contains(frame.name)) {
                path.append('[').append(frame.position).append(']');
            }
        }
        return path.toString();
    }

    private Frame top() {
        return frames.get(frames.size() - 1);
    }
}
