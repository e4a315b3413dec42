/**
 * The file space Interlinker: uploads checked by size and by their bytes, a version per upload of the same name,
 * streamed downloads, delete of a version or a file. Private: other bundles reach it only as an
 * {@link eu.interlink.api.Interlinker} service and over HTTP.
 */
package eu.interlink.interlinker.files;
