package eu.interlink.interlinker.deliberation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The count and the outcome of a poll. The rules, also in the bundle's README:
 * <ul>
 * <li>{@code single}, {@code multiple}: each option counts the voters who chose it; the option with the most
 * votes is the {@code winner}; several options sharing the most votes are a {@code tie}; no votes: {@code none}.</li>
 * <li>{@code majority}: {@code accepted} if more agree than disagree, {@code rejected} if more disagree than agree,
 * else a {@code tie}; abstentions count as votes cast but decide nothing.</li>
 * <li>{@code consent}: {@code blocked} if anyone blocks; else {@code accepted} if more agree than disagree; else
 * {@code rejected} (so also with no votes at all: consent needs someone to agree).</li>
 * </ul>
 * The outcome is shown while a poll is open too, with {@code final: false}; it is final once the poll closes.
 */
final class Outcome {
    private Outcome() {
    }

    /**
     * @param choices the poll's option ids, or its fixed answers, in order
     * @param votes   the votes' documents ({@code choice}: an id, or a list of ids)
     */
    static ObjectNode results(PollKind kind, List<String> choices, List<ObjectNode> votes, boolean closed) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        choices.forEach(c -> counts.put(c, 0));
        for (ObjectNode vote : votes) {
            JsonNode choice = vote.path("choice");
            if (choice.isArray()) {
                choice.forEach(c -> counts.computeIfPresent(c.asText(), (k, n) -> n + 1));
            } else {
                counts.computeIfPresent(choice.asText(), (k, n) -> n + 1);
            }
        }
        ObjectNode results = Board.JSON.createObjectNode();
        results.put("voters", votes.size());
        ObjectNode countNode = results.putObject("counts");
        counts.forEach(countNode::put);
        ObjectNode outcome = results.putObject("outcome");
        switch (kind) {
            case SINGLE, MULTIPLE -> {
                int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                List<String> top = counts.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
                if (votes.isEmpty() || most == 0) {
                    outcome.put("result", "none");
                } else if (top.size() == 1) {
                    outcome.put("result", "winner");
                    outcome.put("winner", top.get(0));
                } else {
                    outcome.put("result", "tie");
                    ArrayNode tied = outcome.putArray("tied");
                    top.forEach(tied::add);
                }
            }
            case MAJORITY -> {
                int agree = counts.get("agree");
                int disagree = counts.get("disagree");
                outcome.put("result", agree > disagree ? "accepted" : disagree > agree ? "rejected" : "tie");
            }
            case CONSENT -> {
                int agree = counts.get("agree");
                int disagree = counts.get("disagree");
                outcome.put("result", counts.get("block") > 0 ? "blocked" : agree > disagree ? "accepted" : "rejected");
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        outcome.put("final", closed);
        return results;
    }
}
