package eu.interlink.itest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/**
 * Runs console commands as a user with given roles: Karaf's command ACLs (etc/org.apache.karaf.command.acl.*.cfg,
 * interlink's among them) let only those roles see a command. The session is made inside the subject, so that its
 * threads carry it.
 */
final class Console {
    /** The roles of Karaf's admingroup (etc/users.properties). */
    static final String[] ADMIN = { "admin", "manager", "viewer" };

    private Console() {
    }

    static String run(SessionFactory sessions, String command, String... roles) throws Exception {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("karaf"));
        for (String role : roles) subject.getPrincipals().add(new RolePrincipal(role));
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<String>) () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
                Session session = sessions.create(new ByteArrayInputStream(new byte[0]), print, print);
                try {
                    Object result = session.execute(command);
                    if (result != null) print.println(session.resolveCommand(command) == null ? result : result.toString());
                } finally {
                    session.close();
                }
                return out.toString(StandardCharsets.UTF_8);
            });
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
