package io.recoup.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.core.policy.InvalidPolicy;
import io.recoup.core.policy.PolicyLoader;
import io.recoup.core.policy.PolicyProblem;
import io.recoup.routes.plan.PolicyHolder;
import io.recoup.store.Database;
import io.recoup.store.policy.PolicyVersions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Policies uploaded through the dashboard: each upload is checked as the planner would check it (YAML, schema, the
 * rules a schema cannot say, the templates it names) and stored as a draft with every problem by line, column and
 * field; a valid draft can be previewed against the stored ledger ({@link LedgerPreview}) and activated, which makes
 * it the next stored version: every instance's planner takes it on its next cycle ({@link StoredPolicySource}).
 */
public final class PolicyDrafts {
    /** How an uploaded draft is named in its problems. */
    static final String ORIGIN = "uploaded policy";

    private final PolicyVersions versions;
    private final PolicyLoader loader;
    private final PolicyHolder.Check check;
    private final PolicyHolder holder;
    private final LedgerPreview preview;
    private final Clock clock;
    private final ObjectMapper json;

    PolicyDrafts(Database db, PolicyLoader loader, PolicyHolder.Check check, PolicyHolder holder, LedgerPreview preview,
                 Clock clock, ObjectMapper json) {
        this.versions = new PolicyVersions(db);
        this.loader = loader;
        this.check = check;
        this.holder = holder;
        this.preview = preview;
        this.clock = clock;
        this.json = json;
    }

    /** One problem of a draft; {@code message} is what a person reads ({@code field: reason (line 14, column 15)}). */
    public record Problem(int line, int column, String field, String reason, String message) {
        static Problem of(PolicyProblem p) {
            return new Problem(p.line(), p.column(), p.field(), p.reason(), p.describe());
        }
    }

    /** A stored draft as the API and the page show it. */
    public record Draft(long id, boolean valid, String policyId, String policyVersion, List<Problem> problems, String createdBy,
                        Instant createdAt, String yaml) {}

    /** The policy in force: the stored version (null while the configured file is live) and where it came from. */
    public record Live(String policyId, String policyVersion, String source, Long version, List<PolicyVersions.Version> history,
                       String lastRefusal) {}

    /** Checks {@code yaml}, stores it as a draft with its problems, and returns the draft. */
    public Draft upload(String yaml, String by) {
        List<PolicyProblem> problems = new ArrayList<>();
        DunningPolicy policy = check(yaml, problems);
        long id = versions.addDraft(yaml, Optional.ofNullable(policy).map(DunningPolicy::id),
                Optional.ofNullable(policy).map(DunningPolicy::version), write(problems.stream().map(Problem::of).toList()), by);
        return draft(id).orElseThrow();
    }

    public Optional<Draft> draft(long id) {
        return versions.draft(id).map(d -> new Draft(d.id(), d.valid(), d.policyId().orElse(null), d.policyVersion().orElse(null),
                read(d.problemsJson()), d.createdBy(), d.createdAt(), d.yaml()));
    }

    /**
     * Makes a valid draft the next version and returns its number. The draft is checked again first (a template it
     * names may have gone since the upload): a draft that fails now is refused with its problems.
     *
     * @throws InvalidPolicy when the draft is invalid, now or when it was uploaded
     */
    public long activate(Draft draft, String by) {
        List<PolicyProblem> problems = new ArrayList<>();
        check(draft.yaml(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidPolicy(problems);
        }
        OptionalLong version = versions.activate(draft.id(), by);
        return version.orElseThrow(() -> new RecoupException(ErrorCode.INVALID_POLICY, "draft " + draft.id()
                + " was stored as invalid and cannot be activated"));
    }

    /** The draft and the live policy over the stored ledger for the next {@code days} days from today. */
    public LedgerPreview.Preview preview(Draft draft, int days) {
        DunningPolicy policy = loader.load(ORIGIN, draft.yaml());
        return preview.compare(holder.get().policy(), policy, LocalDate.ofInstant(clock.instant(), clock.getZone()), days);
    }

    public Live live() {
        DunningPolicy inForce = holder.get().policy();
        List<PolicyVersions.Version> history = versions.history(20).stream()
                .map(v -> new PolicyVersions.Version(v.version(), v.draftId(), "", v.policyId(), v.policyVersion(), v.activatedBy(),
                        v.activatedAt())).toList();
        Long version = history.isEmpty() ? null : history.get(0).version();
        return new Live(inForce.id(), inForce.version(), version == null ? "the file recoup.policy names" : "stored version " + version,
                version, history, holder.lastError().orElse(null));
    }

    /** The state an activation changes, for the audit log: the stored version in force (none: the configured file). */
    public Object liveState() {
        return versions.live().map(v -> (Object) Map.of("version", v.version(), "policy", v.policyId(),
                "policyVersion", v.policyVersion(), "draft", v.draftId())).orElse(Map.of("version", "configured file"));
    }

    private DunningPolicy check(String yaml, List<PolicyProblem> problems) {
        try {
            DunningPolicy policy = loader.load(ORIGIN, yaml);
            check.problems(policy).forEach(p -> problems.add(new PolicyProblem(ORIGIN, 0, 0, "templates", p)));
            return problems.isEmpty() ? policy : null;
        } catch (InvalidPolicy e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private String write(List<Problem> problems) {
        try {
            return json.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy problems do not serialize to JSON: " + e.getOriginalMessage(), e);
        }
    }

    private List<Problem> read(String problems) {
        try {
            return json.readValue(problems, new TypeReference<List<Problem>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy problems are not the JSON written: " + e.getOriginalMessage(), e);
        }
    }
}
