package eu.interlink.branding.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import eu.interlink.branding.Branding;
import eu.interlink.branding.BrandingRules;
import eu.interlink.branding.BrandingService;
import eu.interlink.kernel.service.ConfigurationStatus;
import eu.interlink.kernel.service.SettingException;

/**
 * The branding of {@code etc/eu.interlink.branding.cfg}, applied as soon as Config Admin delivers a change. A
 * change that breaks a rule is refused: the last valid branding stays (the built-in one, if none was valid since
 * the start) and the refusal, with its reason, goes to {@link ConfigurationStatus}.
 */
@Component(service = BrandingService.class, configurationPid = BrandingService.PID)
@Designate(ocd = BrandingComponent.Config.class)
public class BrandingComponent implements BrandingService {

    @ObjectClassDefinition(name = "Interlink branding", description = "How the platform presents itself to its users")
    @interface Config {
        @AttributeDefinition(name = "Name", description = "The platform's name, at most 100 characters")
        String name() default BrandingRules.DEFAULT_NAME;

        @AttributeDefinition(name = "Logo", required = false,
                description = "An .svg, .png, .jpg or .webp file of at most 512 KiB, relative to etc/; empty for the built-in logo")
        String logo() default "";

        @AttributeDefinition(name = "Primary colour", description = "#rrggbb")
        String colour_primary() default BrandingRules.DEFAULT_PRIMARY;

        @AttributeDefinition(name = "Secondary colour", description = "#rrggbb")
        String colour_secondary() default BrandingRules.DEFAULT_SECONDARY;

        @AttributeDefinition(name = "Languages offered", description = "Comma-separated, among en, es, it, lv")
        String languages() default "en, es, it, lv";

        @AttributeDefinition(name = "Default language", required = false, description = "One of the languages offered; the first when empty")
        String language_default() default "";

        @AttributeDefinition(name = "Default schema", description = "The id of the schema a new process starts from")
        String schema_default() default BrandingRules.DEFAULT_SCHEMA_ID;
    }

    @Reference
    private ConfigurationStatus status;

    private volatile Branding current;

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        try {
            Branding branding = BrandingRules.read(properties, etc(), Set.of());
            current = branding;
            status.applied(PID, BrandingRules.describe(branding));
        } catch (SettingException refused) {
            if (current == null) current = BrandingRules.defaults();
            status.refused(PID, refused, BrandingRules.describe(current));
        }
    }

    @Override
    public Branding current() {
        return current;
    }

    /** A relative logo path is relative to Karaf's etc/ folder, where the configuration file is too. */
    private static Path etc() {
        return Path.of(System.getProperty("karaf.etc", "etc"));
    }
}
