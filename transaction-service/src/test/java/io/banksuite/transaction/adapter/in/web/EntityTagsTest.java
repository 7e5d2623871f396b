package io.banksuite.transaction.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import io.banksuite.transaction.domain.InvalidRequestException;
import io.banksuite.transaction.domain.Precondition;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void aVersionIsAStrongTag() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
    }

    @Test
    void readsTheConditionalHeadersOfAWrite() {
        assertThat(EntityTags.precondition(null, null)).isEqualTo(Precondition.NONE);
        assertThat(EntityTags.precondition(" * ", null)).isEqualTo(Precondition.IF_ANY_EXISTS);
        assertThat(EntityTags.precondition(null, "*")).isEqualTo(Precondition.IF_NONE_EXISTS);
        assertThat(EntityTags.precondition("\"3\"", null)).isEqualTo(Precondition.ifMatch(Set.of(3L)));
        assertThat(EntityTags.precondition("\"2\", \"5\"", null)).isEqualTo(Precondition.ifMatch(Set.of(2L, 5L)));
    }

    @Test
    void weakOrForeignTagsMatchNothing() {
        assertThat(EntityTags.precondition("W/\"3\"", null)).isEqualTo(Precondition.ifMatch(Set.of()));
        assertThat(EntityTags.precondition("\"abc\", \"0\"", null)).isEqualTo(Precondition.ifMatch(Set.of()));
    }

    @Test
    void refusesHeadersThatAreNotEntityTags() {
        assertThatThrownBy(() -> EntityTags.precondition("3", null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("If-Match");
        assertThatThrownBy(() -> EntityTags.precondition(null, "\"3\"")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("If-None-Match");
        assertThatThrownBy(() -> EntityTags.precondition("\"1\"", "*")).isInstanceOf(InvalidRequestException.class);
    }
}
