package eu.interlink.identity.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class DocumentNamesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    @Test
    public void replacesExactValuesAndKeysAtAnyDepth() throws Exception {
        JsonNode doc = json("{'author':'ana','votes':{'ana':['yes'],'ben':['no']},'replies':[{'author':'ben'},{'author':'ana','text':'ana wrote this'}]}");
        JsonNode out = DocumentNames.replace(doc, "ana", "erased-1");
        assertEquals(json("{'author':'erased-1','votes':{'erased-1':['yes'],'ben':['no']},'replies':[{'author':'ben'},"
                + "{'author':'erased-1','text':'ana wrote this'}]}"), out);
        // Keys keep their order; the input is not changed.
        assertEquals("[author, votes, replies]", iterable(out));
        assertEquals("ana", doc.path("author").asText());
    }

    @Test
    public void leavesADocumentWithoutTheNameAsItIs() throws Exception {
        JsonNode doc = json("{'author':'anabel','text':'ana','n':1,'list':['bob']}".replace("'text':'ana'", "'text':'Ana'"));
        assertSame(doc, DocumentNames.replace(doc, "ana", "erased-1"));
    }

    private static String iterable(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }
}
