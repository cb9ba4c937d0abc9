package org.spotlerconnector.sandbox.dataverse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("$filter errors: a 400 with Dataverse's texts (dataverse-api.md §2.2)")
class FilterErrorTest {

  private static AbstractThrowableAssert<?, ? extends Throwable> rejecting(String filter) {
    return rejecting(filter, Map.of());
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> rejecting(String filter, Map<String, String> aliases) {
    return assertThatThrownBy(() -> FilterParser.parse(filter, Contacts.SCHEMA, aliases))
        .isInstanceOf(ODataQueryException.class)
        .satisfies(e -> assertThat(((ODataQueryException) e).code()).isEqualTo("0x80060888"));
  }

  @Test
  void names_an_unknown_column_and_the_table_type() {
    rejecting("xyz eq 1").hasMessage("Could not find a property named 'xyz' on type 'Microsoft.Dynamics.CRM.contact'.");
    rejecting("contains(Lastname,'a')").hasMessageContaining("'Lastname'");
    rejecting("firstname eq xyz").hasMessageContaining("'xyz'");
  }

  @Test
  @DisplayName("filter-rows.md: \"There is an unterminated literal at position 21 in 'lastname eq 'O'Bryan''.\"")
  void reports_an_unterminated_string_where_the_text_ends() {
    rejecting("lastname eq 'O'Bryan'")
        .hasMessage("There is an unterminated literal at position 21 in 'lastname eq 'O'Bryan''.");
    rejecting("lastname eq 'abc").hasMessage("There is an unterminated literal at position 16 in 'lastname eq 'abc'.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "lastname eq                  | Expression expected at position 11 in 'lastname eq'.",
        "''                           | The $filter expression must evaluate to a single boolean value.",
        "(lastname eq 'x'             | ')' or operator expected at position 16 in '(lastname eq 'x''.",
        "lastname eq 'x' lastname     | Syntax error at position 16 in 'lastname eq 'x' lastname'.",
        "lastname eq 'x')             | Syntax error at position 15 in 'lastname eq 'x')'.",
        "lastname # 'x'               | Syntax error: character '#' is not valid at position 9 in 'lastname # 'x''.",
        "contains(lastname 'x')       | ')' or ',' expected at position 18 in 'contains(lastname 'x')'.",
        "lastname eq and              | Expression expected at position 12 in 'lastname eq and'.",
        "numberofchildren eq 12abc    | Syntax error at position 20 in 'numberofchildren eq 12abc'.",
        "birthdate eq 2024-13-01      | Unrecognized 'Edm.Date' literal '2024-13-01' at position 13 in 'birthdate eq 2024-13-01'.",
        "Microsoft.Dynamics.CRM.In(PropertyName 'x') | '=' expected at position 39 in 'Microsoft.Dynamics.CRM.In(PropertyName 'x')'.",
        "Microsoft.Dynamics.CRM.In(PropertyName=['a'] | ')' or ',' expected at position 44 in 'Microsoft.Dynamics.CRM.In(PropertyName=['a']'.",
        "Microsoft.Dynamics.CRM.In(PropertyName=['a' | ']' expected at position 43 in 'Microsoft.Dynamics.CRM.In(PropertyName=['a''."
      })
  void names_the_position_of_a_syntax_error(String filter, String message) {
    rejecting(filter).hasMessage(message);
  }

  @Test
  void rejects_an_empty_filter() {
    rejecting("").hasMessage("Expression expected at position 0 in ''.");
    rejecting("   ").hasMessage("Expression expected at position 3 in '   '.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "lastname eq 5                          | 'Edm.String' and 'Edm.Int32' for operator kind 'Equal'",
        "5 gt lastname                          | 'Edm.Int32' and 'Edm.String' for operator kind 'GreaterThan'",
        "numberofchildren lt '5'                | 'Edm.Int32' and 'Edm.String' for operator kind 'LessThan'",
        "birthdate eq '2024-05-01'              | 'Edm.Date' and 'Edm.String' for operator kind 'Equal'",
        "contactid eq 'not-a-guid'              | 'Edm.Guid' and 'Edm.String' for operator kind 'Equal'",
        "donotemail eq 1                        | 'Edm.Boolean' and 'Edm.Int32' for operator kind 'Equal'",
        "createdon ge 5.5                       | 'Edm.DateTimeOffset' and 'Edm.Decimal' for operator kind 'GreaterThanOrEqual'",
        "firstname eq numberofchildren          | 'Edm.String' and 'Edm.Int32' for operator kind 'Equal'",
        "lastname ne 1e3                        | 'Edm.String' and 'Edm.Double' for operator kind 'NotEqual'",
        "contains(lastname,'a') eq 'yes'        | 'Edm.Boolean' and 'Edm.String' for operator kind 'Equal'",
        "contains(lastname,'a') gt true         | 'Edm.Boolean' and 'Edm.Boolean' for operator kind 'GreaterThan'"
      })
  void rejects_comparisons_of_incompatible_types(String filter, String types) {
    rejecting(filter)
        .hasMessage("A binary operator with incompatible types was detected. Found operand types " + types + ".");
  }

  @Test
  @DisplayName("not binds tighter than eq, so `not lastname eq 'x'` negates a string, as in OData")
  void rejects_not_applied_to_a_non_boolean_column() {
    rejecting("not lastname eq 'x'")
        .hasMessage(
            "A unary operator with an incompatible type was detected. Found operand type 'Edm.String' for operator"
                + " kind 'Not'.");
  }

  @Test
  void rejects_a_filter_that_is_not_a_condition() {
    rejecting("lastname").hasMessage("The $filter expression must evaluate to a single boolean value.");
    rejecting("5").hasMessage("The $filter expression must evaluate to a single boolean value.");
    rejecting("lastname eq 'a' and 'b'").hasMessage("The $filter expression must evaluate to a single boolean value.");
  }

  @Test
  void rejects_comparisons_without_a_column() {
    rejecting("1 eq 1").hasMessage("A comparison in $filter needs a column on at least one side: '1 eq 1'.");
  }

  @Test
  void rejects_string_functions_on_other_types_or_arguments() {
    String signature =
        "No function signature for the function with name 'contains' matches the specified arguments. The function"
            + " signatures considered are: contains(Edm.String Nullable=true, Edm.String Nullable=true).";
    rejecting("contains(numberofchildren,'1')").hasMessage(signature);
    rejecting("contains(lastname,1)").hasMessage(signature);
    rejecting("contains(lastname)").hasMessage(signature);
    rejecting("contains('a',lastname)").hasMessage(signature);
  }

  @Test
  void rejects_unknown_functions_also_inside_comparisons() {
    rejecting("tolower(lastname) eq 'x'")
        .hasMessage(
            "An unknown function with name 'tolower' was found. This may also be a function import or a key lookup on a"
                + " navigation property, which is not allowed.");
  }

  @Test
  void rejects_paths_into_related_rows_as_unsupported() {
    rejecting("primarycontactid/fullname eq 'x'").hasMessageContaining("'primarycontactid/…'");
  }

  @Test
  @DisplayName("filter-rows.md: single-quoted array values holding a quote give the documented JSON error")
  void rejects_single_quoted_array_values_holding_quotes() {
    rejecting(
            "Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)",
            Map.of("@p1", "'lastname'", "@p2", "['OBrian','O'Brian']"))
        .hasMessage(
            "Invalid JSON. A comma character ',' was expected in scope 'Array'. Every two elements in an array and"
                + " properties of an object must be separated by commas.");
  }

  @Test
  void rejects_query_function_misuse_with_clear_messages() {
    rejecting("Microsoft.Dynamics.CRM.In(PropertyName='lastname')")
        .hasMessage("The function 'Microsoft.Dynamics.CRM.In' takes the parameters PropertyName and PropertyValues.");
    rejecting("Microsoft.Dynamics.CRM.In(PropertyName='lastname',PropertyValue='x')")
        .hasMessage("The function 'Microsoft.Dynamics.CRM.In' takes the parameters PropertyName and PropertyValues.");
    rejecting("Microsoft.Dynamics.CRM.In(PropertyName=lastname,PropertyValues=['x'])")
        .hasMessageContaining("must be a column name in quotes");
    rejecting("Microsoft.Dynamics.CRM.In(PropertyName='nope',PropertyValues=['x'])")
        .hasMessage("Could not find a property named 'nope' on type 'Microsoft.Dynamics.CRM.contact'.");
    rejecting("Microsoft.Dynamics.CRM.In(PropertyName='lastname',PropertyValues=[])")
        .hasMessageContaining("must be a non-empty array");
    rejecting("Microsoft.Dynamics.CRM.In(PropertyName='numberofchildren',PropertyValues=['two'])")
        .hasMessage(
            "The value 'two' passed to 'Microsoft.Dynamics.CRM.In' is not a valid Edm.Int32 value for the column"
                + " 'numberofchildren'.");
    rejecting("Microsoft.Dynamics.CRM.ContainValues(PropertyName='gendercode',PropertyValues=['1'])")
        .hasMessage(
            "The function 'Microsoft.Dynamics.CRM.ContainValues' needs a multi-select choice column; 'gendercode' is"
                + " Edm.Int32.");
    rejecting("Microsoft.Dynamics.CRM.Between(PropertyName='numberofchildren',PropertyValues=['1','2','3'])")
        .hasMessage("The function 'Microsoft.Dynamics.CRM.Between' needs exactly two PropertyValues.");
    rejecting("Microsoft.Dynamics.CRM.LastXDays(PropertyName='lastname',PropertyValue=3)")
        .hasMessageContaining("needs a date or date-time column");
    rejecting("Microsoft.Dynamics.CRM.LastXDays(PropertyName='createdon',PropertyValue=-3)")
        .hasMessageContaining("must be a whole number");
    rejecting("Microsoft.Dynamics.CRM.OnOrAfter(PropertyName='createdon',PropertyValue='soon')")
        .hasMessageContaining("must be a date");
    rejecting("In('lastname',['x'])").hasMessageContaining("unknown function with name 'In'");
  }

  @Test
  void rejects_an_alias_that_refers_to_another_alias() {
    rejecting("lastname eq @p1", Map.of("@p1", "@p2", "@p2", "'x'"))
        .hasMessageContaining("can't refer to another alias");
  }

  @Test
  @DisplayName("a bad request never crashes the emulator: deep nesting is a 400, not a stack overflow")
  void limits_nesting_depth() {
    String nested = "(".repeat(100) + "lastname eq 'x'" + ")".repeat(100);
    assertThat(FilterParser.parse(nested, Contacts.SCHEMA).test(Contacts.row("lastname", "x"))).isTrue();

    String tooDeep = "The expression is nested more than 100 levels deep";
    rejecting("(" + nested + ")").hasMessageStartingWith(tooDeep + " at position 101");
    rejecting("(".repeat(100_000)).hasMessageStartingWith(tooDeep);
    rejecting("not ".repeat(100_000) + "donotemail").hasMessageStartingWith(tooDeep);
    rejecting("contains(".repeat(50_000)).hasMessageStartingWith(tooDeep);
    rejecting("Microsoft.Dynamics.CRM.In(PropertyValues=" + "[".repeat(100_000) + "]".repeat(100_000) + ")")
        .hasMessageStartingWith("Invalid JSON.");
  }
}
