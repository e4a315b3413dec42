/**
 * Notifications: what happened on the platform that concerns a person, derived from the platform's events after
 * they commit, kept per recipient (unread, read, archived), pushed live to the recipient's open pages and sent by
 * e-mail, as each person's preferences say. Texts are rendered in the reader's language when read. For the
 * front ends; nothing here is for Interlinkers.
 */
@Version("1.0.0")
@Export
package eu.interlink.notifications;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
