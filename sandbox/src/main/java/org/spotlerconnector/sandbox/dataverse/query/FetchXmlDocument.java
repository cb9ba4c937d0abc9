package org.spotlerconnector.sandbox.dataverse.query;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads FetchXML text into a tree of elements and checks it against the element and attribute names of the FetchXML
 * schema (the FetchXML reference: fetch, entity, attribute, all-attributes, order, filter, condition, value,
 * link-entity), as the platform validates a query before it runs it. A document type declaration is refused, so no
 * entity can be expanded.
 */
final class FetchXmlDocument {
  /** Far deeper than any real query; keeps a hostile document from exhausting the stack. */
  private static final int MAX_DEPTH = 64;
  private static final Map<String, Set<String>> ATTRIBUTES =
      Map.of(
          "fetch", Set.of("version", "count", "page", "paging-cookie", "utc-offset", "aggregate", "distinct", "top",
              "mapping", "min-active-row-version", "output-format", "returntotalrecordcount", "no-lock",
              "latematerialize", "options", "useraworderby", "aggregatelimit", "datasource"),
          "entity", Set.of("name", "enableprefiltering", "prefilterparametername"),
          "attribute", Set.of("name", "build", "addedby", "alias", "aggregate", "groupby", "dategrouping",
              "usertimezone", "distinct", "rowaggregate"),
          "all-attributes", Set.of(),
          "order", Set.of("attribute", "alias", "descending", "entityname"),
          "filter", Set.of("type", "isquickfindfields", "overridequickfindrecordlimitenabled",
              "overridequickfindrecordlimitdisabled", "hint"),
          "condition", Set.of("column", "attribute", "entityname", "operator", "value", "valueof", "aggregate",
              "rowaggregate", "alias", "uiname", "uitype", "uihidden"),
          "value", Set.of("uiname", "uitype"),
          "link-entity", Set.of("name", "to", "from", "alias", "link-type", "visible", "intersect",
              "enableprefiltering", "prefilterparametername"));
  private static final Map<String, Set<String>> CHILDREN =
      Map.of(
          "fetch", Set.of("entity"),
          "entity", Set.of("attribute", "all-attributes", "order", "filter", "link-entity"),
          "link-entity", Set.of("attribute", "all-attributes", "order", "filter", "link-entity"),
          "filter", Set.of("condition", "filter", "link-entity"),
          "condition", Set.of("value"));
  private static final ErrorHandler FAIL_ON_ANY_ERROR =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  /** One element: its name, its attributes, its child elements and, for {@code value}, its text. */
  record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text) {

    Optional<String> attribute(String attribute) {
      return Optional.ofNullable(attributes.get(attribute));
    }

    List<XmlElement> children(String childName) {
      return children.stream().filter(c -> c.name().equals(childName)).toList();
    }
  }

  private FetchXmlDocument() {}

  /** The checked {@code fetch} element. */
  static XmlElement parse(String xml) {
    Element root;
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(FAIL_ON_ANY_ERROR);
      root = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
    } catch (SAXException | IOException e) {
      throw FetchXmlException.invalid("The FetchXML is not well-formed XML: " + e.getMessage());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be configured securely. Indicates a bug.", e);
    }
    if (!root.getTagName().equals("fetch")) {
      throw FetchXmlException.invalid(
          "The root element of a FetchXML query must be 'fetch', not '" + root.getTagName() + "'.");
    }
    return read(root, 0);
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  private static XmlElement read(Element element, int depth) {
    String name = element.getTagName();
    if (depth > MAX_DEPTH) {
      throw FetchXmlException.invalid("The FetchXML nests elements more than " + MAX_DEPTH + " levels deep.");
    }
    Set<String> allowedAttributes = ATTRIBUTES.getOrDefault(name, Set.of());
    Map<String, String> attributes = new LinkedHashMap<>();
    NamedNodeMap nodes = element.getAttributes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Attr attribute = (Attr) nodes.item(i);
      if (!allowedAttributes.contains(attribute.getName())) {
        throw FetchXmlException.invalid("The '" + attribute.getName() + "' attribute is not declared on the '"
            + name + "' element.");
      }
      attributes.put(attribute.getName(), attribute.getValue());
    }
    Set<String> allowedChildren = CHILDREN.getOrDefault(name, Set.of());
    List<XmlElement> children = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    NodeList childNodes = element.getChildNodes();
    for (int i = 0; i < childNodes.getLength(); i++) {
      Node child = childNodes.item(i);
      if (child instanceof Element childElement) {
        if (!allowedChildren.contains(childElement.getTagName())) {
          throw FetchXmlException.invalid("The element '" + name + "' has invalid child element '"
              + childElement.getTagName() + "'.");
        }
        children.add(read(childElement, depth + 1));
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    if (!name.equals("value") && !text.toString().isBlank()) {
      throw FetchXmlException.invalid("The element '" + name + "' cannot contain text.");
    }
    return new XmlElement(name, attributes, children, text.toString());
  }
}
