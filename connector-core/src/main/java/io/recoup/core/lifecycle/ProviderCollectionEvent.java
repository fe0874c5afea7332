package io.recoup.core.lifecycle;

/** What happens to an item collected through a provider; {@link ProviderCollectionLifecycle} says where each leads. */
public enum ProviderCollectionEvent {
    SUBMIT,
    REFUSE,
    PAY,
    FAIL
}
