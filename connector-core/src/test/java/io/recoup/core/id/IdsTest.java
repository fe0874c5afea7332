package io.recoup.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recoup.core.ErrorCode;
import io.recoup.core.RecoupException;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void refusesAnIdTheDatabaseNeverHandsOut() {
        assertThatThrownBy(() -> new NoticeId(0)).isInstanceOfSatisfying(RecoupException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_IDENTIFIER)).hasMessage("notice id must be positive, was 0");
        assertThatThrownBy(() -> new AllocationId(-4)).hasMessage("allocation id must be positive, was -4");
    }

    @Test
    void printsAsTheBareNumberAndTellsKindsApart() {
        assertThat(new ReceiptId(12)).hasToString("12").isEqualTo(new ReceiptId(12)).isNotEqualTo(new PostingId(12));
        assertThat("allocation " + new AllocationId(7)).isEqualTo("allocation 7");
        assertThat(new ActionId(3).value()).isEqualTo(3);
    }
}
