package eu.interlink.interlinker.checklist;

/**
 * Input that breaks a checklist rule. Its message is written for the user; a subclass of
 * {@link IllegalArgumentException} so that {@link eu.interlink.api.Interlinker#instantiate} reports it as is,
 * and a type of its own so that the HTTP layer can tell it (400) from a programming error (500).
 */
final class InvalidChecklistException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidChecklistException(String message) {
        super(message);
    }
}
