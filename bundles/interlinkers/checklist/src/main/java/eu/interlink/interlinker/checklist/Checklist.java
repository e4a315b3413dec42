package eu.interlink.interlinker.checklist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A checklist: a title and ordered items. It is stored as one JSON document under {@link #KEY}, so that a whole
 * checklist is read and written in one go and {@link eu.interlink.api.DocumentStore#replace} guards all of it
 * against lost updates.
 *
 * <p>Stored shape (data version 1):
 * <pre>{"title": "...", "nextItemId": 3, "items": [{"id": "1", "text": "...", "done": false, "assignee": "..."}]}</pre>
 * {@code nextItemId} makes ids that are never reused, even after a delete, so that a stale page can never
 * change an item that took a deleted one's place.
 */
final class Checklist {
    static final String KEY = "checklist";
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 500;
    static final int MAX_ASSIGNEE = 100;
    static final int MAX_ITEMS = 500;

    /** Shared: an ObjectMapper is thread-safe once configured. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String title;
    private final List<ChecklistItem> items;
    private long nextItemId;

    private Checklist(String title, List<ChecklistItem> items, long nextItemId) {
        this.title = title;
        this.items = items;
        this.nextItemId = nextItemId;
    }

    /** A new checklist from what a user typed; each text is cleaned and checked. */
    static Checklist create(String title, Collection<String> texts) {
        Checklist checklist = new Checklist(requireText(title, "title", MAX_TITLE), new ArrayList<>(), 1);
        for (String text : texts) {
            checklist.add(text, null);
        }
        return checklist;
    }

    String title() { return title; }

    List<ChecklistItem> items() { return Collections.unmodifiableList(items); }

    long doneCount() { return items.stream().filter(ChecklistItem::done).count(); }

    Optional<ChecklistItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** Appends an item; {@code assignee} may be {@code null} or blank for none. */
    ChecklistItem add(String text, String assignee) {
        if (items.size() >= MAX_ITEMS) {
            throw new InvalidChecklistException("a checklist holds at most " + MAX_ITEMS + " items");
        }
        ChecklistItem item = new ChecklistItem(Long.toString(nextItemId++), requireText(text, "item text", MAX_TEXT),
                false, optionalText(assignee, "assignee", MAX_ASSIGNEE));
        items.add(item);
        return item;
    }

    /** Applies {@code change} to item {@code id}; empty when there is no such item. */
    Optional<ChecklistItem> update(String id, ItemChange change) {
        for (int i = 0; i < items.size(); i++) {
            ChecklistItem item = items.get(i);
            if (item.id().equals(id)) {
                ChecklistItem changed = change.applyTo(item);
                items.set(i, changed);
                return Optional.of(changed);
            }
        }
        return Optional.empty();
    }

    /** @return whether there was such an item */
    boolean remove(String id) {
        return items.removeIf(i -> i.id().equals(id));
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", title);
        root.put("nextItemId", nextItemId);
        root.set("items", itemsJson());
        return root.toString();
    }

    ArrayNode itemsJson() {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(i -> array.add(itemJson(i)));
        return array;
    }

    /** An item as the HTTP endpoints show it; {@code assignee} only when there is one. */
    static ObjectNode itemJson(ChecklistItem item) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", item.id());
        node.put("text", item.text());
        node.put("done", item.done());
        if (item.assignee() != null) {
            node.put("assignee", item.assignee());
        }
        return node;
    }

    /**
     * Reads a stored checklist. A document this class did not write is a bug or a corruption, not user input:
     * {@link IllegalStateException}, so that it is never mistaken for the user's mistake.
     */
    static Checklist fromJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            String title = root.path("title").textValue();
            JsonNode nodes = root.path("items");
            long nextItemId = root.path("nextItemId").asLong(0);
            if (title == null || !nodes.isArray() || nextItemId < 1) {
                throw new IllegalStateException("not a checklist document");
            }
            List<ChecklistItem> items = new ArrayList<>();
            for (JsonNode n : nodes) {
                String id = n.path("id").textValue();
                String text = n.path("text").textValue();
                if (id == null || text == null) {
                    throw new IllegalStateException("an item lacks its id or text");
                }
                items.add(new ChecklistItem(id, text, n.path("done").asBoolean(false), n.path("assignee").textValue()));
            }
            return new Checklist(title, items, nextItemId);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The stored checklist cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Collapses runs of white space and control characters to one space and trims: a checklist line is one line,
     * whatever was pasted into it.
     */
    static String clean(String value) {
        return value == null ? "" : value.replaceAll("[\\s\\p{Z}\\p{Cc}]+", " ").trim();
    }

    static String requireText(String value, String what, int max) {
        String text = clean(value);
        if (text.isEmpty()) {
            throw new InvalidChecklistException(what + " must not be blank");
        }
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw new InvalidChecklistException(what + " must be at most " + max + " characters, not " + length);
        }
        return text;
    }

    /** @return the cleaned text, or {@code null} for none */
    static String optionalText(String value, String what, int max) {
        return clean(value).isEmpty() ? null : requireText(value, what, max);
    }
}
