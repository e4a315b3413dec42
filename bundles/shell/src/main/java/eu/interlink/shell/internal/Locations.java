package eu.interlink.shell.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.karaf.shell.support.CommandException;

/**
 * Turns what an operator typed after {@code interlink:install} or {@code interlink:upgrade} into the location
 * the kernel installs from: a URL of a known scheme as typed, a file path as an absolute {@code file:} URL.
 */
final class Locations {
    /** The URL schemes passed to the kernel as typed. */
    static final List<String> SCHEMES = List.of("http", "https", "file", "mvn");
    /** Two letters at least, so that a Windows path such as {@code C:\jars\x.jar} is a path, not a URL. */
    private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]+):.*", Pattern.DOTALL);

    private Locations() {
    }

    /**
     * @param typed      a URL or a file path, absolute, relative or starting with {@code ~}
     * @param currentDir where a relative path starts (the shell session's current folder)
     * @param home       what {@code ~} stands for
     * @throws CommandException for an empty argument, an unknown scheme, or a path that is not an existing file
     */
    static String toLocation(String typed, Path currentDir, Path home) throws CommandException {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw Failures.error("Give the URL or the file path of an Interlinker bundle (a .jar)");
        }
        Matcher m = SCHEME.matcher(text);
        if (m.matches()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            if (SCHEMES.contains(scheme)) return text;
            throw Failures.error("Unsupported URL scheme '" + m.group(1) + "' in '" + text + "': use an http, https, file or mvn URL, or a file path");
        }
        Path file;
        try {
            file = resolve(text, currentDir, home);
        } catch (InvalidPathException e) {
            throw Failures.error("'" + text + "' is neither a URL nor a valid file path");
        }
        if (!Files.exists(file)) {
            throw Failures.error("There is no file " + file);
        }
        if (Files.isDirectory(file)) {
            throw Failures.error(file + " is a folder: give the bundle's .jar file");
        }
        return file.toUri().toString();
    }

    static Path resolve(String path, Path currentDir, Path home) {
        Path p;
        if (path.equals("~")) {
            p = home;
        } else if (path.startsWith("~/") || path.startsWith("~\\")) {
            p = home.resolve(path.substring(2));
        } else {
            p = Path.of(path);
        }
        if (!p.isAbsolute()) p = currentDir.resolve(p);
        return p.toAbsolutePath().normalize();
    }
}
