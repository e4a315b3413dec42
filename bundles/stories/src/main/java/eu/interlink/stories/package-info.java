/**
 * Stories: the platform's repository of good practice. A finished process is published as a frozen public copy
 * (read by anyone, changed by nobody) with a story: title, summary, materials, keywords and owners; anyone may
 * search the stories and signed-in people rate them. Not for Interlinkers.
 */
@Version("1.0.0")
@Export
package eu.interlink.stories;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
