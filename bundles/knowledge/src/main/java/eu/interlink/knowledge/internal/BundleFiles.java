package eu.interlink.knowledge.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.osgi.framework.Bundle;

/** A pack's files as its bundle's own entries (not its fragments', and without resolving its class path). */
final class BundleFiles implements PackFiles {
    private final Bundle bundle;

    BundleFiles(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public Set<String> interlinkerFolders(String folder) {
        Set<String> out = new LinkedHashSet<>();
        // findEntries sees files whether or not the jar lists their folders as entries of their own.
        Enumeration<URL> found = bundle.findEntries(folder, PackReader.DESCRIPTOR, true);
        String prefix = "/" + folder + "/";
        while (found != null && found.hasMoreElements()) {
            String path = found.nextElement().getPath();
            if (!path.startsWith(prefix)) continue;
            String rest = path.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash > 0 && rest.substring(slash + 1).equals(PackReader.DESCRIPTOR)) out.add(rest.substring(0, slash));
        }
        return out;
    }

    @Override
    public byte[] read(String path, int limit) throws IOException {
        URL url = bundle.getEntry(path);
        if (url == null) return null;
        try (InputStream in = url.openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long n = 0;
            for (int r; (r = in.read(buffer)) > 0;) {
                n += r;
                if (n > limit) throw new IOException("it is larger than " + limit + " bytes");
                out.write(buffer, 0, r);
            }
            return out.toByteArray();
        }
    }
}
