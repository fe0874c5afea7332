package io.recoup.app;

import io.recoup.routes.plan.PolicyHolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * The policy named by {@code recoup.policy}: a {@code classpath:} resource (fixed) or a {@code file:} the finance team
 * edits, whose modification time and size tell the planner to load it again.
 */
final class PolicySource implements PolicyHolder.Source {
    private final String location;
    private final Resource resource;

    PolicySource(String location) {
        this.location = location;
        this.resource = new DefaultResourceLoader().getResource(location);
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
            throw new UncheckedIOException("recoup.policy: cannot read " + location, e);
        }
    }

    @Override
    public Object stamp() {
        if (!resource.isFile()) {
            return location;
        }
        try {
            return resource.lastModified() + "/" + resource.contentLength();
        } catch (IOException e) {
            throw new UncheckedIOException("recoup.policy: cannot read " + location, e);
        }
    }
}
