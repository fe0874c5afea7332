package io.recoup.core.lifecycle;

/** What the worker or a person does with a stored provider event; {@link ProviderEventLifecycle} says where each leads. */
public enum ProviderEventMove {
    HANDLE,
    PARK,
    /** A person sends a parked event through the worker again (after fixing what made it fail). */
    RETRY
}
