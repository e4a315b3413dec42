package eu.interlink.interlinker.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import eu.interlink.api.Document;
import eu.interlink.api.DocumentStore;
import eu.interlink.api.StaleDocumentException;

/**
 * The rules for changing a document, on the asset's store: every change is a new revision with its author and
 * time; a save names the revision it was made on, and when others saved since, the change is merged with theirs
 * ({@link Merge3}) or refused with the current revision ({@link EditConflictException}): never silently lost.
 */
final class Editing {
    /**
     * How often a save re-reads and retries when another one commits between its read and its write. Busy
     * documents see several saves a second; with the jittered pause below, losing every attempt takes a writer
     * that is much slower than the others, and then the client is told to try again (409), never an error.
     */
    private static final int ATTEMPTS = 16;

    private Editing() {
    }

    /** The outcome of a save: the current revision after it, and whether it had to be merged or changed nothing. */
    record Saved(Revision revision, boolean merged, boolean changed) {
    }

    /** Creates the document at revision 1. */
    static Revision create(DocumentStore store, String title, String html, String author, String now, String kind) {
        Revision first = new Revision(1, Revision.checkTitle(title), Revision.checkHtml(html), author, now, kind, 0);
        store.replace(Revision.CURRENT, first.toJson(), 0);
        store.put(Revision.key(1), first.toJson());
        return first;
    }

    record Current(Revision revision, long version) {
    }

    static Optional<Current> current(DocumentStore store) {
        return store.get(Revision.CURRENT).map(d -> new Current(Revision.fromJson(d.json()), d.version()));
    }

    static Current require(DocumentStore store) {
        return current(store).orElseThrow(() -> new IllegalStateException("The asset has no '" + Revision.CURRENT + "' document"));
    }

    static Optional<Revision> revision(DocumentStore store, long number) {
        return number < 1 ? Optional.empty() : store.get(Revision.key(number)).map(d -> Revision.fromJson(d.json()));
    }

    /**
     * Saves a change made on revision {@code base}.
     *
     * @param title the new title, or {@code null} to leave it as it was in {@code base}
     * @param html  the new text, or {@code null} to leave it as it was in {@code base}
     * @throws EditConflictException   when others changed the same parts since {@code base}
     * @throws UnknownRevisionException when {@code base} is not a revision of this document
     */
    static Saved save(DocumentStore store, long base, String title, String html, String author, String now) {
        String newTitle = title == null ? null : Revision.checkTitle(title);
        String newHtml = html == null ? null : Revision.checkHtml(html);
        for (int attempt = 1; ; attempt++) {
            Current current = require(store);
            Revision cur = current.revision();
            if (base > cur.number() || base < 1) {
                throw new UnknownRevisionException(base, cur.number());
            }
            String mineTitle;
            String mineHtml;
            String kind = "edited";
            long source = 0;
            if (base == cur.number()) {
                mineTitle = newTitle == null ? cur.title() : newTitle;
                mineHtml = newHtml == null ? cur.html() : newHtml;
            } else {
                Revision from = revision(store, base).orElseThrow(() -> new UnknownRevisionException(base, cur.number()));
                String t = newTitle == null ? from.title() : newTitle;
                String h = newHtml == null ? from.html() : newHtml;
                Merge3.Result text = Merge3.merge(RichText.blocks(from.html()), RichText.blocks(h), RichText.blocks(cur.html()));
                boolean titleConflict = !t.equals(from.title()) && !cur.title().equals(from.title()) && !t.equals(cur.title());
                if (!text.clean() || titleConflict) {
                    throw new EditConflictException(cur, text.conflicts(), titleConflict);
                }
                mineTitle = t.equals(from.title()) ? cur.title() : t;
                mineHtml = RichText.join(text.merged());
                kind = "merged";
                source = base;
            }
            if (mineTitle.equals(cur.title()) && mineHtml.equals(cur.html())) {
                return new Saved(cur, base != cur.number(), false);
            }
            Revision next = cur.next(mineTitle, mineHtml, author, now, kind, source);
            try {
                store.replace(Revision.CURRENT, next.toJson(), current.version());
            } catch (StaleDocumentException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
                continue; // someone saved in between: merge with theirs too
            }
            store.put(Revision.key(next.number()), next.toJson());
            return new Saved(next, kind.equals("merged"), true);
        }
    }

    /**
     * Makes revision {@code number}'s title and text current again, as a new revision; the revisions in between
     * stay in the history.
     *
     * @param expected the revision the caller believes is current, or {@code null} not to check
     */
    static Revision restore(DocumentStore store, long number, Long expected, String author, String now) {
        Current current = require(store);
        Revision cur = current.revision();
        if (expected != null && expected != cur.number()) {
            throw new StaleRevisionException(expected, cur);
        }
        Revision old = revision(store, number).orElseThrow(() -> new NoSuchRevisionException(number));
        Revision next = cur.next(old.title(), old.html(), author, now, "restored", number);
        try {
            store.replace(Revision.CURRENT, next.toJson(), current.version());
        } catch (StaleDocumentException e) {
            throw new StaleRevisionException(expected == null ? cur.number() : expected, require(store).revision());
        }
        store.put(Revision.key(next.number()), next.toJson());
        return next;
    }

    /**
     * Waits a random few milliseconds, longer after each lost attempt, so that writers who lost together do not
     * collide again in lock step. Nothing is written by a lost attempt, so the pause holds no lock.
     */
    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 2L + 4L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while saving", e);
        }
    }

    /** The history, newest first: {@code limit} revisions from the {@code offset}-th newest. */
    static List<Revision> history(DocumentStore store, int offset, int limit) {
        List<String> keys = store.keys(Revision.PREFIX);
        List<Revision> out = new ArrayList<>();
        for (int k = keys.size() - 1 - offset; k >= 0 && out.size() < limit; k--) {
            store.get(keys.get(k)).map(Document::json).map(Revision::fromJson).ifPresent(out::add);
        }
        return out;
    }

    static int historySize(DocumentStore store) {
        return store.keys(Revision.PREFIX).size();
    }

    /** A change made on a revision that others have changed in the same places since. */
    static final class EditConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Revision current;
        private final transient List<Merge3.Conflict> conflicts;
        private final boolean title;

        EditConflictException(Revision current, List<Merge3.Conflict> conflicts, boolean title) {
            super("The document was changed in the same places since your revision: merge your change into revision "
                    + current.number() + " and save again", null, false, false);
            this.current = current;
            this.conflicts = conflicts;
            this.title = title;
        }

        Revision current() { return current; }

        List<Merge3.Conflict> conflicts() { return conflicts; }

        boolean title() { return title; }
    }

    /** A save that names a revision the document does not have. */
    static final class UnknownRevisionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownRevisionException(long base, long current) {
            super("There is no revision " + base + " to save on: the document is at revision " + current, null, false, false);
        }
    }

    /** A revision that does not exist. */
    static final class NoSuchRevisionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchRevisionException(long number) {
            super("There is no revision " + number, null, false, false);
        }
    }

    /** A restore that expected another current revision. */
    static final class StaleRevisionException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Revision current;

        StaleRevisionException(long expected, Revision current) {
            super("The document is at revision " + current.number() + ", not " + expected + ": reload it and try again", null, false, false);
            this.current = current;
        }

        Revision current() { return current; }
    }
}
