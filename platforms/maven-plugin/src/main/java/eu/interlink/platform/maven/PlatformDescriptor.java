package eu.interlink.platform.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import eu.interlink.branding.Branding;
import eu.interlink.branding.BrandingRules;
import eu.interlink.kernel.service.SettingException;
import eu.interlink.kernel.service.Settings;

/**
 * A platform as its public administration describes it in {@code platforms/<name>/platform.properties}: the
 * branding keys of {@code etc/eu.interlink.branding.cfg} (checked by the running platform's own
 * {@link BrandingRules}) and {@code features}, the Karaf features of its Interlinkers.
 *
 * @param name        the platform's folder name, which names its distribution
 * @param folder      the platform's folder
 * @param properties  the descriptor's branding keys as written
 * @param branding    the branding they make
 * @param features    the features asked for, in order, without repeats
 */
public record PlatformDescriptor(String name, Path folder, Map<String, String> properties, Branding branding, List<String> features) {
    public static final String FILE = "platform.properties";
    public static final String FEATURES = "features";
    /** Always in a platform: the kernel with its API, the operators' console commands, and the web application. */
    public static final List<String> ALWAYS = List.of("interlink-kernel", "interlink-shell", "interlink-webapp");
    /** Parts of the kernel, not choices: a descriptor that names them has misunderstood something. */
    static final Set<String> INTERNAL = Set.of("interlink-jackson", "interlink-persistence");
    static final Pattern FOLDER_NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /**
     * Reads and checks the descriptor of the platform in {@code folder}.
     *
     * @param repositoryFeatures the names of the features the Interlink feature repository defines
     * @throws PlatformException saying which file, which key and what is wrong
     */
    public static PlatformDescriptor read(Path folder, Set<String> repositoryFeatures) throws PlatformException {
        Path file = folder.resolve(FILE);
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        if (!FOLDER_NAME.matcher(name).matches()) {
            throw new PlatformException(folder + ": a platform's folder name is its distribution's name: lower-case letters, digits and '-', starting with a letter");
        }
        if (!Files.isRegularFile(file)) throw new PlatformException(file + ": there is no platform descriptor; see docs/pa-guide.md");
        Properties loaded = new Properties();
        try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            loaded.load(in);
        } catch (CharacterCodingException e) {
            throw new PlatformException(file + ": not UTF-8 text; save it as UTF-8");
        } catch (IOException | IllegalArgumentException e) {
            throw new PlatformException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        Map<String, String> properties = new HashMap<>();
        loaded.stringPropertyNames().forEach(k -> properties.put(k, loaded.getProperty(k)));

        Branding branding;
        try {
            branding = BrandingRules.read(properties, folder, Set.of(FEATURES));
        } catch (SettingException e) {
            throw new PlatformException(file + ": " + e.getMessage());
        }

        Set<String> features = new LinkedHashSet<>();
        for (String feature : Settings.of(properties).list(FEATURES, List.of())) {
            if (INTERNAL.contains(feature)) {
                throw new PlatformException(file + ": " + FEATURES + ": '" + feature + "' is part of interlink-kernel, which every platform has; name only Interlinker features");
            }
            if (!repositoryFeatures.contains(feature)) {
                throw new PlatformException(file + ": " + FEATURES + ": there is no feature '" + Settings.shown(feature)
                        + "'; the Interlinker features are " + String.join(", ", choices(repositoryFeatures)));
            }
            if (!features.add(feature)) throw new PlatformException(file + ": " + FEATURES + " names '" + feature + "' twice");
        }
        Map<String, String> brandingKeys = new HashMap<>(properties);
        brandingKeys.remove(FEATURES);
        return new PlatformDescriptor(name, folder, Map.copyOf(brandingKeys), branding, List.copyOf(features));
    }

    /** The features a descriptor may name. */
    static List<String> choices(Set<String> repositoryFeatures) {
        Set<String> out = new TreeSet<>(repositoryFeatures);
        out.removeAll(INTERNAL);
        out.removeAll(ALWAYS);
        return new ArrayList<>(out);
    }

    /** Karaf's features, then the kernel and shell, then the platform's own, each once. */
    public List<String> bootFeatures(List<String> karafFeatures) {
        Set<String> all = new LinkedHashSet<>(karafFeatures);
        all.addAll(ALWAYS);
        all.addAll(features);
        return List.copyOf(all);
    }
}
