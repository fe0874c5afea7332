package io.recoup.routes.plan;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.core.dunning.DunningEngine;
import io.recoup.core.policy.Channel;
import io.recoup.core.policy.DunningPolicy;
import io.recoup.core.policy.PolicyLoader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy in force. Before each planning run it looks whether the policy's source changed; a changed policy that
 * loads cleanly takes over, one that does not (malformed, refused by the schema, an alias bomb, too deep, deleted or
 * unreadable, or naming a template that is missing or uses a variable the renderer does not give) is refused with
 * every problem logged once, and the old policy stays in force: planning never stops because the policy file is in
 * trouble.
 */
public final class PolicyHolder implements Supplier<DunningEngine> {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyHolder.class);

    /** Where a policy's text comes from, with a stamp that changes when the text does (e.g. modification time). */
    public interface Source {
        String name();

        /** @throws RecoupException or UncheckedIOException when the text cannot be read (e.g. the file was deleted) */
        String text();

        /** Should not throw: a missing or unreadable source has a stamp of its own, so its refusal is logged once. */
        Object stamp();
    }

    /** What else a policy must satisfy before it is taken, beyond its schema (e.g. that its templates render). */
    public interface Check {
        Check NONE = policy -> List.of();

        /** Every problem, each naming what is wrong and where; empty when the policy may be used. */
        List<String> problems(DunningPolicy policy);
    }

    private final PolicyLoader loader;
    private final Check check;
    private final Set<Channel> configured;
    private final Source source;
    private DunningEngine current;
    private Object currentStamp;
    private Object refusedStamp;
    private String lastError;

    /** Loads the policy now; a policy that does not load at start-up stops the start. */
    public PolicyHolder(PolicyLoader loader, Set<Channel> configured, Source source) {
        this(loader, configured, source, Check.NONE);
    }

    /** As above, with {@code check} asked of every policy before it is taken, the first one included. */
    public PolicyHolder(PolicyLoader loader, Set<Channel> configured, Source source, Check check) {
        this.loader = loader;
        this.check = check;
        this.configured = Set.copyOf(configured);
        this.source = source;
        this.currentStamp = source.stamp();
        this.current = new DunningEngine(load(), this.configured);
    }

    @Override
    public synchronized DunningEngine get() {
        Object stamp;
        try {
            stamp = source.stamp();
        } catch (UncheckedIOException | RecoupException e) {
            stamp = "unreadable: " + e.getMessage();
        }
        if (Objects.equals(stamp, currentStamp)) {
            lastError = null; // the file is back as it was when the policy in force was loaded
        } else if (!Objects.equals(stamp, refusedStamp)) {
            try {
                DunningPolicy policy = load();
                current = new DunningEngine(policy, configured);
                currentStamp = stamp;
                lastError = null;
                LOG.info("dunning policy {} v{} from {} is now in force", policy.id(), policy.version(), source.name());
            } catch (RecoupException | UncheckedIOException e) {
                refusedStamp = stamp;
                lastError = e.getMessage();
                LOG.error("the changed policy in {} was refused; policy {} v{} stays in force. {}", source.name(),
                        current.policy().id(), current.policy().version(), e.getMessage());
            }
        }
        return current;
    }

    private DunningPolicy load() {
        DunningPolicy policy = loader.load(source.name(), source.text());
        List<String> problems = check.problems(policy);
        if (!problems.isEmpty()) {
            throw new RecoupException(ErrorCode.INVALID_POLICY, source.name() + " cannot be used:\n  " + String.join("\n  ", problems));
        }
        return policy;
    }

    /** Why the last change of the policy was refused, while that refused version is still the one on disk. */
    public synchronized Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
