package org.spotlerconnector.sandbox.dataverse;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $skiptoken} of a next link in Dataverse's form (dataverse-api.md §2.5):
 * {@code <cookie pagenumber="2" pagingcookie="…" istracking="False" />}, where {@code pagingcookie} is an inner XML
 * cookie URL-encoded twice, such as {@code <cookie page="1"><contactid last="{…}" first="{…}" /></cookie>}. Clients
 * must treat it as opaque; the emulator keeps its position in it, so paging stays correct while rows change.
 */
final class SkipToken {
  private static final Pattern OUTER =
      Pattern.compile("^<cookie pagenumber=\"(\\d+)\" pagingcookie=\"([^\"]*)\" istracking=\"(True|False)\" />$");
  private static final Pattern ROOT = Pattern.compile("^<cookie((?:\\s+[\\w.]+=\"[^\"]*\")*)\\s*/?>");
  private static final Pattern ELEMENT = Pattern.compile("<([\\w.]+)((?:\\s+[\\w.]+=\"[^\"]*\")*)\\s*/>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([\\w.]+)=\"([^\"]*)\"");

  /** A decoded token: the page the next link leads to, the inner cookie's attributes and its child elements. */
  record Parsed(int pageNumber, boolean tracking, Map<String, String> attributes, List<Element> elements) {}

  /** A child element of the inner cookie, e.g. {@code <contactid last="{…}" first="{…}" />}. */
  record Element(String name, Map<String, String> attributes) {}

  private SkipToken() {}

  static String of(int pageNumber, boolean tracking, Map<String, String> attributes, List<Element> elements) {
    StringBuilder inner = new StringBuilder("<cookie");
    attributes.forEach((k, v) -> inner.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
    inner.append('>');
    for (Element element : elements) {
      inner.append('<').append(element.name());
      element.attributes().forEach((k, v) -> inner.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
      inner.append(" />");
    }
    inner.append("</cookie>");
    return "<cookie pagenumber=\"" + pageNumber + "\" pagingcookie=\"" + encode(encode(inner.toString()))
        + "\" istracking=\"" + (tracking ? "True" : "False") + "\" />";
  }

  /** Decodes a token; a token this server did not issue is refused with a 400. */
  static Parsed parse(String token) {
    Matcher outer = OUTER.matcher(token.trim());
    if (!outer.matches()) {
      throw invalid();
    }
    Parsed inner = parseInner(decode(decode(outer.group(2))));
    return new Parsed(
        Integer.parseInt(outer.group(1)), outer.group(3).equals("True"), inner.attributes(), inner.elements());
  }

  /**
   * Reads an inner cookie, such as a client puts in FetchXML's {@code paging-cookie}: its root attributes and child
   * elements; the page number is the root's {@code page} attribute, or 0 when it has none.
   */
  static Parsed parseInner(String text) {
    String inner = text.strip();
    Matcher root = ROOT.matcher(inner);
    if (!root.find()) {
      throw invalid();
    }
    List<Element> elements = new ArrayList<>();
    Matcher element = ELEMENT.matcher(inner);
    int from = root.end();
    while (element.find(from)) {
      elements.add(new Element(element.group(1), attributes(element.group(2))));
      from = element.end();
    }
    Map<String, String> attributes = attributes(root.group(1));
    String page = attributes.getOrDefault("page", "0");
    return new Parsed(page.matches("\\d{1,9}") ? Integer.parseInt(page) : 0, false, attributes, elements);
  }

  static DataverseException invalid() {
    return DataverseException.badRequest(
        DataverseException.ODATA_QUERY, "The $skiptoken query parameter value is not valid.");
  }

  private static Map<String, String> attributes(String text) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(text);
    while (m.find()) {
      attributes.put(m.group(1), unescape(m.group(2)));
    }
    return attributes;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
  }
}
