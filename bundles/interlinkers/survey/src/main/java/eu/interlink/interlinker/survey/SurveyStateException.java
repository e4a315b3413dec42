package eu.interlink.interlinker.survey;

/**
 * A request that the survey's status forbids, such as editing a published survey or answering a closed one: a
 * conflict with the survey's state (409), not a malformed request.
 */
final class SurveyStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SurveyStateException(String message) {
        super(message, null, false, false);
    }
}
