/**
 * The checklist Interlinker: a task's list of things to do, kept by a co-production team. Private: nothing here
 * is for other bundles, which reach it only as an {@link eu.interlink.api.Interlinker} service and over HTTP.
 */
package eu.interlink.interlinker.checklist;
