/** Problem bodies for the requests Jetty refuses itself, before any servlet of the platform sees them. */
package eu.interlink.web.jetty;
