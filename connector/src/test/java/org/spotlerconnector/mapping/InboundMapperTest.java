package org.spotlerconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.mapping.InboundResult.Unconvertible;

class InboundMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static final TableSchema CONTACT =
      TableSchema.builder("contact")
          .column("contactid", ColumnType.UNIQUE_IDENTIFIER)
          .column(ColumnMetadata.of("emailaddress1", ColumnType.TEXT).withMaxLength(100))
          .column(ColumnMetadata.of("firstname", ColumnType.TEXT).withMaxLength(5))
          .column(ColumnMetadata.of("lastname", ColumnType.TEXT).withMaxLength(50))
          .column(
              ColumnMetadata.of("gendercode", ColumnType.CHOICE)
                  .withOptions(List.of(new ChoiceOption(1, "Male"), new ChoiceOption(2, "Female"))))
          .column(ColumnMetadata.of("birthdate", ColumnType.DATE_TIME).dateOnlyBehaviour())
          .lookup("parentcustomerid", new LookupTarget("parentcustomerid_account", "account"))
          .build();

  private static final TableSchema ACCOUNT =
      TableSchema.builder("account")
          .column("accountid", ColumnType.UNIQUE_IDENTIFIER)
          .column(ColumnMetadata.of("name", ColumnType.TEXT).withMaxLength(160))
          .build();

  private static final List<FieldMapping> MAPPING =
      List.of(
          FieldMapping.builder("email").contact("emailaddress1").account("name").build(),
          FieldMapping.builder("firstName").contact("firstname").direction("<->").build(),
          FieldMapping.builder("lastName").contact("lastname").direction("<-").build(),
          FieldMapping.builder("gender").contact("gendercode").direction("<->").conflict("spotler").build(),
          FieldMapping.builder("birthday").contact("birthdate").direction("<->").build(),
          FieldMapping.builder("permissions").contact("@map(permissions)").direction("<->").build());

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static InboundMapper mapper(List<FieldMapping> mapping) {
    return InboundMapper.create(
        mapping, TestSchemas.dutchSpotlerAccount(), DataverseSchema.of(CONTACT, ACCOUNT), AMSTERDAM);
  }

  @Test
  void writes_only_fields_mapped_from_spotler_that_are_columns_of_the_row() {
    InboundMapper mapper = mapper(MAPPING);

    assertThat(mapper.fields(SourceTable.CONTACT)).containsExactly("firstName", "lastName", "gender", "birthday");
    assertThat(mapper.fields(SourceTable.ACCOUNT)).isEmpty();
  }

  @Test
  void converts_the_values_to_write_to_a_web_api_update_body() {
    InboundResult result =
        mapper(MAPPING)
            .map(
                SourceTable.CONTACT,
                json("{'email':'new@x.nl','firstName':'Jan','lastName':'','gender':'F','birthday':'1980-04-01',"
                    + "'permissions':[{'bit':1,'enabled':true}]}"));

    assertThat(result)
        .isEqualTo(
            new InboundResult.Mapped(
                json("{'firstname':'Jan','lastname':null,'gendercode':2,'birthdate':'1980-04-01'}")));
  }

  @Test
  void leaves_out_fields_not_in_the_values() {
    assertThat(mapper(MAPPING).map(SourceTable.CONTACT, json("{'lastName':'Jansen'}")))
        .isEqualTo(new InboundResult.Mapped(json("{'lastname':'Jansen'}")));
  }

  @Test
  void names_the_field_and_column_a_value_does_not_fit() {
    InboundResult result = mapper(MAPPING).map(SourceTable.CONTACT, json("{'firstName':'Johannes'}"));

    assertThat(result).isInstanceOf(Unconvertible.class);
    assertThat(((Unconvertible) result).spotlerField()).isEqualTo("firstName");
    assertThat(((Unconvertible) result).reason())
        .startsWith("Spotler field 'firstName' cannot be written to column firstname: the value has 8 characters")
        .doesNotContain("Johannes");
  }

  @Test
  void what_goes_in_comes_back_out_the_same() {
    InboundMapper inbound = mapper(MAPPING);
    OutboundMapper outbound =
        OutboundMapper.create(
            MAPPING, TestSchemas.dutchSpotlerAccount(), DataverseSchema.of(CONTACT, ACCOUNT), AMSTERDAM);
    ObjectNode spotler = json("{'firstName':'Jan','gender':'M','birthday':'1980-04-01'}");

    ObjectNode columns = ((InboundResult.Mapped) inbound.map(SourceTable.CONTACT, spotler)).columns();
    ObjectNode sentBack = ((OutboundResult.Mapped) outbound.map(SourceTable.CONTACT, columns)).properties();

    assertThat(sentBack).isEqualTo(spotler);
  }

  @Test
  void refuses_a_mapping_that_writes_a_lookup_or_an_id_from_spotler() {
    assertThatThrownBy(
            () ->
                mapper(
                    List.of(
                        FieldMapping.builder("organisation").contact("parentcustomerid").direction("<-").build(),
                        FieldMapping.builder("customerType").contact("contactid").direction("<->").build())))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining(
            "mapping 'organisation': contact: lookup column parentcustomerid cannot be written from Spotler;"
                + " use direction ->")
        .hasMessageContaining(
            "mapping 'customerType': contact: column contactid: a unique identifier column is not written from"
                + " Spotler; use direction ->");
  }
}
