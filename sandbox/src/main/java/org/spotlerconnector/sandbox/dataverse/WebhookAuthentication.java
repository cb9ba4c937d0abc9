package org.spotlerconnector.sandbox.dataverse;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * How Dataverse authenticates to a webhook (register-web-hook.md, dataverse-api.md §7.1), from a service endpoint's
 * {@code authtype} and {@code authvalue}: WebhookKey (4) adds {@code ?code=<authvalue>}; HttpHeader (5) and
 * HttpQueryString (6) take {@code <settings><setting name="x" value="y"/></settings>} and send each setting as a
 * header or as a query parameter.
 *
 * @param settings the header or query parameter values by name, in the order written
 */
record WebhookAuthentication(int authType, Map<String, String> settings) {
  static final int WEBHOOK_KEY = 4;
  static final int HTTP_HEADER = 5;
  static final int HTTP_QUERY_STRING = 6;
  private static final String CODE = "code";

  WebhookAuthentication {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** @throws IllegalArgumentException when the type is not a webhook's or the value is not what the type needs */
  static WebhookAuthentication parse(int authType, String authValue) {
    if (authValue == null || authValue.isBlank()) {
      throw new IllegalArgumentException("authvalue is required for a webhook");
    }
    return switch (authType) {
      case WEBHOOK_KEY -> new WebhookAuthentication(authType, Map.of(CODE, authValue));
      case HTTP_HEADER, HTTP_QUERY_STRING -> new WebhookAuthentication(authType, settings(authValue));
      default -> throw new IllegalArgumentException("authtype " + authType + " is not a webhook authentication type");
    };
  }

  /** The URL to post to: the endpoint's URL with the key or the query string settings added. */
  URI target(String url) {
    if (authType == HTTP_HEADER) {
      return URI.create(url);
    }
    String query =
        settings.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return URI.create(url + (url.contains("?") ? "&" : "?") + query);
  }

  /** The headers to add to the request: the settings of an HttpHeader endpoint, none otherwise. */
  Map<String, String> headers() {
    return authType == HTTP_HEADER ? settings : Map.of();
  }

  private static Map<String, String> settings(String xml) {
    Map<String, String> settings = new LinkedHashMap<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
      if (!root.getTagName().equals("settings")) {
        throw new IllegalArgumentException("authvalue must be a <settings> element");
      }
      NodeList nodes = root.getElementsByTagName("setting");
      for (int i = 0; i < nodes.getLength(); i++) {
        Element setting = (Element) nodes.item(i);
        String name = setting.getAttribute("name");
        if (name.isBlank()) {
          throw new IllegalArgumentException("every <setting> needs a name");
        }
        settings.put(name, setting.getAttribute("value"));
      }
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("authvalue is not valid settings XML: " + e.getMessage(), e);
    }
    if (settings.isEmpty()) {
      throw new IllegalArgumentException("authvalue must hold at least one <setting>");
    }
    return settings;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
