package eu.interlink.interlinker.deliberation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.interlink.api.Document;
import eu.interlink.api.DocumentStore;
import eu.interlink.api.StaleDocumentException;

/**
 * One deliberation in its asset's {@link DocumentStore}, read and changed in the transaction of one call. Every
 * thread, reply, proposal, poll and vote is a document of its own, so that people writing at the same moment
 * never contend for one document; only edits of one thing (the title, a proposal, closing a poll) replace a
 * document at the version read.
 *
 * <p>Documents (data version 1):
 * <pre>
 * deliberation                {"title", "description", "createdAt"}
 * thread/&lt;t…&gt;                 {"id", "title", "text", "author", "createdAt"}
 * reply/&lt;t…&gt;/&lt;r…&gt;            {"id", "thread", "parent": null | "&lt;r…&gt;", "depth", "author", "text", "createdAt"}
 * proposal/&lt;p…&gt;               {"id", "title", "text", "author", "status", "createdAt", "updatedAt"?, "updatedBy"?}
 * poll/&lt;v…&gt;                   {"id", "kind", "question", "description", "options"?: [{"id", "label"}], "closesAt"?,
 *                              "proposal"?, "author", "createdAt", "status": "open|closed", "closedAt"?, "closer"?}
 * vote/&lt;v…&gt;/u-&lt;digest&gt;         {"voter", "choice": "id" | ["id", …], "votedAt", "changedAt"?}
 * </pre>
 * A poll past its {@code closesAt} is closed without being written: every read and every vote compares the date
 * with the clock, so a read never writes and the outcome cannot change once the date has passed.
 */
final class Board {
    /** Shared: an ObjectMapper is thread-safe once configured. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static final String META = "deliberation";
    static final String THREAD = "thread/";
    static final String REPLY = "reply/";
    static final String PROPOSAL = "proposal/";
    static final String POLL = "poll/";
    static final String VOTE = "vote/";

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_POST = 10_000;
    static final int MAX_QUESTION = 500;
    static final int MAX_NAME = 200;
    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 30;
    static final int MAX_LABEL = 200;
    static final int MAX_DEPTH = 10;
    static final int MAX_THREADS = 1000;
    static final int MAX_REPLIES = 5000;
    static final int MAX_PROPOSALS = 1000;
    static final int MAX_POLLS = 500;
    /** How many of each a definition given to instantiate may hold. */
    static final int MAX_INITIAL = 100;

    static final List<String> PROPOSAL_STATUSES = List.of("open", "accepted", "rejected", "withdrawn");

    private static final Set<String> CREATE_FIELDS = fields("title", "description", "threads", "proposals", "polls");
    private static final Set<String> META_FIELDS = fields("title", "description");
    private static final Set<String> THREAD_FIELDS = fields("title", "text", "author");
    private static final Set<String> REPLY_FIELDS = fields("text", "parent", "author");
    private static final Set<String> PROPOSAL_FIELDS = fields("title", "text", "author");
    private static final Set<String> PROPOSAL_CHANGE_FIELDS = fields("title", "text", "status", "author");
    private static final Set<String> POLL_FIELDS = fields("kind", "question", "description", "options", "closesAt", "proposal", "author");
    private static final Set<String> VOTE_FIELDS = fields("choice", "voter");

    private final DocumentStore store;
    private final Instant now;

    Board(DocumentStore store, Instant now) {
        this.store = store;
        this.now = now;
    }

    private static Set<String> fields(String... names) {
        return new TreeSet<>(List.of(names));
    }

    // ---- the deliberation itself ---------------------------------------------------------------------------

    /**
     * Writes a new deliberation from {@code definition}: {@code title} (required), {@code description}, and
     * optionally first {@code threads}, {@code proposals} and {@code polls} (each as their endpoints take them).
     *
     * @param strict whether an unknown top-level field is an error; instantiate ignores them (the SPI's rule)
     */
    static String create(DocumentStore store, JsonNode definition, Instant now, boolean strict) {
        Input.object(definition, "");
        if (strict) {
            Input.unknownFields(definition, CREATE_FIELDS, "");
        }
        ObjectNode meta = JSON.createObjectNode();
        meta.put("title", Input.requireLine(definition.get("title"), "title", MAX_TITLE));
        meta.put("description", Input.optionalText(definition.get("description"), "description", MAX_DESCRIPTION));
        meta.put("createdAt", now.toString());
        store.put(META, meta.toString());
        for (String list : List.of("threads", "proposals", "polls")) {
            JsonNode items = definition.get(list);
            if (items == null || items.isNull()) {
                continue;
            }
            if (!items.isArray() || items.size() > MAX_INITIAL) {
                throw new InvalidInputException(list, list + " must be a list of at most " + MAX_INITIAL + " objects");
            }
            for (int i = 0; i < items.size(); i++) {
                String prefix = list + "[" + i + "].";
                // A microsecond apart, so that lists read back in the order given (they sort by time).
                Board board = new Board(store, now.plusNanos(1000L * i));
                switch (list) {
                    case "threads" -> board.addThread(items.get(i), null, prefix);
                    case "proposals" -> board.addProposal(items.get(i), null, prefix);
                    default -> board.addPoll(items.get(i), null, prefix);
                }
            }
        }
        return meta.path("title").asText();
    }

    /** The meta document; its absence means broken data, never the user's mistake. */
    Document metaDocument() {
        return store.get(META).orElseThrow(() -> new IllegalStateException("The asset has no '" + META + "' document"));
    }

    String title() {
        return read(metaDocument()).path("title").asText();
    }

    /** Replaces title and description ({@code PUT …/deliberation}); the result carries the new version. */
    ObjectNode define(JsonNode body, Long expected) {
        Document d = metaDocument();
        checkExpected(META, expected, d.version());
        Input.object(body, "");
        Input.unknownFields(body, META_FIELDS, "");
        ObjectNode meta = read(d);
        meta.put("title", Input.requireLine(body.get("title"), "title", MAX_TITLE));
        meta.put("description", Input.optionalText(body.get("description"), "description", MAX_DESCRIPTION));
        Document stored = store.replace(META, meta.toString(), d.version());
        return view(stored, true);
    }

    /** Everything: the deliberation with its threads, proposals and polls; versions only when {@code withVersions}. */
    ObjectNode view(boolean withVersions) {
        return view(metaDocument(), withVersions);
    }

    private ObjectNode view(Document meta, boolean withVersions) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode m = read(meta);
        root.put("title", m.path("title").asText());
        root.put("description", m.path("description").asText(""));
        root.put("createdAt", m.path("createdAt").asText());
        if (withVersions) {
            root.put("version", meta.version());
        }
        ArrayNode threads = root.putArray("threads");
        sorted(THREAD).forEach(t -> threads.add(threadView(t)));
        List<ObjectNode> polls = sorted(POLL);
        ArrayNode proposals = root.putArray("proposals");
        for (Doc p : sortedDocs(PROPOSAL)) {
            proposals.add(proposalView(p, polls, withVersions));
        }
        ArrayNode pollViews = root.putArray("polls");
        for (Doc p : sortedDocs(POLL)) {
            pollViews.add(pollView(p, withVersions));
        }
        return root;
    }

    /** Counts for the preview: threads, replies, proposals, polls. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("threads", store.keys(THREAD).size());
        counts.put("replies", store.keys(REPLY).size());
        counts.put("proposals", store.keys(PROPOSAL).size());
        counts.put("polls", store.keys(POLL).size());
        return counts;
    }

    // ---- threads and replies ---------------------------------------------------------------------------------

    ObjectNode addThread(JsonNode body, String caller, String prefix) {
        Input.object(body, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
        Input.unknownFields(body, THREAD_FIELDS, prefix);
        String title = Input.requireLine(body.get("title"), prefix + "title", MAX_TITLE);
        String text = Input.requireText(body.get("text"), prefix + "text", MAX_POST);
        String author = participant(body, "author", caller, prefix);
        limit(THREAD, MAX_THREADS, "discussion threads");
        ObjectNode t = JSON.createObjectNode();
        String id = newId("t");
        t.put("id", id);
        t.put("title", title);
        t.put("text", text);
        t.put("author", author);
        t.put("createdAt", now.toString());
        store.put(THREAD + id, t.toString());
        return threadView(t);
    }

    ObjectNode thread(String id) {
        return threadView(requireThread(id));
    }

    List<ObjectNode> threads() {
        return sorted(THREAD).stream().map(this::threadView).toList();
    }

    private ObjectNode requireThread(String id) {
        return get(THREAD + id).orElseThrow(() -> HttpProblem.notFound("There is no discussion thread '" + Input.clip(id) + "'"));
    }

    /**
     * A reply to a thread ({@code parent} absent) or to one of its replies; replies nest up to
     * {@value #MAX_DEPTH} deep.
     */
    ObjectNode reply(String threadId, JsonNode body, String caller) {
        requireThread(threadId);
        Input.object(body, "");
        Input.unknownFields(body, REPLY_FIELDS, "");
        String text = Input.requireText(body.get("text"), "text", MAX_POST);
        String parent = Input.optionalLine(body.get("parent"), "parent", 64);
        int depth = 1;
        if (parent != null) {
            ObjectNode p = get(REPLY + threadId + "/" + parent).orElseThrow(() -> new InvalidInputException("parent",
                    "This thread has no reply '" + Input.clip(parent) + "' to answer; leave out \"parent\" to answer the thread itself"));
            depth = p.path("depth").asInt(1) + 1;
            if (depth > MAX_DEPTH) {
                throw new InvalidInputException("parent", "Replies nest at most " + MAX_DEPTH + " deep: answer an earlier reply");
            }
        }
        String author = participant(body, "author", caller, "");
        limit(REPLY + threadId + "/", MAX_REPLIES, "replies in this thread");
        ObjectNode r = JSON.createObjectNode();
        String id = newId("r");
        r.put("id", id);
        r.put("thread", threadId);
        if (parent == null) {
            r.putNull("parent");
        } else {
            r.put("parent", parent);
        }
        r.put("depth", depth);
        r.put("author", author);
        r.put("text", text);
        r.put("createdAt", now.toString());
        store.put(REPLY + threadId + "/" + id, r.toString());
        return r;
    }

    /** A thread with its replies as a tree, each level oldest first. */
    private ObjectNode threadView(ObjectNode thread) {
        ObjectNode view = thread.deepCopy();
        String id = thread.path("id").asText();
        Map<String, List<ObjectNode>> children = new LinkedHashMap<>();
        List<ObjectNode> replies = sorted(REPLY + id + "/");
        for (ObjectNode r : replies) {
            children.computeIfAbsent(r.path("parent").asText(""), k -> new ArrayList<>()).add(r);
        }
        view.put("replyCount", replies.size());
        view.set("replies", tree("", children));
        return view;
    }

    private static ArrayNode tree(String parent, Map<String, List<ObjectNode>> children) {
        ArrayNode level = JSON.createArrayNode();
        for (ObjectNode r : children.getOrDefault(parent, List.of())) {
            ObjectNode node = r.deepCopy();
            node.remove("thread");
            node.set("replies", tree(r.path("id").asText(), children));
            level.add(node);
        }
        return level;
    }

    // ---- proposals -------------------------------------------------------------------------------------------

    ObjectNode addProposal(JsonNode body, String caller, String prefix) {
        Input.object(body, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
        Input.unknownFields(body, PROPOSAL_FIELDS, prefix);
        String title = Input.requireLine(body.get("title"), prefix + "title", MAX_TITLE);
        String text = Input.requireText(body.get("text"), prefix + "text", MAX_POST);
        String author = participant(body, "author", caller, prefix);
        limit(PROPOSAL, MAX_PROPOSALS, "proposals");
        ObjectNode p = JSON.createObjectNode();
        String id = newId("p");
        p.put("id", id);
        p.put("title", title);
        p.put("text", text);
        p.put("author", author);
        p.put("status", "open");
        p.put("createdAt", now.toString());
        Document stored = store.put(PROPOSAL + id, p.toString());
        return proposalView(new Doc(p, stored.version()), sorted(POLL), true);
    }

    ObjectNode proposal(String id) {
        return proposalView(requireDoc(PROPOSAL, id, "proposal"), sorted(POLL), true);
    }

    List<ObjectNode> proposals() {
        List<ObjectNode> polls = sorted(POLL);
        return sortedDocs(PROPOSAL).stream().map(p -> proposalView(p, polls, true)).toList();
    }

    /** Changes a proposal's title, text or status at the version read ({@code expected}, from If-Match, too). */
    ObjectNode changeProposal(String id, JsonNode body, Long expected, String caller) {
        Doc p = requireDoc(PROPOSAL, id, "proposal");
        checkExpected(PROPOSAL + id, expected, p.version());
        Input.object(body, "");
        Input.unknownFields(body, PROPOSAL_CHANGE_FIELDS, "");
        if (!body.has("title") && !body.has("text") && !body.has("status")) {
            throw new InvalidInputException("", "Say what changes: \"title\", \"text\" or \"status\"");
        }
        ObjectNode doc = p.json().deepCopy();
        if (body.has("title")) {
            doc.put("title", Input.requireLine(body.get("title"), "title", MAX_TITLE));
        }
        if (body.has("text")) {
            doc.put("text", Input.requireText(body.get("text"), "text", MAX_POST));
        }
        if (body.has("status")) {
            JsonNode s = body.get("status");
            if (s == null || !s.isTextual() || !PROPOSAL_STATUSES.contains(s.textValue())) {
                throw new InvalidInputException("status", "status must be one of " + String.join(", ", PROPOSAL_STATUSES));
            }
            doc.put("status", s.textValue());
        }
        doc.put("updatedAt", now.toString());
        doc.put("updatedBy", participant(body, "author", caller, ""));
        Document stored = store.replace(PROPOSAL + id, doc.toString(), p.version());
        return proposalView(new Doc(doc, stored.version()), sorted(POLL), true);
    }

    private static ObjectNode proposalView(Doc p, List<ObjectNode> polls, boolean withVersion) {
        ObjectNode view = p.json().deepCopy();
        if (withVersion) {
            view.put("version", p.version());
        }
        ArrayNode ids = view.putArray("polls");
        String id = p.json().path("id").asText();
        polls.stream().filter(poll -> id.equals(poll.path("proposal").asText(null))).forEach(poll -> ids.add(poll.path("id").asText()));
        return view;
    }

    // ---- polls and votes -------------------------------------------------------------------------------------

    ObjectNode addPoll(JsonNode body, String caller, String prefix) {
        Input.object(body, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
        Input.unknownFields(body, POLL_FIELDS, prefix);
        JsonNode kindNode = body.get("kind");
        PollKind kind = kindNode != null && kindNode.isTextual() ? PollKind.of(kindNode.textValue()).orElse(null) : null;
        if (kind == null) {
            throw new InvalidInputException(prefix + "kind", prefix + "kind must be \"single\" (choose one), \"multiple\" (choose many), "
                    + "\"majority\" (agree, abstain, disagree) or \"consent\" (agree, abstain, disagree, block)");
        }
        String question = Input.requireLine(body.get("question"), prefix + "question", MAX_QUESTION);
        String description = Input.optionalText(body.get("description"), prefix + "description", MAX_DESCRIPTION);
        ArrayNode options = null;
        if (kind.hasOptions()) {
            options = options(body.get("options"), prefix + "options");
        } else if (body.has("options") && !body.get("options").isNull()) {
            throw new InvalidInputException(prefix + "options", "A \"" + kind.json + "\" poll has no options of its own: its answers are "
                    + String.join(", ", kind.fixedChoices));
        }
        Instant closesAt = Input.optionalInstant(body.get("closesAt"), prefix + "closesAt");
        if (closesAt != null && !closesAt.isAfter(now)) {
            throw new InvalidInputException(prefix + "closesAt", prefix + "closesAt must be in the future, not " + closesAt);
        }
        String proposal = Input.optionalLine(body.get("proposal"), prefix + "proposal", 64);
        if (proposal != null && get(PROPOSAL + proposal).isEmpty()) {
            throw new InvalidInputException(prefix + "proposal", "There is no proposal '" + Input.clip(proposal) + "' to decide on");
        }
        String author = participant(body, "author", caller, prefix);
        limit(POLL, MAX_POLLS, "polls");
        ObjectNode poll = JSON.createObjectNode();
        String id = newId("v");
        poll.put("id", id);
        poll.put("kind", kind.json);
        poll.put("question", question);
        poll.put("description", description);
        if (options != null) {
            poll.set("options", options);
        }
        if (closesAt != null) {
            poll.put("closesAt", closesAt.toString());
        }
        if (proposal != null) {
            poll.put("proposal", proposal);
        }
        poll.put("author", author);
        poll.put("createdAt", now.toString());
        poll.put("status", "open");
        Document stored = store.put(POLL + id, poll.toString());
        return pollView(new Doc(poll, stored.version()), true);
    }

    /** Options are given as labels; their ids are their positions, stable because a poll's options never change. */
    private static ArrayNode options(JsonNode node, String field) {
        if (node == null || !node.isArray() || node.size() < MIN_OPTIONS || node.size() > MAX_OPTIONS) {
            throw new InvalidInputException(field, field + " must be a list of " + MIN_OPTIONS + " to " + MAX_OPTIONS + " texts");
        }
        ArrayNode options = JSON.createArrayNode();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String label = Input.requireLine(node.get(i), field + "[" + i + "]", MAX_LABEL);
            if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException(field + "[" + i + "]", "The option \"" + Input.clip(label) + "\" is given twice");
            }
            options.addObject().put("id", Integer.toString(i + 1)).put("label", label);
        }
        return options;
    }

    ObjectNode poll(String id) {
        return pollView(requireDoc(POLL, id, "poll"), true);
    }

    List<ObjectNode> polls() {
        return sortedDocs(POLL).stream().map(p -> pollView(p, true)).toList();
    }

    /** A vote and whether it replaced the voter's earlier one. */
    record Voted(ObjectNode vote, boolean changed) {
    }

    /**
     * One vote per voter, changeable until the poll closes: the voter's document is keyed by a digest of their
     * name, so a second vote replaces the first.
     *
     * @param caller the signed-in voter, or {@code null} when the body must name one
     */
    Voted vote(String pollId, JsonNode body, String caller) {
        ObjectNode poll = requireDoc(POLL, pollId, "poll").json();
        Closing closing = closing(poll, now);
        if (closing.closed()) {
            throw new StateException("poll-closed", "The poll closed at " + closing.at() + ": it takes no more votes");
        }
        Input.object(body, "");
        Input.unknownFields(body, VOTE_FIELDS, "");
        String voter = participant(body, "voter", caller, "");
        if (voter == null) {
            throw new InvalidInputException("voter", "Say who votes: sign in, or give \"voter\", your name (one vote per name)");
        }
        JsonNode choice = choice(poll, body.get("choice"));
        String key = VOTE + pollId + "/" + voterKey(voter);
        Optional<ObjectNode> earlier = get(key);
        ObjectNode vote = JSON.createObjectNode();
        vote.put("voter", voter);
        vote.set("choice", choice);
        vote.put("votedAt", earlier.map(e -> e.path("votedAt").asText()).orElse(now.toString()));
        if (earlier.isPresent()) {
            vote.put("changedAt", now.toString());
        }
        store.put(key, vote.toString());
        return new Voted(vote, earlier.isPresent());
    }

    /** The checked choice: an option id, a list of distinct option ids (in the poll's order), or a fixed answer. */
    private static JsonNode choice(ObjectNode poll, JsonNode value) {
        PollKind kind = kindOf(poll);
        List<String> ids = choiceIds(poll);
        if (kind == PollKind.MULTIPLE) {
            if (value == null || !value.isArray() || value.isEmpty()) {
                throw new InvalidInputException("choice", "choice must be a list of one or more option ids, such as [\"1\", \"3\"]");
            }
            Set<String> chosen = new HashSet<>();
            for (JsonNode v : value) {
                if (!v.isTextual() || !ids.contains(v.textValue())) {
                    throw new InvalidInputException("choice", "The poll has no option " + Input.clip(v.toString()) + "; its options are " + ids);
                }
                if (!chosen.add(v.textValue())) {
                    throw new InvalidInputException("choice", "Option " + v + " is chosen twice");
                }
            }
            ArrayNode ordered = JSON.createArrayNode();
            ids.stream().filter(chosen::contains).forEach(ordered::add);
            return ordered;
        }
        if (value == null || !value.isTextual() || !ids.contains(value.textValue())) {
            throw new InvalidInputException("choice", "choice must be one of " + ids + ", not " + (value == null ? "nothing" : Input.clip(value.toString())));
        }
        return value;
    }

    /** Closes a poll now ({@code POST …/close}); one that is closed already, by hand or by its date, is a conflict. */
    ObjectNode close(String pollId, Long expected, String caller) {
        Doc p = requireDoc(POLL, pollId, "poll");
        checkExpected(POLL + pollId, expected, p.version());
        Closing closing = closing(p.json(), now);
        if (closing.closed()) {
            throw new StateException("poll-closed", "The poll is already closed, since " + closing.at());
        }
        ObjectNode doc = p.json().deepCopy();
        doc.put("status", "closed");
        doc.put("closedAt", now.toString());
        doc.put("closer", caller);
        Document stored = store.replace(POLL + pollId, doc.toString(), p.version());
        return pollView(new Doc(doc, stored.version()), true);
    }

    /** Whether a poll is closed, when, and how: by hand ({@code explicit}) or because its date passed ({@code date}). */
    record Closing(boolean closed, String at, String by) {
    }

    static Closing closing(ObjectNode poll, Instant now) {
        if ("closed".equals(poll.path("status").asText())) {
            return new Closing(true, poll.path("closedAt").asText(), "explicit");
        }
        String closesAt = poll.path("closesAt").asText(null);
        if (closesAt != null && !now.isBefore(Instant.parse(closesAt))) {
            return new Closing(true, closesAt, "date");
        }
        return new Closing(false, null, null);
    }

    private ObjectNode pollView(Doc p, boolean withVersion) {
        ObjectNode poll = p.json();
        ObjectNode view = poll.deepCopy();
        PollKind kind = kindOf(poll);
        if (!kind.hasOptions()) {
            ArrayNode fixed = view.putArray("options");
            kind.fixedChoices.forEach(c -> fixed.addObject().put("id", c).put("label", c));
        }
        Closing closing = closing(poll, now);
        view.put("status", closing.closed() ? "closed" : "open");
        if (closing.closed()) {
            view.put("closedAt", closing.at());
            view.put("closedBy", closing.by());
        }
        if (withVersion) {
            view.put("version", p.version());
        }
        List<ObjectNode> votes = new ArrayList<>();
        for (String key : store.keys(VOTE + poll.path("id").asText() + "/")) {
            get(key).ifPresent(votes::add);
        }
        votes.sort(Comparator.comparing((ObjectNode v) -> Instant.parse(v.path("votedAt").asText())).thenComparing(v -> v.path("voter").asText()));
        ArrayNode voteArray = view.putArray("votes");
        votes.forEach(voteArray::add);
        view.set("results", Outcome.results(kind, choiceIds(poll), votes, closing.closed()));
        return view;
    }

    static PollKind kindOf(ObjectNode poll) {
        return PollKind.of(poll.path("kind").asText()).orElseThrow(() -> new IllegalStateException("A stored poll has an unknown kind"));
    }

    static List<String> choiceIds(ObjectNode poll) {
        PollKind kind = kindOf(poll);
        if (!kind.hasOptions()) {
            return kind.fixedChoices;
        }
        List<String> ids = new ArrayList<>();
        poll.path("options").forEach(o -> ids.add(o.path("id").asText()));
        return ids;
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    /**
     * Who writes: the signed-in caller when there is one (a name in the body must then be theirs), else the name
     * the body gives in {@code field}, else nobody ({@code null}).
     */
    private static String participant(JsonNode body, String field, String caller, String prefix) {
        String given = Input.optionalLine(body.get(field), prefix + field, MAX_NAME);
        if (caller == null) {
            return given;
        }
        if (given != null && !given.equals(caller)) {
            throw new InvalidInputException(prefix + field, "You take part as '" + Input.clip(caller) + "': leave out \"" + field + "\"");
        }
        return caller;
    }

    /** A voter's key: a digest, because a name may hold characters a key may not, and one name is one vote. */
    static String voterKey(String voter) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(voter.getBytes(StandardCharsets.UTF_8));
            return "u-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private void limit(String prefix, int max, String what) {
        if (store.keys(prefix).size() >= max) {
            throw new StateException("limit-reached", "A deliberation holds at most " + max + " " + what);
        }
    }

    private static void checkExpected(String key, Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new StaleDocumentException(key, expected, actual);
        }
    }

    /** A document's JSON with the version it was read at. */
    record Doc(ObjectNode json, long version) {
    }

    private Doc requireDoc(String prefix, String id, String what) {
        Document d = store.get(prefix + id).orElseThrow(() -> HttpProblem.notFound("There is no " + what + " '" + Input.clip(id) + "'"));
        return new Doc(read(d), d.version());
    }

    private Optional<ObjectNode> get(String key) {
        return store.get(key).map(Board::read);
    }

    /** The documents under {@code prefix}, oldest first (ties by id). */
    private List<ObjectNode> sorted(String prefix) {
        return sortedDocs(prefix).stream().map(Doc::json).toList();
    }

    private List<Doc> sortedDocs(String prefix) {
        List<Doc> docs = new ArrayList<>();
        for (String key : store.keys(prefix)) {
            // Only direct children: "reply/t1/" must not list anything deeper, and "thread/" no replies.
            if (key.indexOf('/', prefix.length()) >= 0) {
                continue;
            }
            store.get(key).ifPresent(d -> docs.add(new Doc(read(d), d.version())));
        }
        docs.sort(Comparator.comparing((Doc d) -> Instant.parse(d.json().path("createdAt").asText()))
                .thenComparing(d -> d.json().path("id").asText()));
        return docs;
    }

    /**
     * Reads a stored document. One this class did not write is a bug or a corruption, not user input:
     * {@link IllegalStateException}, never mistaken for the user's mistake.
     */
    static ObjectNode read(Document d) {
        try {
            JsonNode node = JSON.readTree(d.json());
            if (!node.isObject()) {
                throw new IllegalStateException("not an object");
            }
            return (ObjectNode) node;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The stored document '" + d.key() + "' cannot be read: " + e.getMessage(), e);
        }
    }
}
