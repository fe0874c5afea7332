package io.recoup.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML document as a JSON tree (for the JSON Schema check) that remembers the line of every value, so that an
 * error found on the tree can name the line of the file it came from.
 */
final class YamlTree {
    /**
     * Values the tree may hold once aliases are expanded. A policy has a few hundred; the alias limit alone still lets
     * ten aliases repeat a large list ten times over, so the expansion itself is bounded too.
     */
    static final int MAX_VALUES = 100_000;

    private final JsonNode root;
    /** Where each value starts: its 1-based line and column. */
    record Position(int line, int column) {}

    private final Map<List<Object>, Position> positions = new HashMap<>();
    private int values;

    /** @throws YAMLException when the document expands to more than {@link #MAX_VALUES} values */
    YamlTree(Node yaml) {
        this.root = convert(yaml, new ArrayList<>());
    }

    JsonNode root() {
        return root;
    }

    /** The 1-based line of the value at {@code path} (keys and indexes), or of its nearest ancestor that has one. */
    int lineOf(List<Object> path) {
        return positionOf(path).line();
    }

    /** Where the value at {@code path} starts, or its nearest ancestor that is there (line 1, column 1 at worst). */
    Position positionOf(List<Object> path) {
        List<Object> p = new ArrayList<>(path);
        while (true) {
            Position position = positions.get(p);
            if (position != null || p.isEmpty()) {
                return position == null ? new Position(1, 1) : position;
            }
            p.remove(p.size() - 1);
        }
    }

    static String describe(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object part : path) {
            if (part instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(part);
            }
        }
        return out.length() == 0 ? "(document)" : out.toString();
    }

    private JsonNode convert(Node node, List<Object> path) {
        if (++values > MAX_VALUES) {
            throw new YAMLException("the document expands to more than " + MAX_VALUES + " values (aliases repeating large parts?)");
        }
        positions.put(List.copyOf(path), new Position(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1));
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode map) {
            ObjectNode object = f.objectNode();
            for (NodeTuple tuple : map.getValue()) {
                String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                path.add(key);
                object.set(key, convert(tuple.getValueNode(), path));
                path.remove(path.size() - 1);
            }
            return object;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode array = f.arrayNode();
            for (int i = 0; i < seq.getValue().size(); i++) {
                path.add(i);
                array.add(convert(seq.getValue().get(i), path));
                path.remove(path.size() - 1);
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.INT.equals(tag)) {
                return f.numberNode(new BigInteger(text.replace("_", "")));
            }
            if (Tag.FLOAT.equals(tag)) {
                return f.numberNode(new BigDecimal(text.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            // YAML 1.1 reads "20:00" as a base-60 number, "0x1F" as hex: keep what was written, as text
            return f.textNode(text);
        }
        if (Tag.BOOL.equals(tag)) {
            return f.booleanNode(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)));
        }
        if (Tag.NULL.equals(tag)) {
            return f.nullNode();
        }
        return f.textNode(text);
    }
}
