package io.recoup.core.dunning;

import io.recoup.core.policy.Channel;
import java.util.List;

/**
 * A step one item is due for today: its key (unique per item), severity rank, channels in fallback order, template,
 * whether it may share a notice with other items, and the explanation of why it fires.
 */
record DueStep(DunningItem item, String key, int rank, List<Channel> channels, String template, boolean consolidable,
               long daysFromDue, String why) {}
