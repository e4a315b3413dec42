package eu.interlink.api;

/** The four kinds of Interlinker the catalogue knows. Only {@link #SOFTWARE} ones are bundles with code. */
public enum Nature {
    /** A tool that creates and serves assets: a survey, an editor, a file space. */
    SOFTWARE,
    /** A template asset (a guide, a canvas) copied per task, in one of its languages. */
    KNOWLEDGE,
    /** A tool elsewhere, reached by a link per language. */
    EXTERNAL_SOFTWARE,
    /** A document elsewhere, reached by a link per language. */
    EXTERNAL_KNOWLEDGE
}
