package org.spotlerconnector.permissions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.merge.SpotlerValues;
import org.spotlerconnector.permissions.PermissionRows.NewRow;
import org.spotlerconnector.permissions.PermissionVariables.Values;
import org.spotlerconnector.spotler.SetPropertyEntry;

/**
 * Gives records newly created in Dynamics 365 their Spotler Permission rows, as the manual's "Customizations" and
 * "Environment variables" describe: one row per permission named in {@code <p>_permissions}, enabled when it is named
 * in {@code <p>_permissions_enabled_by_default} or that says {@code [All]}, disabled otherwise. The names are matched
 * to Spotler's permissions by description here, once, without regard to case; each row then holds its bit, by which
 * it is matched from then on. A name Spotler does not have is skipped, and said in the log. {@code ;} in {@code
 * <p>_permissions}, or no names, creates nothing. Thread-safe.
 */
public final class PrePopulation {
  private static final Logger LOG = LoggerFactory.getLogger(PrePopulation.class);

  private final PermissionVariables variables;
  private final SpotlerPermissions spotler;
  private final PermissionRows rows;

  public PrePopulation(PermissionVariables variables, SpotlerPermissions spotler, PermissionRows rows) {
    this.variables = variables;
    this.spotler = spotler;
    this.rows = rows;
  }

  /**
   * Creates the rows of these records in bulk.
   *
   * @param field the Spotler set field that holds the permissions of {@code table}'s records
   * @return per record id, the permissions it has now in Spotler value space; empty when nothing was created
   */
  public Map<String, ArrayNode> populate(SourceTable table, String field, List<String> recordIds) {
    if (recordIds.isEmpty()) {
      return Map.of();
    }
    Values values = variables.read();
    String list = values.permissions().map(PermissionVariables.Variable::current).orElse("");
    List<String> names = PermissionNames.parse(list);
    if (PermissionNames.disables(list) || names.isEmpty()) {
      return Map.of();
    }
    String enabledByDefault = values.enabledByDefault().map(PermissionVariables.Variable::current).orElse("");
    Set<String> enabledNames = PermissionNames.parse(enabledByDefault).stream()
        .map(PermissionNames::key).collect(Collectors.toSet());
    Map<Long, SetPropertyEntry> chosen = matchByDescription(names, field);
    if (chosen.isEmpty()) {
      return Map.of();
    }
    List<NewRow> newRows = new ArrayList<>();
    Map<String, ArrayNode> created = new LinkedHashMap<>();
    for (String recordId : recordIds) {
      Map<Long, Boolean> bits = new TreeMap<>();
      for (SetPropertyEntry entry : chosen.values()) {
        boolean enabled = PermissionNames.all(enabledByDefault)
            || enabledNames.contains(PermissionNames.key(entry.description()));
        newRows.add(new NewRow(recordId, entry.bit(), entry.description(), enabled));
        bits.put(entry.bit(), enabled);
      }
      created.put(recordId, SpotlerValues.set(bits));
    }
    rows.create(table, newRows);
    LOG.atInfo().addKeyValue("table", table.logicalName()).addKeyValue("records", recordIds.size())
        .addKeyValue("permissions", chosen.size()).log("permissions pre-populated on new records");
    return created;
  }

  /** Spotler's permissions with the listed descriptions, by bit; a name listed twice counts once. */
  private Map<Long, SetPropertyEntry> matchByDescription(List<String> names, String field) {
    Map<String, SetPropertyEntry> byDescription = new HashMap<>();
    for (SetPropertyEntry entry : spotler.entries(field)) {
      byDescription.putIfAbsent(PermissionNames.key(entry.description()), entry);
    }
    Map<Long, SetPropertyEntry> chosen = new TreeMap<>();
    List<String> unknown = new ArrayList<>();
    for (String name : names) {
      SetPropertyEntry entry = byDescription.get(PermissionNames.key(name));
      if (entry == null) {
        unknown.add(name);
      } else {
        chosen.putIfAbsent(entry.bit(), entry);
      }
    }
    if (!unknown.isEmpty()) {
      LOG.atWarn().addKeyValue("names", unknown).addKeyValue("field", field)
          .log("permissions named in the environment variable are not in Spotler; they are not pre-populated");
    }
    return chosen;
  }
}
