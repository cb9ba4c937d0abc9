package org.spotlerconnector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.mapping.OutboundResult.Excluded;
import org.spotlerconnector.mapping.OutboundResult.Mapped;
import org.spotlerconnector.mapping.OutboundResult.Unmappable;

class OutboundMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final String LABEL = "@OData.Community.Display.V1.FormattedValue";

  private static OutboundMapper mapper(FieldMapping.Builder... rows) {
    return OutboundMapper.create(
        List.of(rows).stream().map(FieldMapping.Builder::build).toList(),
        TestSchemas.dutchSpotlerAccount(),
        TestSchemas.standardTables(),
        AMSTERDAM);
  }

  private static FieldMapping.Builder row(String spotlerField) {
    return FieldMapping.builder(spotlerField);
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ObjectNode mapped(OutboundResult result) {
    assertThat(result).isInstanceOf(Mapped.class);
    return ((Mapped) result).properties();
  }

  /** JSON equality where numbers compare by value (1234.5 equals 1234.50, an int equals a long). */
  private static void assertSameJson(ObjectNode actual, ObjectNode expected) {
    Comparator<JsonNode> numbersByValue =
        (a, b) ->
            a.equals(b) || (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0)
                ? 0
                : 1;
    assertThat(actual.equals(numbersByValue, expected)).as("%s equals %s", actual, expected).isTrue();
  }

  @Test
  void maps_text_columns_of_each_table_to_their_spotler_fields() {
    OutboundMapper mapper =
        mapper(
            row("email").allTables("emailaddress1"),
            row("organisation").contact("parentcustomerid_account.name").lead("companyname").account("name"));

    assertThat(mapped(mapper.map(SourceTable.LEAD, json("{'emailaddress1':'a@example.nl','companyname':'Contoso'}"))))
        .isEqualTo(json("{'email':'a@example.nl','organisation':'Contoso'}"));
    assertThat(mapped(mapper.map(SourceTable.ACCOUNT, json("{'emailaddress1':'info@contoso.nl','name':'Contoso'}"))))
        .isEqualTo(json("{'email':'info@contoso.nl','organisation':'Contoso'}"));
  }

  @Test
  void reads_a_related_column_from_the_expanded_navigation_property() {
    OutboundMapper mapper = mapper(row("organisation").contact("parentcustomerid_account.name"));

    assertThat(mapped(mapper.map(SourceTable.CONTACT, json("{'parentcustomerid_account':{'name':'Contoso'}}"))))
        .isEqualTo(json("{'organisation':'Contoso'}"));
    assertThat(mapped(mapper.map(SourceTable.CONTACT, json("{'parentcustomerid_account':null}"))))
        .as("no parent account clears the field")
        .isEqualTo(json("{'organisation':''}"));
  }

  @Test
  void fills_customer_type_and_constants_per_table() {
    OutboundMapper mapper = mapper(row("customerType").allTables("$CustomerType"), row("taal").contact("$value:NL"));

    assertThat(mapped(mapper.map(SourceTable.CONTACT, json("{}"))))
        .isEqualTo(json("{'customerType':'contact','taal':'NL'}"));
    assertThat(mapped(mapper.map(SourceTable.LEAD, json("{}")))).isEqualTo(json("{'customerType':'lead'}"));
    assertThat(mapped(mapper.map(SourceTable.ACCOUNT, json("{}")))).isEqualTo(json("{'customerType':'account'}"));
  }

  @Test
  void sends_gender_choices_as_m_and_f_and_clears_other_values() {
    OutboundMapper mapper = mapper(row("gender").contact("gendercode"));

    assertThat(mapped(mapper.map(SourceTable.CONTACT, json("{'gendercode':1}")))).isEqualTo(json("{'gender':'M'}"));
    assertThat(mapped(mapper.map(SourceTable.CONTACT, json("{'gendercode':2}")))).isEqualTo(json("{'gender':'F'}"));
    assertThat(mapped(mapper.map(SourceTable.CONTACT, json("{'gendercode':3}"))))
        .isEqualTo(json("{'gender':null}"));
    assertThat(mapped(mapper.map(SourceTable.CONTACT, json("{'gendercode':null}"))))
        .isEqualTo(json("{'gender':null}"));
  }

  @Test
  void sends_a_choice_label_to_a_text_field_and_its_number_to_an_int_field() {
    OutboundMapper mapper =
        mapper(row("taal").contact("preferredcontactmethodcode"), row("numberOfOrders").contact(
            "preferredcontactmethodcode"));

    ObjectNode row = json("{'preferredcontactmethodcode':2,'preferredcontactmethodcode" + LABEL + "':'Email'}");
    assertSameJson(mapped(mapper.map(SourceTable.CONTACT, row)), json("{'taal':'Email','numberOfOrders':2}"));
    assertThat(mapper.requiredSelect(SourceTable.CONTACT).formattedValues()).isTrue();
  }

  @Test
  void sends_the_choice_number_as_text_when_the_row_has_no_label() {
    OutboundMapper mapper = mapper(row("taal").contact("preferredcontactmethodcode"));

    assertThat(mapped(mapper.map(SourceTable.CONTACT, json("{'preferredcontactmethodcode':2}"))))
        .isEqualTo(json("{'taal':'2'}"));
  }

  @Test
  void converts_dates_to_spotler_formats_in_the_configured_zone() {
    OutboundMapper mapper =
        mapper(
            row("birthday").contact("birthdate"),
            row("firstPurchaseDate").contact("lastusedincampaign"),
            row("lastContactMoment").contact("lastusedincampaign").account("$value:2024-01-02T03:04:05Z"));

    ObjectNode row = json("{'birthdate':'1990-05-20','lastusedincampaign':'2024-03-31T22:30:00Z'}");
    assertThat(mapped(mapper.map(SourceTable.CONTACT, row)))
        .isEqualTo(
            json(
                "{'birthday':'1990-05-20','firstPurchaseDate':'2024-04-01',"
                    + "'lastContactMoment':'2024-04-01T00:30:00+02:00'}"));
    assertThat(mapped(mapper.map(SourceTable.ACCOUNT, json("{}"))))
        .isEqualTo(json("{'lastContactMoment':'2024-01-02T04:04:05+01:00'}"));
  }

  @Test
  void converts_numbers_booleans_and_money() {
    OutboundMapper mapper =
        mapper(
            row("numberOfOrders").contact("numberofchildren").account("numberofemployees"),
            row("totalRevenue").contact("annualincome").account("revenue"),
            row("taal").contact("donotbulkemail"),
            row("city").contact("exchangerate"));

    assertSameJson(
        mapped(
            mapper.map(
                SourceTable.CONTACT,
                json("{'numberofchildren':3,'annualincome':1234.50,'donotbulkemail':true,'exchangerate':1.10}"))),
        json("{'numberOfOrders':3,'totalRevenue':1234.50,'taal':'true','city':'1.1'}"));
  }

  @Test
  void clears_text_fields_with_an_empty_string_and_typed_fields_with_null() {
    OutboundMapper mapper =
        mapper(
            row("firstName").contact("firstname"),
            row("birthday").contact("birthdate"),
            row("numberOfOrders").contact("numberofchildren"));

    assertThat(
            mapped(
                mapper.map(
                    SourceTable.CONTACT, json("{'firstname':null,'birthdate':null,'numberofchildren':null}"))))
        .isEqualTo(json("{'firstName':'','birthday':null,'numberOfOrders':null}"));
  }

  @Test
  void leaves_out_fields_whose_columns_the_row_does_not_carry() {
    OutboundMapper mapper =
        mapper(row("firstName").contact("firstname"), row("organisation").contact("parentcustomerid_account.name"));

    assertThat(mapped(mapper.map(SourceTable.CONTACT, json("{'lastname':'Jansen'}")))).isEmpty();
  }

  @Test
  void sends_only_outbound_rows_and_leaves_permissions_to_their_own_flow() {
    OutboundMapper mapper =
        mapper(
            row("firstName").contact("firstname").direction("<-"),
            row("lastName").contact("lastname").direction("<->"),
            row("permissions").contact("@map(permissions)").direction("<->"));

    assertThat(mapped(mapper.map(SourceTable.CONTACT, json("{'firstname':'Jan','lastname':'Jansen'}"))))
        .isEqualTo(json("{'lastName':'Jansen'}"));
  }

  @Test
  void excludes_a_record_that_fails_a_filter_of_its_table() {
    OutboundMapper mapper =
        mapper(
            row("email").contact("emailaddress1").lead("emailaddress1").filter("statecode=0"),
            row("firstName").contact("firstname").filter("donotbulkemail=false"));

    assertThat(mapper.map(SourceTable.CONTACT, json("{'statecode':0,'donotbulkemail':false,'firstname':'Jan'}")))
        .isInstanceOf(Mapped.class);
    OutboundResult inactive = mapper.map(SourceTable.CONTACT, json("{'statecode':1,'donotbulkemail':false}"));
    assertThat(inactive).isInstanceOf(Excluded.class);
    assertThat(((Excluded) inactive).filter().text()).isEqualTo("statecode=0");
    assertThat(mapper.map(SourceTable.CONTACT, json("{'statecode':0,'donotbulkemail':true}")))
        .isInstanceOf(Excluded.class);
    assertThat(mapper.map(SourceTable.LEAD, json("{'statecode':0,'donotbulkemail':true}")))
        .as("the second filter's row has no lead column, so it does not apply to leads")
        .isInstanceOf(Mapped.class);
  }

  @Test
  void matches_filters_on_choice_labels_text_ignoring_case_and_empty_values() {
    OutboundMapper byLabel = mapper(row("email").contact("emailaddress1").filter("statecode=Active"));
    OutboundMapper byText = mapper(row("email").contact("emailaddress1").filter("address1_country=netherlands"));
    OutboundMapper byEmpty = mapper(row("email").contact("emailaddress1").filter("jobtitle="));

    assertThat(byLabel.map(SourceTable.CONTACT, json("{'statecode':0,'statecode" + LABEL + "':'Active'}")))
        .isInstanceOf(Mapped.class);
    assertThat(byText.map(SourceTable.CONTACT, json("{'address1_country':'Netherlands'}"))).isInstanceOf(Mapped.class);
    assertThat(byText.map(SourceTable.CONTACT, json("{'address1_country':'Belgium'}"))).isInstanceOf(Excluded.class);
    assertThat(byEmpty.map(SourceTable.CONTACT, json("{'jobtitle':null}"))).isInstanceOf(Mapped.class);
    assertThat(byEmpty.map(SourceTable.CONTACT, json("{'jobtitle':'CEO'}"))).isInstanceOf(Excluded.class);
  }

  @Test
  void reports_a_value_that_cannot_be_converted_without_repeating_it() {
    OutboundMapper mapper = mapper(row("birthday").contact("birthdate"));

    OutboundResult result = mapper.map(SourceTable.CONTACT, json("{'birthdate':'twentieth of May'}"));

    assertThat(result).isInstanceOf(Unmappable.class);
    assertThat(((Unmappable) result).spotlerField()).isEqualTo("birthday");
    assertThat(((Unmappable) result).reason()).doesNotContain("twentieth");
  }

  @Test
  void selects_exactly_the_columns_and_expansions_the_mapping_reads() {
    OutboundMapper mapper =
        mapper(
            row("email").allTables("emailaddress1"),
            row("organisation").contact("parentcustomerid_account.name").lead("companyname").account("name"),
            row("city").contact("parentcustomerid").filter("statecode=0"),
            row("customerType").allTables("$CustomerType"),
            row("firstName").contact("firstname").direction("<-"));

    RequiredSelect contact = mapper.requiredSelect(SourceTable.CONTACT);
    assertThat(contact.queryOptions())
        .isEqualTo(
            "$select=_parentcustomerid_value,contactid,emailaddress1,statecode"
                + "&$expand=parentcustomerid_account($select=name)");
    assertThat(mapper.requiredSelect(SourceTable.LEAD).queryOptions())
        .isEqualTo("$select=companyname,emailaddress1,leadid");
    assertThat(mapper.requiredSelect(SourceTable.ACCOUNT).formattedValues()).isFalse();
  }

  @Test
  void refuses_a_mapping_that_does_not_fit_the_schemas_listing_all_problems() {
    assertThatThrownBy(() -> mapper(row("emial").contact("emailaddress1"), row("firstName").contact("frstname")))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("2 problems")
        .hasMessageContaining("'emial'")
        .hasMessageContaining("'frstname'");
  }
}
