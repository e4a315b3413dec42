/** The throughput baseline servlet: private, never shipped. */
package eu.interlink.bench.bare;
