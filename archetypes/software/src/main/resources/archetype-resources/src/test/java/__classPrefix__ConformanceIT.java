package ${package};

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import eu.interlink.testkit.ConformanceKit;

/**
 * Boots the Interlink distribution with this bundle installed and runs every check of the conformance kit through
 * the real kernel: its pages, a restart and an update of the bundle included.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ${classPrefix}ConformanceIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() throws IOException {
        File distribution = file("interlink.distribution");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(distribution.toURI().toString())
                    .unpackDirectory(new File("target/exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(port)),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1"),
            // Pax Exam's own bundles come from the local Maven repository the build filled, never the network.
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", System.getProperty("interlink.test.repository")),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
            bundle(file("interlink.testkit").toURI().toString()),
            bundle(file("interlink.bundle").toURI().toString()),
        };
    }

    private static File file(String property) {
        File f = new File(System.getProperty(property, ""));
        if (!f.isFile()) throw new IllegalStateException("No file at " + f + " (" + property + "): run the test with 'mvn verify'");
        return f;
    }

    @Test
    public void conformsInThePlatform() {
        ConformanceKit.inPlatform(context, ${classPrefix}Interlinker.ID)
                .instantiateWith(Map.of("title", "Minutes", "text", "We met."))
                .assertConforms();
    }
}
