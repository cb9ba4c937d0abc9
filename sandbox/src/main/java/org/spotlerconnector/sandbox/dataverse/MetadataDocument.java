package org.spotlerconnector.sandbox.dataverse;

import java.util.List;
import org.spotlerconnector.sandbox.http.HttpResponse;

/**
 * A minimal CSDL {@code $metadata} document: one entity type per table (key, properties, single-valued navigation
 * properties) and one entity set each, with the change tracking annotation on tables that have it
 * (dataverse-api.md §3).
 */
final class MetadataDocument {

  private MetadataDocument() {}

  static HttpResponse of(List<TableStore> tables) {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">")
        .append("<edmx:DataServices>")
        .append("<Schema Namespace=\"Microsoft.Dynamics.CRM\" Alias=\"mscrm\"")
        .append(" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">");
    for (TableStore table : tables) {
      entityType(xml, table.definition());
    }
    xml.append("<EntityContainer Name=\"System\">");
    for (TableStore table : tables) {
      TableDefinition definition = table.definition();
      xml.append("<EntitySet Name=\"").append(definition.entitySetName())
          .append("\" EntityType=\"").append(definition.typeName()).append("\">");
      if (definition.changeTrackingEnabled()) {
        xml.append("<Annotation Term=\"Org.OData.Capabilities.V1.ChangeTracking\"><Record>")
            .append("<PropertyValue Property=\"Supported\" Bool=\"true\" /></Record></Annotation>");
      }
      xml.append("</EntitySet>");
    }
    xml.append("</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>");
    return HttpResponse.text(200, "application/xml", xml.toString()).header(ODataResponses.ODATA_VERSION, "4.0");
  }

  private static void entityType(StringBuilder xml, TableDefinition definition) {
    xml.append("<EntityType Name=\"").append(definition.logicalName()).append("\">")
        .append("<Key><PropertyRef Name=\"").append(definition.primaryIdColumn()).append("\" /></Key>");
    for (ColumnDefinition column : definition.columns()) {
      xml.append("<Property Name=\"").append(column.propertyName())
          .append("\" Type=\"").append(column.kind().edmType()).append('"');
      if (column.maxLength() != null) {
        xml.append(" MaxLength=\"").append(column.maxLength()).append('"');
      }
      xml.append(" />");
    }
    for (ColumnDefinition column : definition.columns()) {
      for (LookupTarget target : column.targets()) {
        xml.append("<NavigationProperty Name=\"").append(target.navigationProperty())
            .append("\" Type=\"mscrm.").append(target.table()).append("\" />");
      }
    }
    xml.append("</EntityType>");
  }
}
