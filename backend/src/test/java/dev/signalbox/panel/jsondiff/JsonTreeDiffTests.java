package dev.signalbox.panel.jsondiff;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.signalbox.panel.jsondiff.JsonTreeDiff.Change;
import dev.signalbox.panel.jsondiff.JsonTreeDiff.Op;
import dev.signalbox.panel.jsondiff.JsonTreeDiff.UnkeyedArrays;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTreeDiffTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static List<Change> asSets(String from, String to) {
        return JsonTreeDiff.between(json(from), json(to), UnkeyedArrays.AS_SETS);
    }

    /** Key pointers, as "pointer: before -> after". */
    private static List<String> byKey(String from, String to) {
        return JsonTreeDiff.between(from == null ? null : json(from), to == null ? null : json(to),
                        UnkeyedArrays.AS_WHOLE_VALUES).stream()
                .map(c -> c.keyPointer() + ": " + c.before() + " -> " + c.after())
                .toList();
    }

    @Test
    void equalDocumentsHaveNoChanges() {
        assertThat(asSets("{'a':1,'b':[1,2]}", "{'b':[1,2],'a':1}")).isEmpty();
        assertThat(byKey("{'x':1}", "{'x':1}")).isEmpty();
    }

    @Test
    void reportsChangedAddedAndRemovedMembersWithPointersInTheToDocumentsOrder() {
        List<Change> changes = asSets("{'name':'a','port':80,'gone':true,'hc':{'path':'/'}}",
                "{'name':'b','port':80,'new':null,'hc':{'path':'/health'}}");
        assertThat(changes).containsExactly(
                new Change(Op.CHANGED, "/name", "/name", json("'a'"), json("'b'")),
                new Change(Op.ADDED, "/new", "/new", null, json("null")),
                new Change(Op.CHANGED, "/hc/path", "/hc/path", json("'/'"), json("'/health'")),
                new Change(Op.REMOVED, "/gone", "/gone", json("true"), null));
    }

    @Test
    void matchesListEntriesByIdSoAReorderingIsNoChange() {
        String from = "{'targets':[{'id':'t1','weight':1},{'id':'t2','weight':1},{'id':'t3','weight':1}]}";
        assertThat(asSets(from, "{'targets':[{'id':'t3','weight':1},{'id':'t1','weight':1},{'id':'t2','weight':1}]}"))
                .isEmpty();

        assertThat(asSets(from, "{'targets':[{'id':'t2','weight':5},{'id':'t4','weight':1},{'id':'t1','weight':1}]}"))
                .containsExactly(
                        new Change(Op.CHANGED, "/targets/0/weight", "/targets/t2/weight", json("1"), json("5")),
                        new Change(Op.ADDED, "/targets/1", "/targets/t4", null, json("{'id':'t4','weight':1}")),
                        new Change(Op.REMOVED, "/targets/2", "/targets/t3", json("{'id':'t3','weight':1}"), null));
    }

    @Test
    void keyPointersNameElementsByTheirIdSoAnInsertionIsOneChange() {
        assertThat(byKey("{'name':'lb','targets':[{'id':'a','weight':1},{'id':'c','weight':1}]}",
                "{'name':'lb','targets':[{'id':'a','weight':5},{'id':'b','weight':1},{'id':'c','weight':1}]}"))
                .containsExactly("/targets/a/weight: 1 -> 5", "/targets/b: null -> {\"id\":\"b\",\"weight\":1}");
    }

    @Test
    void matchesByNameWhenEntriesHaveNoId() {
        assertThat(asSets("[{'name':'a','v':1},{'name':'b','v':1}]", "[{'name':'b','v':2},{'name':'a','v':1}]"))
                .containsExactly(new Change(Op.CHANGED, "/0/v", "/b/v", json("1"), json("2")));
    }

    @Test
    void anIdThatIsNotUniqueFallsBackToTheName() {
        assertThat(asSets("[{'id':1,'name':'a','v':1},{'id':1,'name':'b','v':1}]",
                "[{'id':1,'name':'b','v':1},{'id':1,'name':'a','v':2}]"))
                .containsExactly(new Change(Op.CHANGED, "/1/v", "/a/v", json("1"), json("2")));
    }

    @Test
    void comparesOtherListsAsSetsOfValuesElementByElement() {
        assertThat(asSets("{'hosts':['a','b']}", "{'hosts':['b','a']}")).isEmpty();
        assertThat(asSets("{'hosts':['a','b']}", "{'hosts':['c','a']}")).containsExactly(
                new Change(Op.ADDED, "/hosts/0", "/hosts/0", null, json("'c'")),
                new Change(Op.REMOVED, "/hosts/1", "/hosts/1", json("'b'"), null));
    }

    @Test
    void orComparesOtherListsAsWholeValues() {
        assertThat(byKey("{'hostNames':['a','b'],'same':true}", "{'hostNames':['b'],'same':true}"))
                .containsExactly("/hostNames: [\"a\",\"b\"] -> [\"b\"]");
    }

    @Test
    void aValueOfAnotherKindIsAChangeOfTheWholeValue() {
        assertThat(asSets("{'port':null}", "{'port':8080}"))
                .containsExactly(new Change(Op.CHANGED, "/port", "/port", json("null"), json("8080")));
    }

    @Test
    void escapesMemberNamesAndKeysInPointers() {
        assertThat(asSets("{'a/b~c':1}", "{'a/b~c':2}"))
                .containsExactly(new Change(Op.CHANGED, "/a~1b~0c", "/a~1b~0c", json("1"), json("2")));
        assertThat(byKey("[{'id':'x/y','v':1}]", "[{'id':'x/y','v':2}]")).containsExactly("/x~1y/v: 1 -> 2");
    }

    @Test
    void aMissingDocumentIsEmptySoCreationAndDeletionListEveryField() {
        assertThat(byKey(null, "{'role':'ADMIN'}")).containsExactly("/role: null -> \"ADMIN\"");
        assertThat(byKey("{'role':'ADMIN'}", null)).containsExactly("/role: \"ADMIN\" -> null");
    }
}
