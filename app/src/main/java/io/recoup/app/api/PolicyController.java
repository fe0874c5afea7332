package io.recoup.app.api;

import io.recoup.app.LedgerPreview;
import io.recoup.app.PolicyDrafts;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Collection policies (role admin): upload a draft as YAML and read back every problem by line, column and field;
 * preview a valid draft beside the live policy over the stored ledger; activate it as the next version, audit-logged
 * with the version before and after. An invalid draft is never activated.
 */
@RestController
@RequestMapping("/api/policies")
public class PolicyController {
    private final PolicyDrafts drafts;
    private final AuditTrail audit;

    public PolicyController(PolicyDrafts drafts, AuditTrail audit) {
        this.drafts = drafts;
        this.audit = audit;
    }

    @GetMapping
    public PolicyDrafts.Live live() {
        return drafts.live();
    }

    /** The body is the policy's YAML as it would be in the file. */
    @PostMapping(value = "/drafts", consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    public ResponseEntity<PolicyDrafts.Draft> upload(@RequestBody String yaml, Principal who) {
        if (yaml == null || yaml.isBlank()) {
            throw new InvalidRequest("body", "is empty: send the policy's YAML");
        }
        PolicyDrafts.Draft draft = drafts.upload(yaml, who.getName());
        return ResponseEntity.created(URI.create("/api/policies/drafts/" + draft.id())).body(draft);
    }

    @GetMapping("/drafts/{id}")
    public PolicyDrafts.Draft draft(@PathVariable long id) {
        return drafts.draft(id).orElseThrow(() -> new NotFound("no policy draft " + id));
    }

    @PostMapping("/drafts/{id}/simulate")
    public LedgerPreview.Preview simulate(@PathVariable long id, @RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > LedgerPreview.MAX_DAYS) {
            throw new InvalidRequest("days", "must be 1 to " + LedgerPreview.MAX_DAYS + ", not " + days);
        }
        return drafts.preview(valid(id), days);
    }

    @PostMapping("/drafts/{id}/activate")
    public Map<String, Object> activate(@PathVariable long id, Principal who) {
        PolicyDrafts.Draft draft = valid(id);
        long version = audit.change(who, "policy.activate", "policy", drafts::liveState, () -> drafts.activate(draft, who.getName()));
        return Map.of("version", version, "draft", id, "policy", draft.policyId(), "policyVersion", draft.policyVersion());
    }

    private PolicyDrafts.Draft valid(long id) {
        PolicyDrafts.Draft draft = draft(id);
        if (!draft.valid()) {
            throw new Conflict("draft " + id + " has " + draft.problems().size() + " problem(s) and cannot be simulated or "
                    + "activated; upload a corrected policy");
        }
        return draft;
    }
}
