package eu.interlink.interlinker.deliberation;

/**
 * Input that breaks a deliberation rule. Its message is written for the user and {@link #field()} names what was
 * wrong (such as {@code options[1]} or {@code choice}). A subclass of {@link IllegalArgumentException} so that the
 * kernel reports it from {@code instantiate} as a 400 with its message.
 */
final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() { return field; }
}
