package io.recoup.core.policy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;

/**
 * The onboarding rule: a firm escalation (collection agency, legal letter) is never an item's first contact. When a
 * first run (or catch-up) would start with one, the customer first gets the ladder's latest reminder stating a grace
 * period of {@code graceDays}, and the escalation may follow only after it. On unless a policy turns it off.
 */
public record Onboarding(boolean enabled, int graceDays) {
    /** Fourteen days: long enough to pay after a first notice, short enough not to stall collections. */
    public static final int DEFAULT_GRACE_DAYS = 14;
    public static final Onboarding DEFAULT = new Onboarding(true, DEFAULT_GRACE_DAYS);

    public Onboarding {
        if (graceDays < 1 || graceDays > 90) {
            throw new RecoupException(ErrorCode.INVALID_POLICY, "onboarding grace-days must be 1 to 90, not " + graceDays);
        }
    }
}
