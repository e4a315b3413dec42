package eu.interlink.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who an Interlinker is and what it can do. Immutable; built with {@link #builder(String, String)}.
 *
 * <p>The builder checks what it can check alone (id and version syntax, at least one language, English
 * present); the kernel checks the rest when the Interlinker arrives (a duplicate id, a version that differs
 * from the bundle's) and refuses the Interlinker with a reason that says what to fix.
 */
public final class InterlinkerDescriptor {
    /** Lower-case letters, digits and single hyphens, 2 to 64 characters: it becomes a URL segment. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** {@code major.minor.micro}, numbers only. */
    public static final Pattern VERSION = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");
    /** The language every Interlinker must speak; the kernel falls back to it. */
    public static final String DEFAULT_LANGUAGE = "en";

    private final String id;
    private final String version;
    private final Nature nature;
    private final Set<Capability> capabilities;
    private final Map<String, InterlinkerTexts> texts;
    private final Set<String> problemProfiles;
    private final Set<String> tags;
    private final int dataVersion;
    private final String assetPage;

    private InterlinkerDescriptor(Builder b) {
        this.id = b.id;
        this.version = b.version;
        this.nature = b.nature;
        this.capabilities = Collections.unmodifiableSet(EnumSet.copyOf(b.capabilities));
        this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(b.texts));
        this.problemProfiles = Collections.unmodifiableSet(new LinkedHashSet<>(b.problemProfiles));
        this.tags = Collections.unmodifiableSet(new LinkedHashSet<>(b.tags));
        this.dataVersion = b.dataVersion;
        this.assetPage = b.assetPage;
    }

    /**
     * @param id      stable identity across versions, such as {@code survey}
     * @param version the Interlinker's own version, {@code major.minor.micro}; the kernel requires it to equal
     *                its bundle's version without qualifier
     */
    public static Builder builder(String id, String version) {
        return new Builder(id, version);
    }

    /**
     * The {@code major.minor.micro} version of the bundle that holds {@code type}: what an Interlinker passes to
     * {@link #builder(String, String)} so that its version can never drift from its bundle's.
     */
    public static String versionOf(Class<?> type) {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(type);
        if (bundle == null) {
            throw new IllegalStateException(type.getName() + " is not loaded from an OSGi bundle");
        }
        org.osgi.framework.Version v = bundle.getVersion();
        return v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    public String id() { return id; }

    public String version() { return version; }

    public Nature nature() { return nature; }

    public Set<Capability> capabilities() { return capabilities; }

    public boolean can(Capability capability) { return capabilities.contains(capability); }

    /** Texts per language tag ({@code en}, {@code es}, {@code it}, {@code lv}…); English is always present. */
    public Map<String, InterlinkerTexts> texts() { return texts; }

    /** The texts in {@code language}, or in English when the Interlinker does not speak it. */
    public InterlinkerTexts texts(String language) {
        InterlinkerTexts t = language == null ? null : texts.get(language);
        return t != null ? t : texts.get(DEFAULT_LANGUAGE);
    }

    public Set<String> languages() { return texts.keySet(); }

    /** Ids of the problem profiles (such as {@code ORG_PROBLEM_1}) this Interlinker helps with. */
    public Set<String> problemProfiles() { return problemProfiles; }

    public Set<String> tags() { return tags; }

    /**
     * The shape version of the data this Interlinker keeps in its {@link DocumentStore}s. It grows when a new
     * version changes that shape; the kernel then runs {@link Interlinker#migrations()} before switching over.
     */
    public int dataVersion() { return dataVersion; }

    /**
     * The page that shows one asset, relative to the server root, with {@code {assetId}} standing for the
     * asset's id, such as {@code /interlinkers/survey/assets/{assetId}}; empty when the Interlinker has no
     * pages of its own.
     */
    public Optional<String> assetPage() { return Optional.ofNullable(assetPage); }

    @Override
    public String toString() { return id + "@" + version; }

    /** Collects the descriptor's parts; {@link #build()} checks them. */
    public static final class Builder {
        private final String id;
        private final String version;
        private Nature nature = Nature.SOFTWARE;
        private final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        private final Map<String, InterlinkerTexts> texts = new LinkedHashMap<>();
        private final Set<String> problemProfiles = new LinkedHashSet<>();
        private final Set<String> tags = new LinkedHashSet<>();
        private int dataVersion = 1;
        private String assetPage;

        private Builder(String id, String version) {
            this.id = id;
            this.version = version;
        }

        public Builder nature(Nature nature) {
            if (nature == null) throw new IllegalArgumentException("nature must not be null");
            this.nature = nature;
            return this;
        }

        public Builder capabilities(Capability... capabilities) {
            for (Capability c : capabilities) {
                if (c == null) throw new IllegalArgumentException("capabilities must not contain null");
                this.capabilities.add(c);
            }
            return this;
        }

        /** @param language a lower-case language tag such as {@code en} or {@code lv} */
        public Builder texts(String language, String name, String description) {
            if (language == null || !language.matches("[a-z]{2,3}")) {
                throw new IllegalArgumentException("language must be a lower-case ISO 639 code such as 'en', not '" + language + "'");
            }
            texts.put(language, InterlinkerTexts.of(name, description));
            return this;
        }

        public Builder problemProfiles(String... ids) {
            for (String p : ids) problemProfiles.add(InterlinkerTexts.requireText(p, "problem profile id"));
            return this;
        }

        public Builder tags(String... tags) {
            for (String t : tags) this.tags.add(InterlinkerTexts.requireText(t, "tag"));
            return this;
        }

        public Builder dataVersion(int dataVersion) {
            if (dataVersion < 1) throw new IllegalArgumentException("dataVersion must be 1 or more, not " + dataVersion);
            this.dataVersion = dataVersion;
            return this;
        }

        public Builder assetPage(String assetPage) {
            if (assetPage != null && (!assetPage.startsWith("/") || !assetPage.contains("{assetId}"))) {
                throw new IllegalArgumentException("assetPage must start with '/' and contain '{assetId}', not '" + assetPage + "'");
            }
            this.assetPage = assetPage;
            return this;
        }

        /** @throws IllegalArgumentException naming the first part that is wrong and how to fix it */
        public InterlinkerDescriptor build() {
            if (id == null || id.length() < 2 || id.length() > 64 || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("id '" + id + "' must be 2-64 lower-case letters, digits and single hyphens, starting with a letter");
            }
            if (version == null || !VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException("version '" + version + "' of '" + id + "' must be major.minor.micro, such as 1.0.0");
            }
            if (!texts.containsKey(DEFAULT_LANGUAGE)) {
                throw new IllegalArgumentException("'" + id + "' must have texts in English ('en'): the kernel falls back to them");
            }
            if (nature == Nature.SOFTWARE && !capabilities.contains(Capability.INSTANTIATE)) {
                throw new IllegalArgumentException("software Interlinker '" + id + "' must declare the INSTANTIATE capability");
            }
            return new InterlinkerDescriptor(this);
        }
    }
}
