/**
 * The survey Interlinker: a form builder, answers (anonymous or signed), results per question and a CSV export.
 * Private: other bundles reach it only as an {@link eu.interlink.api.Interlinker} service and over HTTP.
 */
package eu.interlink.interlinker.survey;
