package dev.signalbox.panel.paging;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.problem.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTests {

    @Test
    void roundTripsItsValuesAsAnOpaqueUrlSafeToken() {
        UUID id = UUID.randomUUID();
        String encoded = Cursor.of("web-1", id).encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode(encoded, 2).values()).containsExactly("web-1", id.toString());
    }

    @Test
    void refusesTokensItDidNotMake() {
        String other = Cursor.of("a", "b", "c").encode();
        for (String foreign : List.of("", "!!!", "bm90LWEtY3Vyc29y", other)) {
            assertThatThrownBy(() -> Cursor.decode(foreign, 2)).as(foreign).isInstanceOf(InvalidFieldException.class);
        }
    }

    @Test
    void aPageHasACursorOnlyWhenMoreItemsFollow() {
        Page<Integer> last = Page.of(List.of(1, 2), 2, n -> Cursor.of(n));
        assertThat(last.items()).containsExactly(1, 2);
        assertThat(last.nextCursor()).isNull();
        Page<Integer> more = Page.of(List.of(1, 2, 3), 2, n -> Cursor.of(n));
        assertThat(more.items()).containsExactly(1, 2);
        assertThat(Cursor.decode(more.nextCursor(), 1).values()).containsExactly("2");
    }

    @Test
    void limitsAreBetweenOneAndTwoHundred() {
        assertThat(PageQuery.of(null, null).limit()).isEqualTo(50);
        assertThat(PageQuery.of(200, "").cursor()).isNull();
        assertThatThrownBy(() -> PageQuery.of(0, null)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> PageQuery.of(201, null)).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void aPrefixFilterMatchesLikeWildcardsLiterally() {
        assertThat(NameFilter.of(null, "a_b%c\\").likePattern()).isEqualTo("a\\_b\\%c\\\\%");
        assertThat(NameFilter.of("", "").likePattern()).isNull();
    }
}
