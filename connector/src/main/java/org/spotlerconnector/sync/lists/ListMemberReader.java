package org.spotlerconnector.sync.lists;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.dataverse.ODataQuery;

/**
 * Who is on a marketing list now (dataverse-api.md §4.2, §4.4): a static list's {@code listmembers}, or the rows a
 * dynamic list's FetchXML selects, both in pages of 5,000. Only ids are read.
 */
final class ListMemberReader {
  private final DataverseClient dataverse;

  ListMemberReader(DataverseClient dataverse) {
    this.dataverse = dataverse;
  }

  /** The row ids of the list's members, which are their Spotler externalIds. */
  Set<String> members(MarketingList list) {
    return list.query().isPresent() ? queried(list, list.query().get()) : added(list);
  }

  private Set<String> added(MarketingList list) {
    Set<String> members = new LinkedHashSet<>();
    ODataQuery query = ODataQuery.of("listmembers")
        .select("_entityid_value")
        .filter("_listid_value eq " + UUID.fromString(list.id()));
    dataverse.query(query, FetchXmlPaging.PAGE_SIZE)
        .forEachPage(page -> page.forEach(row -> members.add(row.path("_entityid_value").asText())));
    return members;
  }

  private Set<String> queried(MarketingList list, String fetchXml) {
    FetchXmlPaging paging = FetchXmlPaging.of(fetchXml, list.memberTable());
    String entitySet = list.memberTable().entitySet();
    String key = list.memberTable().primaryIdColumn();
    Set<String> members = new LinkedHashSet<>();
    Optional<String> cookie = Optional.empty();
    for (int page = 1; ; page++) {
      JsonNode answer = dataverse.fetchXml(entitySet, paging.page(page, cookie));
      answer.path("value").forEach(row -> members.add(row.path(key).asText()));
      cookie = paging.nextCookie(answer);
      if (cookie.isEmpty()) {
        return members;
      }
    }
  }
}
