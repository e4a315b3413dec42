/**
 * The collaborative editor Interlinker: rich-text documents kept as sanitised HTML, a revision per save, restore,
 * three-way merges of concurrent edits, HTML and Markdown export. Private: other bundles reach it only as an
 * {@link eu.interlink.api.Interlinker} service and over HTTP.
 */
package eu.interlink.interlinker.editor;
