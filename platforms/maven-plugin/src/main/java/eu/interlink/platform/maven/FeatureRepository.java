package eu.interlink.platform.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The feature names a Karaf feature repository defines: any Interlinker feature added to it is usable at once. */
final class FeatureRepository {
    private FeatureRepository() {
    }

    static Set<String> names(Path featuresXml) throws PlatformException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList features = factory.newDocumentBuilder().parse(featuresXml.toFile()).getElementsByTagNameNS("*", "feature");
            Set<String> names = new TreeSet<>();
            for (int i = 0; i < features.getLength(); i++) {
                Element feature = (Element) features.item(i);
                // <feature name="…"> defines one; a nested <feature>name</feature> only depends on one.
                if (feature.hasAttribute("name")) names.add(feature.getAttribute("name"));
            }
            return names;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new PlatformException(featuresXml + ": cannot read the feature repository (" + e.getMessage() + ")");
        }
    }
}
