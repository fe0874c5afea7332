package io.recoup.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recoup.store.Database;
import io.recoup.store.access.AuditLog;
import java.security.Principal;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs a person's change with its audit line in one transaction: the state before, the change, the state after, and
 * who did it. A change that is refused or fails rolls back with its audit line; one that commits always has one.
 */
@Component
public class AuditTrail {
    private final Database db;
    private final AuditLog log;
    private final ObjectMapper json;

    public AuditTrail(Database db, ObjectMapper json) {
        this.db = db;
        this.log = new AuditLog(db);
        this.json = json;
    }

    /**
     * The change's result. {@code state} reads what the change may touch (null: nothing there before, as for a new
     * token); {@code action} is a stable name such as {@code item.dispute}, {@code target} what it was done to.
     */
    public <T> T change(Principal who, String action, String target, Supplier<?> state, Supplier<T> work) {
        return db.inTransaction(() -> {
            String before = write(state.get());
            T result = work.get();
            log.append(who.getName(), action, target, before, write(state.get()));
            return result;
        });
    }

    public void change(Principal who, String action, String target, Supplier<?> state, Runnable work) {
        change(who, action, target, state, () -> {
            work.run();
            return null;
        });
    }

    private String write(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the state of an audited change does not serialize to JSON: " + e.getOriginalMessage(), e);
        }
    }
}
