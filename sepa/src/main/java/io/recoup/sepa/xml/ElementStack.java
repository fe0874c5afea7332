package io.recoup.sepa.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stack of open elements while streaming, with each element's start line and position among its same-named
 * siblings, so a reader can route a leaf by its path below a scope and a problem can say where it is. Memory grows
 * with nesting depth only: a frame forgets its children's counts when it is popped.
 */
public final class ElementStack {
    private final Set<String> repeating;
    private final List<Frame> frames = new ArrayList<>();

    private static final class Frame {
        final String name;
        final int position;
        final int line;
        boolean hasChildren;
        Map<String, Integer> childCounts;

        Frame(String name, int position, int line) {
            this.name = name;
            this.position = position;
            this.line = line;
        }
    }

    /** {@code repeating}: element names that show their sibling position in {@link #absolute()}. */
    public ElementStack(Set<String> repeating) {
        this.repeating = Set.copyOf(repeating);
    }

    public void push(String name, int line) {
        int position = 1;
        if (!frames.isEmpty()) {
            Frame parent = frames.get(frames.size() - 1);
            parent.hasChildren = true;
            if (parent.childCounts == null) {
                parent.childCounts = new HashMap<>(4);
            }
            position = parent.childCounts.merge(name, 1, Integer::sum);
        }
        frames.add(new Frame(name, position, line));
    }

    public void pop() {
        frames.remove(frames.size() - 1);
    }

    /** Number of open elements; the root alone is depth 1. */
    public int depth() {
        return frames.size();
    }

    public String name() {
        return frames.get(frames.size() - 1).name;
    }

    public int line() {
        return frames.isEmpty() ? -1 : frames.get(frames.size() - 1).line;
    }

    /** True when the current element has had no child element (so its text is a value). */
    public boolean isLeaf() {
        return !frames.get(frames.size() - 1).hasChildren;
    }

    /** The path below the element open at {@code depth} (1-based), e.g. {@code StsRsnInf/Rsn/Cd}. */
    public String below(int depth) {
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
}
