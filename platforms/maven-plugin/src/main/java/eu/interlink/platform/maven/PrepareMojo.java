package eu.interlink.platform.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Properties;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

import eu.interlink.coproduction.Language;

/**
 * {@code interlink-platform:prepare}: reads the platform's descriptor, checks it, writes the etc/ files of its
 * distribution into {@code outputDirectory} and sets the project property {@code bootFeaturesProperty} to the
 * boot features, which karaf-maven-plugin reads (comma-separated) when it assembles the distribution next.
 */
public class PrepareMojo extends AbstractMojo {
    private File platformDirectory;
    private File featuresRepository;
    private File sharedAssembly;
    private File outputDirectory;
    private List<String> karafFeatures;
    private String bootFeaturesProperty;
    private String packaging;
    private Properties projectProperties;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        // The parent of the platforms inherits this execution too; only its karaf-assembly children are platforms.
        if (!"karaf-assembly".equals(packaging)) return;
        try {
            PlatformDescriptor platform = PlatformDescriptor.read(platformDirectory.toPath(), FeatureRepository.names(featuresRepository.toPath()));
            Preparation.prepare(platform, sharedAssembly == null ? null : sharedAssembly.toPath(), outputDirectory.toPath());
            List<String> boot = platform.bootFeatures(karafFeatures);
            projectProperties.setProperty(bootFeaturesProperty, String.join(",", boot));
            getLog().info("Platform '" + platform.name() + "' (" + platform.branding().name() + "): Interlinker features "
                    + platform.features() + ", languages " + platform.branding().languages().stream().map(Language::code).toList()
                    + ", logo " + platform.branding().logo().fileName());
        } catch (PlatformException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot prepare the platform in " + outputDirectory + ": " + e.getMessage(), e);
        }
    }
}
