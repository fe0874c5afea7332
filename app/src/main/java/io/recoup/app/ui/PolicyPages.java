package io.recoup.app.ui;

import io.recoup.app.LedgerPreview;
import io.recoup.app.PolicyDrafts;
import io.recoup.app.api.Conflict;
import io.recoup.app.api.InvalidRequest;
import io.recoup.app.api.PolicyController;
import io.recoup.core.RecoupException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy pages (role admin): the policy in force and its versions, an upload form, a draft with its YAML and every
 * problem beside the line it is on, the preview of a valid draft beside the live policy over the stored ledger, and
 * activation. Every action goes through {@link PolicyController}, so the page and the API refuse and audit alike.
 */
@Controller
@RequestMapping("/ui/policies")
public class PolicyPages {
    private final PolicyController api;

    public PolicyPages(PolicyController api) {
        this.api = api;
    }

    /** One line of a draft's YAML and the problems found on it. */
    record Line(int number, String text, List<PolicyDrafts.Problem> problems) {}

    @GetMapping
    public String policies(Model model) {
        model.addAttribute("live", api.live());
        return "ui/policies";
    }

    @PostMapping("/drafts")
    public String upload(@RequestParam(defaultValue = "") String yaml, Principal who, RedirectAttributes flash) {
        try {
            return "redirect:/ui/policies/drafts/" + api.upload(yaml, who).getBody().id();
        } catch (InvalidRequest e) {
            flash.addFlashAttribute("refused", e.getMessage());
            return "redirect:/ui/policies";
        }
    }

    @GetMapping("/drafts/{id}")
    public String draft(@PathVariable long id, Model model) {
        PolicyDrafts.Draft draft = api.draft(id);
        model.addAttribute("live", api.live());
        model.addAttribute("draft", draft);
        model.addAttribute("lines", lines(draft));
        model.addAttribute("unplaced", draft.problems().stream().filter(p -> p.line() == 0).toList());
        return "ui/policies";
    }

    @PostMapping("/drafts/{id}/simulate")
    public String simulate(@PathVariable long id, @RequestParam(defaultValue = "30") int days, Model model) {
        try {
            LedgerPreview.Preview preview = api.simulate(id, days);
            model.addAttribute("preview", preview);
            model.addAttribute("previewDays", days(preview));
        } catch (Conflict | InvalidRequest | RecoupException e) {
            model.addAttribute("refused", e.getMessage());
        }
        return draft(id, model);
    }

    @PostMapping("/drafts/{id}/activate")
    public String activate(@PathVariable long id, Principal who, RedirectAttributes flash) {
        try {
            Map<String, Object> version = api.activate(id, who);
            flash.addFlashAttribute("done", "Policy " + version.get("policy") + " v" + version.get("policyVersion")
                    + " is now version " + version.get("version") + "; the planner takes it on its next cycle.");
            return "redirect:/ui/policies";
        } catch (Conflict | RecoupException e) {
            flash.addFlashAttribute("refused", e.getMessage());
            return "redirect:/ui/policies/drafts/" + id;
        }
    }

    static List<Line> lines(PolicyDrafts.Draft draft) {
        String[] text = draft.yaml().split("\r?\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.length; i++) {
            int number = i + 1;
            lines.add(new Line(number, text[i], draft.problems().stream().filter(p -> p.line() == number).toList()));
        }
        return lines;
    }

    /** One row per day of the preview: the day, then the live and the draft policy's actions as "channel n, ...". */
    static List<List<String>> days(LedgerPreview.Preview preview) {
        List<List<String>> rows = new ArrayList<>();
        for (var day = preview.from(); !day.isAfter(preview.to()); day = day.plusDays(1)) {
            rows.add(List.of(day.toString(), perChannel(preview.live().actionsPerDay().getOrDefault(day, Map.of())),
                    perChannel(preview.draft().actionsPerDay().getOrDefault(day, Map.of()))));
        }
        return rows;
    }

    private static String perChannel(Map<String, Long> counts) {
        return counts.isEmpty() ? "-" : String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
