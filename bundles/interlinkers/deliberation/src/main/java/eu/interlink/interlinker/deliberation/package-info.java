/**
 * The deliberation Interlinker: discussion threads with nested replies, proposals, and polls or decisions with
 * closing dates and outcomes. Private: other bundles reach it only as an {@link eu.interlink.api.Interlinker}
 * service and over HTTP.
 */
package eu.interlink.interlinker.deliberation;
