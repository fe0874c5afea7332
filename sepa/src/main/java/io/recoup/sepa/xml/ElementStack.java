package io.recoup.sepa.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stack of open elements while streaming, with each element's start line and, for the element names the reader
 * declares repeating, its position among its same-named siblings, so a reader can route a leaf by its path below a
 * scope and a problem can say {@code /Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/Amt}. Memory grows with nesting depth
 * only: a frame forgets its children's counts when it is popped.
 *
 * <p>Tuned for the camt reader benchmark: only repeating elements are counted (counting every element costs a map
 * per element with children), and {@link #below} avoids building a path for the common one-level case.
 */
public final class ElementStack {
    private final Set<String> repeating;
    private final List<Frame> frames = new ArrayList<>();

    private static final class Frame {
        final String name;
        final int position;
        final int line;
        final String attribute;
        boolean hasChildren;
        Map<String, Integer> childCounts;

        Frame(String name, int position, int line, String attribute) {
            this.name = name;
            this.position = position;
            this.line = line;
            this.attribute = attribute;
        }

        int nextPosition(String child) {
            if (childCounts == null) {
                childCounts = new HashMap<>(4);
            }
            return childCounts.merge(child, 1, Integer::sum);
        }
    }

    /** {@code repeating}: element names that show (and are asked for) their sibling position. */
    public ElementStack(Set<String> repeating) {
        this.repeating = Set.copyOf(repeating);
    }

    public void push(String name, int line) {
        push(name, line, null);
    }

    /**
     * Opens an element; {@code attribute} is the one attribute value the reader needs at the end tag, where StAX no
     * longer has it (camt keeps {@code Ccy}), or null.
     */
    public void push(String name, int line, String attribute) {
        int position = 1;
        if (!frames.isEmpty()) {
            Frame parent = top();
            parent.hasChildren = true;
            if (repeating.contains(name)) {
                position = parent.nextPosition(name);
            }
        }
        frames.add(new Frame(name, position, line, attribute));
    }

    public void pop() {
        frames.remove(frames.size() - 1);
    }

    /** Number of open elements; the root alone is depth 1. */
    public int depth() {
        return frames.size();
    }

    public boolean isEmpty() {
        return frames.isEmpty();
    }

    public String name() {
        return top().name;
    }

    /** 1-based position of the current element among its same-named siblings; always 1 for non-repeating names. */
    public int position() {
        return top().position;
    }

    public int line() {
        return frames.isEmpty() ? -1 : top().line;
    }

    /** The attribute value given to {@link #push(String, int, String)} for the current element, or null. */
    public String attribute() {
        return top().attribute;
    }

    /** True when the current element has had no child element (so its text is a value). */
    public boolean isLeaf() {
        return !top().hasChildren;
    }

    /** The name of the element {@code levelsUp} above the current one, or null above the root. */
    public String ancestor(int levelsUp) {
        int index = frames.size() - 1 - levelsUp;
        return index >= 0 ? frames.get(index).name : null;
    }

    /**
     * The path of the current element below the element open at {@code depth} (1-based), e.g. {@code Acct/Id/IBAN}
     * below a statement or {@code StsRsnInf/Rsn/Cd} below a transaction; the empty string for that element itself.
     */
    public String below(int depth) {
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
    public String absolute() {
        if (frames.isEmpty()) {
            return "/";
        }
        StringBuilder path = new StringBuilder(96);
        for (Frame frame : frames) {
            path.append('/').append(frame.name);
            if (repeating.contains(frame.name)) {
                path.append('[').append(frame.position).append(']');
            }
        }
        return path.toString();
    }

    private Frame top() {
        return frames.get(frames.size() - 1);
    }
}
