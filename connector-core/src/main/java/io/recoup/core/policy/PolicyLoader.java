package io.recoup.core.policy;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a dunning policy from YAML: first the YAML itself, then the JSON Schema
 * ({@code recoup/schema/dunning-policy.schema.json}), then the rules a schema cannot say (overlapping steps,
 * unknown ladders). Every problem is reported with the file, line and field, all of them at once. Alias bombs, deep
 * nesting and huge files are refused early, as problems like any other.
 */
public final class PolicyLoader {
    public static final String SCHEMA_RESOURCE = "/recoup/schema/dunning-policy.schema.json";

    private final JsonSchema schema;

    public PolicyLoader(String schemaJson) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson, config);
    }

    /** A loader with the schema bundled in config-templates, which must be on the classpath. */
    public static PolicyLoader withBundledSchema() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the classpath (it ships in config-templates)");
            }
            return new PolicyLoader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }

    /**
     * Limits far above any real policy (a few kilobytes, five levels deep, an anchor or two) that stop a hostile or
     * broken file early: an alias bomb ("billion laughs"), nesting thousands deep, a file of megabytes.
     */
    static final int MAX_ALIASES = 10;
    static final int MAX_DEPTH = 20;
    static final int MAX_CODE_POINTS = 1024 * 1024;

    /**
     * The policy in {@code yaml}; {@code origin} names it in every problem (a file name, or an uploaded draft).
     *
     * @throws InvalidPolicy with every problem found, each with its line, column and field
     */
    public DunningPolicy load(String origin, String yaml) {
        if (yaml.length() > MAX_CODE_POINTS) {
            // refused before the parser reads a byte of it
            throw invalid(new PolicyProblem(origin, 1, 0, "", "refused: the file has more than " + MAX_CODE_POINTS + " characters"));
        }
        YamlTree tree;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setNestingDepthLimit(MAX_DEPTH);
            options.setCodePointLimit(MAX_CODE_POINTS);
            Node root = new Yaml(options).compose(new StringReader(yaml));
            if (root == null) {
                throw invalid(new PolicyProblem(origin, 1, 0, "", "the file is empty"));
            }
            tree = new YamlTree(root);
        } catch (MarkedYAMLException e) {
            throw invalid(new PolicyProblem(origin, e.getProblemMark().getLine() + 1, e.getProblemMark().getColumn() + 1, "",
                    "malformed YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            // the limits above: SnakeYAML gives no line for them
            throw invalid(new PolicyProblem(origin, 0, 0, "", "refused: " + e.getMessage()));
        }
        List<PolicyProblem> problems = schemaProblems(origin, tree);
        if (!problems.isEmpty()) {
            throw new InvalidPolicy(problems);
        }
        PolicyBinder binder = new PolicyBinder(origin, tree);
        DunningPolicy policy = binder.bind();
        if (!binder.problems().isEmpty()) {
            throw new InvalidPolicy(binder.problems());
        }
        return policy;
    }

    private List<PolicyProblem> schemaProblems(String origin, YamlTree tree) {
        List<ValidationMessage> messages = new ArrayList<>(schema.validate(tree.root()));
        messages.sort(Comparator.comparingInt(m -> tree.lineOf(path(m.getInstanceLocation()))));
        List<PolicyProblem> problems = new ArrayList<>();
        for (ValidationMessage m : messages) {
            List<Object> path = path(m.getInstanceLocation());
            YamlTree.Position at = tree.positionOf(path);
            if (m.getProperty() != null && "additionalProperties".equals(m.getType())) {
                path.add(m.getProperty());
                YamlTree.Position field = tree.positionOf(path);
                problems.add(new PolicyProblem(origin, field.line(), field.column(), YamlTree.describe(path), "is not a known field"));
            } else if (m.getProperty() != null && "required".equals(m.getType())) {
                problems.add(new PolicyProblem(origin, at.line(), at.column(), join(path, m.getProperty()), "is missing"));
            } else {
                problems.add(new PolicyProblem(origin, at.line(), at.column(), YamlTree.describe(path), m.getError()));
            }
        }
        return problems;
    }

    private static String join(List<Object> path, String property) {
        return path.isEmpty() ? property : YamlTree.describe(path) + "." + property;
    }

    private static List<Object> path(JsonNodePath location) {
        List<Object> path = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            path.add(location.getElement(i));
        }
        return path;
    }

    private static InvalidPolicy invalid(PolicyProblem problem) {
        return new InvalidPolicy(List.of(problem));
    }
}
