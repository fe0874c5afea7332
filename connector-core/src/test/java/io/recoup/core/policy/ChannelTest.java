package io.recoup.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChannelTest {

    @Test
    void aCustomerIsReachedByLetterAlwaysByEmailWithAnAddressAndByPhoneChannelsWithANumber() {
        assertThat(Channel.reachableWith(false, false)).containsExactly(Channel.LETTER);
        assertThat(Channel.reachableWith(true, false)).containsExactlyInAnyOrder(Channel.LETTER, Channel.EMAIL);
        assertThat(Channel.reachableWith(false, true)).containsExactlyInAnyOrder(Channel.LETTER, Channel.SMS, Channel.WHATSAPP);
        assertThat(Channel.reachableWith(true, true)).containsExactlyInAnyOrder(Channel.LETTER, Channel.EMAIL, Channel.SMS,
                Channel.WHATSAPP);
    }
}
