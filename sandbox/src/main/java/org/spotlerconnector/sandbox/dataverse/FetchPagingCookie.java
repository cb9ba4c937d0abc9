package org.spotlerconnector.sandbox.dataverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.query.FetchQuery;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The paging cookie of a FetchXML query (fetchxml/page-results.md): the annotation
 * {@code @Microsoft.Dynamics.CRM.fetchxmlpagingcookie} holds {@code <cookie pagenumber="2" pagingcookie="…"
 * istracking="False" />}, whose {@code pagingcookie} is, URL-encoded twice, {@code <cookie page="1"><fullname
 * last="…" first="…" /><contactid last="{…}" first="{…}" /></cookie>}: the page just read, and the order columns and
 * primary key of its first and last rows. The client sends the inner cookie back as the {@code paging-cookie}
 * attribute of the next page's {@code fetch}; the next page then starts right after that last row, so rows added or
 * removed in between never make a row repeat or go missing.
 *
 * @param page the page the cookie was made for
 * @param last the last row's order columns and primary key, as stored values
 */
record FetchPagingCookie(int page, ObjectNode last, UUID lastId) {

  /** The annotation's value for a page that has more rows after it. */
  static String annotation(int page, FetchQuery query, TableDefinition table, Row first, Row last) {
    List<SkipToken.Element> elements = new ArrayList<>();
    for (FetchQuery.Order order : query.orders()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      put(attributes, "last", last.values().get(order.property()));
      put(attributes, "first", first.values().get(order.property()));
      elements.add(new SkipToken.Element(order.attribute(), attributes));
    }
    Map<String, String> key = new LinkedHashMap<>();
    key.put("last", PagingCookie.braced(last.id()));
    key.put("first", PagingCookie.braced(first.id()));
    elements.add(new SkipToken.Element(table.primaryIdColumn(), key));
    return SkipToken.of(page + 1, false, Map.of("page", String.valueOf(page)), elements);
  }

  /** Reads the {@code paging-cookie} a client sent; one that does not fit the query's order is refused. */
  static FetchPagingCookie parse(String cookie, FetchQuery query, TableDefinition table) {
    SkipToken.Parsed parsed;
    try {
      parsed = SkipToken.parseInner(cookie);
    } catch (DataverseException e) {
      throw invalid();
    }
    List<SkipToken.Element> elements = parsed.elements();
    List<FetchQuery.Order> orders = query.orders();
    if (elements.size() != orders.size() + 1) {
      throw invalid();
    }
    ObjectNode last = Json.object();
    for (int i = 0; i < orders.size(); i++) {
      FetchQuery.Order order = orders.get(i);
      SkipToken.Element element = elements.get(i);
      if (!element.name().equals(order.attribute())) {
        throw invalid();
      }
      String text = element.attributes().get("last");
      if (text != null) {
        ColumnDefinition column = table.columnForProperty(order.property()).orElseThrow();
        try {
          last.set(order.property(), PagingCookie.typed(column.kind(), text));
        } catch (DataverseException e) {
          throw invalid();
        }
      }
    }
    SkipToken.Element key = elements.get(elements.size() - 1);
    String keyText = key.attributes().get("last");
    if (!key.name().equals(table.primaryIdColumn()) || keyText == null) {
      throw invalid();
    }
    UUID lastId = ColumnValues.parseGuid(keyText).orElseThrow(FetchPagingCookie::invalid);
    last.put(table.primaryIdColumn(), lastId.toString());
    return new FetchPagingCookie(parsed.pageNumber(), last, lastId);
  }

  private static void put(Map<String, String> attributes, String name, JsonNode value) {
    if (value != null && !value.isNull()) {
      attributes.put(name, value.asText());
    }
  }

  private static DataverseException invalid() {
    return DataverseException.badRequest(
        DataverseException.INVALID_ARGUMENT,
        "The paging-cookie is not one this query returned: send the pagingcookie of the previous page's"
            + " @Microsoft.Dynamics.CRM.fetchxmlpagingcookie, URL-decoded twice.");
  }
}
