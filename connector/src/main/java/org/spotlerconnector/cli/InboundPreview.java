package org.spotlerconnector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.spotlerconnector.mapping.Direction;
import org.spotlerconnector.mapping.InboundResult;
import org.spotlerconnector.mapping.OutboundResult;
import org.spotlerconnector.mapping.SourceTable;
import org.spotlerconnector.mapping.SpotlerProperty;
import org.spotlerconnector.mapping.SpotlerValueNormaliser;
import org.spotlerconnector.merge.MergeField;
import org.spotlerconnector.merge.SpotlerValues;
import org.spotlerconnector.spotler.MailPlusClient;
import org.spotlerconnector.spotler.SpotlerContact;
import org.spotlerconnector.sync.RowState;
import org.spotlerconnector.sync.inbound.MergePlan;

/**
 * The Spotler to Dynamics 365 half of a record's preview: reads the linked Spotler contact ({@code GET
 * /contact/{externalId}}, the only Spotler read per record) and shows, for each field mapped {@code <-} or {@code
 * <->}, the column and the value the inbound conversion makes of Spotler's value, and whether Dynamics 365 holds
 * another value. Records the merge leaves to the outbound flow (inactive, Do Not Email, filtered out, a Dynamics 365
 * value that cannot be mapped) cost no Spotler read.
 */
final class InboundPreview {
  private final Optional<MergePlan> plan;
  private final String whyOff;
  private final MailPlusClient spotler;
  private final SpotlerValueNormaliser normaliser;
  private final PreviewText text;

  private InboundPreview(
      Optional<MergePlan> plan, String whyOff, MailPlusClient spotler, ZoneId zone, PreviewText text) {
    this.plan = plan;
    this.whyOff = whyOff;
    this.spotler = spotler;
    this.normaliser = new SpotlerValueNormaliser(zone);
    this.text = text;
  }

  /** @param zone spotler.timeZone, in which Spotler's dates are read */
  static InboundPreview of(MergePlan plan, MailPlusClient spotler, ZoneId zone, PreviewText text) {
    return new InboundPreview(Optional.of(plan), "", spotler, zone, text);
  }

  /** Nothing flows from Spotler to Dynamics 365, for this reason. */
  static InboundPreview off(String why, MailPlusClient spotler, ZoneId zone, PreviewText text) {
    return new InboundPreview(Optional.empty(), why, spotler, zone, text);
  }

  void print(PrintWriter out, SourceTable table, ObjectNode row) {
    out.println("  Spotler -> Dynamics 365:");
    if (plan.isEmpty()) {
      out.printf("    nothing: %s%n", whyOff);
      return;
    }
    MergePlan merge = plan.get();
    String name = table.logicalName();
    if (!merge.writesToDataverse(table)) {
      out.printf("    nothing: no field of the %s is mapped <- or <->%n", name);
      return;
    }
    if (!RowState.mailable(row)) {
      out.printf("    nothing: an inactive or Do Not Email %s is left to the outbound flow%n", name);
      return;
    }
    OutboundResult dynamics = merge.dataverseValues(table, row);
    if (dynamics instanceof OutboundResult.Excluded excluded) {
      out.printf("    nothing: a %s the filter %s excludes is left to the outbound flow%n", name,
          excluded.filter().text());
      return;
    }
    if (dynamics instanceof OutboundResult.Unmappable unmappable) {
      out.printf("    nothing: not merged while a Dynamics 365 value cannot be mapped: %s: %s%n",
          unmappable.spotlerField(), unmappable.reason());
      return;
    }
    String externalId = row.path(table.primaryIdColumn()).asText();
    Optional<SpotlerContact> contact = spotler.getContact(externalId);
    if (contact.isEmpty()) {
      out.printf("    nothing: no Spotler contact has externalId %s; the record is linked when it is first sent%n",
          externalId);
      return;
    }
    ObjectNode dynamicsValues = ((OutboundResult.Mapped) dynamics).properties();
    List<MergeField> fields = merge.fields(table);
    List<SpotlerProperty> properties = merge.properties(table);
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).direction().inbound()) {
        printField(out, merge, table, fields.get(i), properties.get(i), contact.get(), dynamicsValues);
      }
    }
  }

  private void printField(PrintWriter out, MergePlan merge, SourceTable table, MergeField field,
      SpotlerProperty property, SpotlerContact contact, ObjectNode dynamicsValues) {
    String name = text.field(field.name());
    JsonNode value;
    try {
      value = normaliser.normalise(property.type(), contact.properties().get(field.name()));
    } catch (IllegalArgumentException unreadable) {
      out.printf("    %s cannot be read (%s); the merge takes it as unchanged%n", name, unreadable.getMessage());
      return;
    }
    JsonNode current = dynamicsValues.get(field.name());
    String comparison = (SpotlerValues.same(current, value)
        ? "same as Dynamics 365" : "differs, Dynamics 365 has " + text.value(current)) + " (" + how(field) + ")";
    ObjectNode one = JsonNodeFactory.instance.objectNode();
    one.set(field.name(), value);
    InboundResult result = merge.columns(table, one);
    if (result instanceof InboundResult.Unconvertible unconvertible) {
      out.printf("    %s %s: not written: %s; %s%n", name, text.value(value), unconvertible.reason(), comparison);
      return;
    }
    ((InboundResult.Mapped) result).columns().properties().forEach(column -> out.printf("    %s %s -> %s = %s; %s%n",
        name, text.value(value), column.getKey(), text.value(column.getValue()), comparison));
  }

  private static String how(MergeField field) {
    return field.direction() == Direction.BOTH
        ? "<->, conflict rule " + field.rule().configName()
        : field.direction().symbol();
  }
}
