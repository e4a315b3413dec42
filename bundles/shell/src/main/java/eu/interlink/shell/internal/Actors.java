package eu.interlink.shell.internal;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.ShellUtil;

/** Who is typing: the name recorded as the actor of each change in an Interlinker's history. */
final class Actors {
    /** When neither the login nor the session names anyone. */
    static final String FALLBACK = "shell";
    /** The session variable Karaf sets to the login name when the session starts. */
    static final String USER_VARIABLE = "USER";

    private Actors() {
    }

    static String of(Session session) {
        String subjectUser = null;
        try {
            // The user principal of the JAAS Subject the command runs as: set by the login, not by the user.
            subjectUser = ShellUtil.getCurrentUserName();
        } catch (RuntimeException | LinkageError ignored) {
            // no Subject here: fall back to the session
        }
        Object sessionUser = null;
        try {
            sessionUser = session == null ? null : session.get(USER_VARIABLE);
        } catch (RuntimeException ignored) {
            // a closed session
        }
        return choose(subjectUser, sessionUser);
    }

    /**
     * The Subject's user first (a shell user can set the {@code USER} variable, but not change whom they logged
     * in as), then the session's {@code USER} variable, then {@value #FALLBACK}.
     */
    static String choose(String subjectUser, Object sessionUser) {
        if (subjectUser != null && !subjectUser.isBlank()) return subjectUser.strip();
        if (sessionUser instanceof String s && !s.isBlank()) return s.strip();
        return FALLBACK;
    }
}
