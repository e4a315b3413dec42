package eu.interlink.interlinker.deliberation;

/**
 * A request that the state of the deliberation forbids, such as a vote on a closed poll: a conflict with that
 * state (409), not a malformed request. {@link #type()} is the problem type the client can tell apart.
 */
final class StateException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;

    StateException(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    String type() { return type; }
}
