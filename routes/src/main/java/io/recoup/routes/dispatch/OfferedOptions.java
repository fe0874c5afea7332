package io.recoup.routes.dispatch;

import io.recoup.core.policy.PaymentOption;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the policy in force offers to pay with on a notice: asked with its lead step key and the policy segment it was
 * planned in (empty when it was planned outside one), as {@code DunningPolicy.paymentOptions(stepKey, segment)} answers.
 */
@FunctionalInterface
public interface OfferedOptions {
    Set<PaymentOption> offered(String stepKey, Optional<String> segment);

    /** Options that depend on the step only, whatever the segment. */
    static OfferedOptions byStep(Function<String, Set<PaymentOption>> optionsOfStep) {
        return (stepKey, segment) -> optionsOfStep.apply(stepKey);
    }
}
