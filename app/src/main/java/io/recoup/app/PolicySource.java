package io.recoup.app;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import io.recoup.routes.plan.PolicyHolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * The policy named by {@code recoup.policy}: a {@code classpath:} resource (fixed) or a {@code file:} the finance team
 * edits, whose modification time and size tell the planner to load it again. A file that is deleted or cannot be
 * read has a stamp of its own, so the planner refuses it once and keeps the policy in force.
 */
final class PolicySource implements PolicyHolder.Source {
    /** The stamp of a policy file that is not there (deleted, renamed, on an unmounted share). */
    static final String MISSING = "missing";

    private final String location;
    private final Resource resource;
    /**
     * The stamp of a {@code classpath:} policy, taken once: it is part of the release and cannot change while Recoup
     * runs, and resolving it in the executable jar took a look-up through the nested jars each time it was asked for
     * (twice per notice dispatched). Null for a file, whose stamp is read each time.
     */
    private final String fixed;

    PolicySource(String location) {
        this.location = location;
        this.resource = new DefaultResourceLoader().getResource(location);
        this.fixed = resource instanceof ClassPathResource ? (resource.exists() ? location : MISSING) : null;
    }

    @Override
    public String name() {
        return location;
    }

    @Override
    public String text() {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RecoupException(ErrorCode.INVALID_POLICY, "recoup.policy: cannot read " + location
                    + (resource.exists() ? ": " + e.getMessage() : ": the file is not there (deleted or moved?)"), e);
        }
    }

    @Override
    public Object stamp() {
        if (fixed != null) {
            return fixed;
        }
        if (!resource.isFile()) {
            return resource.exists() ? location : MISSING;
        }
        try {
            return resource.lastModified() + "/" + resource.contentLength();
        } catch (IOException e) {
            return resource.exists() ? "unreadable: " + e.getMessage() : MISSING;
        }
    }
}
