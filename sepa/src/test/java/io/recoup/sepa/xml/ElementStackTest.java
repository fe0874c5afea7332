package io.recoup.sepa.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one element stack of the camt, pain.002 and pain.008 readers. */
class ElementStackTest {

    @Test
    void numbersOnlyRepeatingElementsAmongTheirSameNamedSiblings() {
        ElementStack stack = new ElementStack(Set.of("Ntry"));
        stack.push("Document", 1);
        stack.push("Stmt", 2);
        stack.push("Ntry", 3);
        stack.pop();
        stack.push("Bal", 4);
        stack.pop();
        stack.push("Ntry", 5);
        stack.push("Amt", 6, "EUR");

        assertThat(stack.absolute()).isEqualTo("/Document/Stmt/Ntry[2]/Amt");
        assertThat(stack.attribute()).isEqualTo("EUR");
        assertThat(stack.line()).isEqualTo(6);
        stack.pop();
        assertThat(stack.position()).isEqualTo(2);
        assertThat(stack.isLeaf()).isFalse();
    }

    @Test
    void givesThePathBelowAScopeAndTheAncestors() {
        ElementStack stack = new ElementStack(Set.of());
        for (String name : new String[] {"Document", "Stmt", "Acct", "Id", "IBAN"}) {
            stack.push(name, 1);
        }

        assertThat(stack.below(2)).isEqualTo("Acct/Id/IBAN");
        assertThat(stack.below(4)).isEqualTo("IBAN");
        assertThat(stack.below(5)).isEmpty();
        assertThat(stack.ancestor(1)).isEqualTo("Id");
        assertThat(stack.ancestor(5)).isNull();
        assertThat(stack.isLeaf()).isTrue();
        assertThat(stack.position()).isEqualTo(1);
    }
}
