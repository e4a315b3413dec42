/**
 * The template of the benchmarks' generated Interlinkers: private, never shipped, never in a feature.
 */
package eu.interlink.bench.interlinker;
