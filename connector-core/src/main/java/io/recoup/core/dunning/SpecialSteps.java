package io.recoup.core.dunning;

/**
 * The step keys the engine uses besides the policy's own ladder steps, named once: the store counts broken promises
 * by them (risk score) and keeps them on the item like any step taken, so they are never planned twice.
 */
public final class SpecialSteps {
    /** A task for a person when a promise to pay was not kept by its day plus grace. */
    public static final String PROMISE_BROKEN = "promise-broken";
    /** A task for a person when an instalment of a payment plan was missed; the ladder resumes. */
    public static final String PLAN_BROKEN = "plan-broken";

    private SpecialSteps() {
    }
}
