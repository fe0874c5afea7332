package io.recoup.sepa.mandate;

/** Whether a mandate covers a series of collections or exactly one (SDD rulebook AT-21 "type of payment"). */
public enum MandateType {
    RECURRENT, ONE_OFF
}
