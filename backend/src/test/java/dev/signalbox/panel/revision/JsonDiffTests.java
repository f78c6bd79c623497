package dev.signalbox.panel.revision;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.revision.JsonDiff.Change;
import dev.signalbox.panel.revision.JsonDiff.Op;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonDiffTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void equalDocumentsHaveNoChanges() {
        assertThat(JsonDiff.between(json("{'a':1,'b':[1,2]}"), json("{'b':[1,2],'a':1}"))).isEmpty();
    }

    @Test
    void reportsChangedAddedAndRemovedMembersWithPointers() {
        List<Change> changes = JsonDiff.between(json("{'name':'a','port':80,'gone':true,'hc':{'path':'/'}}"),
                json("{'name':'b','port':80,'new':null,'hc':{'path':'/health'}}"));
        assertThat(changes).containsExactly(
                new Change(Op.CHANGED, "/name", json("'a'"), json("'b'")),
                new Change(Op.ADDED, "/new", null, json("null")),
                new Change(Op.CHANGED, "/hc/path", json("'/'"), json("'/health'")),
                new Change(Op.REMOVED, "/gone", json("true"), null));
    }

    @Test
    void matchesListEntriesByIdSoAReorderingIsNoChange() {
        JsonNode from = json("{'targets':[{'id':'t1','weight':1},{'id':'t2','weight':1},{'id':'t3','weight':1}]}");
        JsonNode reordered = json("{'targets':[{'id':'t3','weight':1},{'id':'t1','weight':1},{'id':'t2','weight':1}]}");
        assertThat(JsonDiff.between(from, reordered)).isEmpty();

        JsonNode to = json("{'targets':[{'id':'t2','weight':5},{'id':'t4','weight':1},{'id':'t1','weight':1}]}");
        assertThat(JsonDiff.between(from, to)).containsExactly(
                new Change(Op.CHANGED, "/targets/0/weight", json("1"), json("5")),
                new Change(Op.ADDED, "/targets/1", null, json("{'id':'t4','weight':1}")),
                new Change(Op.REMOVED, "/targets/2", json("{'id':'t3','weight':1}"), null));
    }

    @Test
    void matchesByNameWhenEntriesHaveNoId() {
        assertThat(JsonDiff.between(json("[{'name':'a','v':1},{'name':'b','v':1}]"),
                json("[{'name':'b','v':2},{'name':'a','v':1}]")))
                .containsExactly(new Change(Op.CHANGED, "/0/v", json("1"), json("2")));
    }

    @Test
    void comparesOtherListsAsSetsOfValues() {
        assertThat(JsonDiff.between(json("{'hosts':['a','b']}"), json("{'hosts':['b','a']}"))).isEmpty();
        assertThat(JsonDiff.between(json("{'hosts':['a','b']}"), json("{'hosts':['c','a']}"))).containsExactly(
                new Change(Op.ADDED, "/hosts/0", null, json("'c'")),
                new Change(Op.REMOVED, "/hosts/1", json("'b'"), null));
    }

    @Test
    void aValueOfAnotherKindIsAChangeOfTheWholeValue() {
        assertThat(JsonDiff.between(json("{'port':null}"), json("{'port':8080}")))
                .containsExactly(new Change(Op.CHANGED, "/port", json("null"), json("8080")));
    }

    @Test
    void escapesMemberNamesInPointers() {
        assertThat(JsonDiff.between(json("{'a/b~c':1}"), json("{'a/b~c':2}")))
                .containsExactly(new Change(Op.CHANGED, "/a~1b~0c", json("1"), json("2")));
    }
}
