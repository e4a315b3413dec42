package eu.interlink.interlinker.survey;

/**
 * Input that breaks a survey rule. Its message is written for the user and {@link #field()} names what was wrong
 * (such as {@code questions[2].options} or {@code answers.q3}). A subclass of {@link IllegalArgumentException}
 * so that the kernel reports it from {@code instantiate} as a 400 with its message.
 */
final class InvalidSurveyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    InvalidSurveyException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() { return field; }
}
