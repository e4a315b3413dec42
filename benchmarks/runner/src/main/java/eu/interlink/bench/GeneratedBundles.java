package eu.interlink.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Makes distinct Interlinker bundles from the one template jar ({@code benchmarks/interlinker}): each copy differs
 * only in its manifest, by its {@code Bundle-SymbolicName} and the {@code Interlink-Bench-Id} header that the
 * template's component reads its id from.
 */
final class GeneratedBundles {
    static final String ID_HEADER = "Interlink-Bench-Id";

    private final Path template;
    private final Path dir;

    GeneratedBundles(Path template, Path dir) {
        this.template = template;
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generated Interlinker number {@code n}: id {@code gen-0001}, symbolic name {@code eu.interlink.bench.gen0001}. */
    Path numbered(int n) {
        String digits = String.format("%04d", n);
        return make("gen-" + digits, "eu.interlink.bench.gen" + digits);
    }

    static String id(int n) {
        return String.format("gen-%04d", n);
    }

    /** A bundle (made once, then reused) whose Interlinker is {@code id}, at {@code dir/<id>.jar}. */
    Path make(String id, String symbolicName) {
        Path out = dir.resolve(id + ".jar");
        if (Files.isRegularFile(out)) return out;
        try (JarFile in = new JarFile(template.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            Attributes main = manifest.getMainAttributes();
            main.putValue("Bundle-SymbolicName", symbolicName);
            main.putValue(ID_HEADER, id);
            Path tmp = dir.resolve(id + ".jar.tmp");
            try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream jar = new JarOutputStream(file, manifest)) {
                for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME) || entry.getName().equalsIgnoreCase("META-INF/")) continue;
                    jar.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(jar);
                    }
                    jar.closeEntry();
                }
            }
            Files.move(tmp, out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make bundle " + id + " from " + template, e);
        }
    }
}
