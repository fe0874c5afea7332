package io.recoup.core.policy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a collection policy from YAML and checks it, collecting every problem with the file, line and field rather
 * than stopping at the first. Works on the YAML node tree (not object binding) so each error can name its line.
 */
public final class PolicyLoader {

    public CollectionPolicy load(String origin, String yaml) {
        List<String> problems = new ArrayList<>();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            throw invalid(List.of(origin + ":" + (e.getProblemMark().getLine() + 1) + ": malformed YAML: " + e.getProblem()));
        }
        if (!(root instanceof MappingNode map)) {
            throw invalid(List.of(origin + ":1: a policy must be a mapping with policy, version and steps"));
        }
        String id = scalar(origin, map, "policy", problems).orElse("?");
        String version = scalar(origin, map, "version", problems).orElse("?");
        List<PolicyStep> steps = new ArrayList<>();
        Optional<Node> stepsNode = value(map, "steps");
        if (stepsNode.isEmpty()) {
            problems.add(origin + ":" + line(map) + ": field 'steps' is missing");
        } else if (!(stepsNode.get() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(origin + ":" + line(stepsNode.get()) + ": field 'steps' must be a non-empty list");
        } else {
            for (Node stepNode : seq.getValue()) {
                readStep(origin, stepNode, problems).ifPresent(steps::add);
            }
            checkUnique(origin, seq, problems);
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new CollectionPolicy(id, version, steps);
    }

    private Optional<PolicyStep> readStep(String origin, Node node, List<String> problems) {
        if (!(node instanceof MappingNode map)) {
            problems.add(origin + ":" + line(node) + ": each step must be a mapping");
            return Optional.empty();
        }
        int before = problems.size();
        Optional<String> id = scalar(origin, map, "id", problems);
        Optional<String> offsetText = scalar(origin, map, "offset-days", problems);
        Optional<String> channelText = scalar(origin, map, "channel", problems);
        Optional<String> template = scalar(origin, map, "template", problems);
        Integer offset = null;
        if (offsetText.isPresent()) {
            try {
                offset = Integer.parseInt(offsetText.get());
            } catch (NumberFormatException e) {
                problems.add(origin + ":" + line(value(map, "offset-days").orElse(map)) + ": field 'offset-days': '"
                        + offsetText.get() + "' is not a whole number of days");
            }
        }
        Optional<Channel> channel = channelText.flatMap(Channel::parse);
        if (channelText.isPresent() && channel.isEmpty()) {
            problems.add(origin + ":" + line(value(map, "channel").orElse(map)) + ": field 'channel': unknown channel '"
                    + channelText.get() + "' (known: email, sms, whatsapp, call, letter)");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new PolicyStep(id.orElseThrow(), offset, channel.orElseThrow(), template.orElseThrow()));
    }

    private void checkUnique(String origin, SequenceNode seq, List<String> problems) {
        List<String> ids = new ArrayList<>();
        List<String> offsets = new ArrayList<>();
        for (Node node : seq.getValue()) {
            if (node instanceof MappingNode map) {
                value(map, "id").filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue()).ifPresent(v -> {
                    if (ids.contains(v)) {
                        problems.add(origin + ":" + line(map) + ": field 'id': step id '" + v + "' is used twice");
                    }
                    ids.add(v);
                });
                value(map, "offset-days").filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue()).ifPresent(v -> {
                    if (offsets.contains(v)) {
                        problems.add(origin + ":" + line(map) + ": field 'offset-days': another step already fires at day " + v
                                + " (steps overlap)");
                    }
                    offsets.add(v);
                });
            }
        }
    }

    private static Optional<String> scalar(String origin, MappingNode map, String key, List<String> problems) {
        Optional<Node> node = value(map, key);
        if (node.isEmpty()) {
            problems.add(origin + ":" + line(map) + ": field '" + key + "' is missing");
            return Optional.empty();
        }
        if (!(node.get() instanceof ScalarNode s) || s.getValue().isBlank()) {
            problems.add(origin + ":" + line(node.get()) + ": field '" + key + "' must be a non-empty value");
            return Optional.empty();
        }
        return Optional.of(s.getValue().strip());
    }

    private static Optional<Node> value(MappingNode map, String key) {
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(tuple.getValueNode());
            }
        }
        return Optional.empty();
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static RecoupException invalid(List<String> problems) {
        return new RecoupException(ErrorCode.INVALID_POLICY, "invalid collection policy:\n  " + String.join("\n  ", problems));
    }
}
