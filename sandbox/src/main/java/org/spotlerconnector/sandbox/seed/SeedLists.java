package org.spotlerconnector.sandbox.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Marketing lists over a {@link SeedData} set, as a marketer would have made them: static lists of contacts, leads and
 * accounts, and dynamic lists whose FetchXML query selects the active contacts and open leads of the most common city.
 * The same data gives the same lists, ids and members; a list whose table has no rows is left out.
 */
public final class SeedLists {
  /** {@code createdfromcode}: the table a list's members belong to. */
  private static final int ACCOUNT = 1;
  private static final int CONTACT = 2;
  private static final int LEAD = 4;

  /**
   * One list.
   *
   * @param memberType {@code createdfromcode}: 1 account, 2 contact, 4 lead
   * @param query the FetchXML of a dynamic list; null for a static one
   * @param memberIds the members of a static list; empty for a dynamic one
   */
  public record SeedList(UUID id, String name, int memberType, String query, List<UUID> memberIds) {
    public boolean dynamic() {
      return query != null;
    }
  }

  private SeedLists() {}

  public static List<SeedList> of(SeedData data) {
    List<SeedList> lists = new ArrayList<>();
    if (!data.contacts().isEmpty()) {
      lists.add(staticList("Newsletter - every third contact", CONTACT, everyNth(data.contacts(), 3, "contactid")));
      String city = mostCommonCity(data.contacts());
      lists.add(dynamicList("Active contacts in " + city, CONTACT, fetch("contact", "fullname", List.of(
          condition("address1_city", city), condition("statecode", "0")))));
    }
    if (!data.leads().isEmpty()) {
      lists.add(staticList("Trade show leads", LEAD, everyNth(data.leads(), 2, "leadid")));
      String city = mostCommonCity(data.leads());
      lists.add(dynamicList("Open leads in " + city, LEAD, fetch("lead", "fullname", List.of(
          condition("address1_city", city), condition("statecode", "0")))));
    }
    if (!data.accounts().isEmpty()) {
      lists.add(staticList("Key accounts", ACCOUNT, everyNth(data.accounts(), 4, "accountid")));
    }
    return lists;
  }

  private static SeedList staticList(String name, int memberType, List<UUID> members) {
    return new SeedList(id(name), name, memberType, null, members);
  }

  private static SeedList dynamicList(String name, int memberType, String query) {
    return new SeedList(id(name), name, memberType, query, List.of());
  }

  private static UUID id(String name) {
    return UUID.nameUUIDFromBytes(("seeded marketing list " + name).getBytes(StandardCharsets.UTF_8));
  }

  private static List<UUID> everyNth(List<ObjectNode> rows, int n, String idColumn) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += n) {
      ids.add(UUID.fromString(rows.get(i).get(idColumn).asText()));
    }
    return ids;
  }

  /** The city most rows have; the first in alphabetical order among equals, so the choice never varies. */
  private static String mostCommonCity(List<ObjectNode> rows) {
    Map<String, Long> counts =
        rows.stream().collect(Collectors.groupingBy(r -> r.get("address1_city").asText(), Collectors.counting()));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow();
  }

  /** A query in the shape the application saves for a dynamic list. */
  private static String fetch(String entity, String nameColumn, List<String> conditions) {
    Function<String, String> line = text -> "    " + text + "\n";
    StringBuilder xml = new StringBuilder();
    xml.append("<fetch version=\"1.0\" output-format=\"xml-platform\" mapping=\"logical\" distinct=\"false\">\n");
    xml.append("  <entity name=\"").append(entity).append("\">\n");
    xml.append(line.apply("<attribute name=\"" + nameColumn + "\" />"));
    xml.append(line.apply("<attribute name=\"emailaddress1\" />"));
    xml.append(line.apply("<attribute name=\"" + entity + "id\" />"));
    xml.append(line.apply("<order attribute=\"" + nameColumn + "\" descending=\"false\" />"));
    xml.append(line.apply("<filter type=\"and\">"));
    conditions.forEach(c -> xml.append(line.apply("  " + c)));
    xml.append(line.apply("</filter>"));
    xml.append("  </entity>\n</fetch>");
    return xml.toString();
  }

  private static String condition(String attribute, String value) {
    return "<condition attribute=\"" + attribute + "\" operator=\"eq\" value=\"" + escape(value) + "\" />";
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
