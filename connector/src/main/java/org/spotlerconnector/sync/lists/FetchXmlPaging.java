package org.spotlerconnector.sync.lists;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.spotlerconnector.mapping.SourceTable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Pages through a dynamic list's FetchXML (dataverse-api.md §4.4; fetchxml/page-results.md): each page is the list's
 * query with {@code page}, {@code count} and the previous page's {@code paging-cookie} on its {@code fetch} element,
 * selecting only the member's primary key. The cookie comes from the previous answer's
 * {@code @Microsoft.Dynamics.CRM.fetchxmlpagingcookie}, whose {@code pagingcookie} attribute is URL-encoded twice; the
 * last page carries no {@code @Microsoft.Dynamics.CRM.morerecords}. A query with {@code top} cannot be paged and is
 * run once. Not thread-safe: one reader per query.
 */
final class FetchXmlPaging {
  static final int PAGE_SIZE = 5_000;
  private static final String PAGING_COOKIE = "@Microsoft.Dynamics.CRM.fetchxmlpagingcookie";
  private static final String MORE_RECORDS = "@Microsoft.Dynamics.CRM.morerecords";

  private final Document query;
  private final Element fetch;
  private final boolean paged;

  private FetchXmlPaging(Document query, boolean paged) {
    this.query = query;
    this.fetch = query.getDocumentElement();
    this.paged = paged;
  }

  /**
   * @throws InvalidListQueryException when the query is not FetchXML of one entity of the list's member table
   */
  static FetchXmlPaging of(String fetchXml, SourceTable memberTable) {
    Document document;
    try {
      document = parse(fetchXml);
    } catch (SAXException | IOException e) {
      throw new InvalidListQueryException("The list's query is not valid XML: " + e.getMessage());
    }
    Element fetch = document.getDocumentElement();
    if (!fetch.getTagName().equals("fetch")) {
      throw new InvalidListQueryException("The list's query is not FetchXML: it starts with <" + fetch.getTagName()
          + ">, not <fetch>.");
    }
    if (fetch.getAttribute("aggregate").equalsIgnoreCase("true")) {
      throw new InvalidListQueryException("The list's query is an aggregate query; a list's query selects rows.");
    }
    List<Element> entities = children(fetch, "entity");
    if (entities.size() != 1 || !entities.get(0).getAttribute("name").equals(memberTable.logicalName())) {
      throw new InvalidListQueryException("The list's query must select " + memberTable.logicalName()
          + " rows (one <entity name=\"" + memberTable.logicalName() + "\">), the list's member type.");
    }
    selectOnlyPrimaryKey(document, entities.get(0), memberTable);
    boolean paged = fetch.getAttribute("top").isEmpty();
    fetch.removeAttribute("paging-cookie");
    fetch.removeAttribute("page");
    fetch.removeAttribute("count");
    return new FetchXmlPaging(document, paged);
  }

  /** The FetchXML of page {@code number} (from 1), after the page whose cookie is given (none for the first). */
  String page(int number, Optional<String> pagingCookie) {
    if (paged) {
      fetch.setAttribute("page", Integer.toString(number));
      fetch.setAttribute("count", Integer.toString(PAGE_SIZE));
      pagingCookie.ifPresentOrElse(cookie -> fetch.setAttribute("paging-cookie", cookie),
          () -> fetch.removeAttribute("paging-cookie"));
    }
    return write(query);
  }

  /** The cookie for the page after this answer; empty when it was the last page (or the query is not paged). */
  Optional<String> nextCookie(JsonNode answer) {
    if (!paged || !answer.path(MORE_RECORDS).asBoolean(false)) {
      return Optional.empty();
    }
    String annotation = answer.path(PAGING_COOKIE).asText("");
    String encoded;
    try {
      encoded = parse(annotation).getDocumentElement().getAttribute("pagingcookie");
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("Dataverse's paging cookie is not the documented XML: " + e.getMessage(), e);
    }
    if (encoded.isEmpty()) {
      throw new IllegalStateException("Dataverse said more records follow but gave no paging cookie");
    }
    return Optional.of(decode(decode(encoded)));
  }

  /** The members' ids are all the sync needs: the entity's own columns are replaced by its primary key. */
  private static void selectOnlyPrimaryKey(Document document, Element entity, SourceTable memberTable) {
    List<Element> columns = new ArrayList<>(children(entity, "attribute"));
    columns.addAll(children(entity, "all-attributes"));
    columns.forEach(entity::removeChild);
    Element key = document.createElement("attribute");
    key.setAttribute("name", memberTable.primaryIdColumn());
    entity.insertBefore(key, entity.getFirstChild());
  }

  private static List<Element> children(Element parent, String tagName) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals(tagName)) {
        found.add(element);
      }
    }
    return found;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** Parses without DTDs or external entities: the text comes from a list a user wrote. */
  private static Document parse(String xml) throws SAXException, IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // fatal errors are thrown, nothing is printed
      return builder.parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser lacks secure processing", e);
    }
  }

  private static String write(Document document) {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("a parsed query could not be written back", e);
    }
  }
}
