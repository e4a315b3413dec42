package eu.interlink.interlinker.editor;

/** Input that does not make a valid document; {@link #field()} names the part that is wrong. */
final class InvalidDocumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    InvalidDocumentException(String field, String message) {
        super(message + " ('" + field + "')");
        this.field = field;
    }

    String field() {
        return field;
    }

    /** The message without the field's name appended (pages show the field elsewhere). */
    String detail() {
        String m = getMessage();
        return m.substring(0, m.length() - (" ('" + field + "')").length());
    }
}
