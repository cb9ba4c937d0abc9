package org.spotlerconnector.sandbox.dataverse.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Recursive-descent parser for the {@code $filter} grammar, with the OData URI parser's precedence: {@code not}
 * binds tighter than comparisons, which bind tighter than {@code and}, then {@code or}. So {@code not a eq b} means
 * {@code (not a) eq b}, as in OData. Parameter aliases are replaced by their values while parsing.
 *
 * <p>Nesting is limited to {@link #MAX_DEPTH} levels, so hostile input ends in a 400 rather than a stack overflow;
 * chains of {@code and}/{@code or} are flat lists and do not count.
 */
final class FilterExpressionParser {

  static final int MAX_DEPTH = 100;

  private final String text;
  private final List<Token> tokens;
  private final Map<String, String> aliases;
  private final boolean aliasesAllowed;
  private int index;
  private int depth;

  private FilterExpressionParser(String text, Map<String, String> aliases, boolean aliasesAllowed) {
    this.text = text;
    this.tokens = FilterLexer.tokenize(text);
    this.aliases = aliases;
    this.aliasesAllowed = aliasesAllowed;
  }

  /** @throws ODataQueryException on a syntax error */
  static FilterNode parse(String text, Map<String, String> aliases) {
    FilterExpressionParser parser = new FilterExpressionParser(text, aliases, true);
    FilterNode expression = parser.parseOr();
    parser.expectEnd();
    return expression;
  }

  private void expectEnd() {
    if (!peek().is(Token.Kind.END)) {
      throw error("Syntax error", peek());
    }
  }

  private FilterNode parseOr() {
    List<FilterNode> operands = new ArrayList<>(List.of(parseAnd()));
    while (peek().isWord("or")) {
      next();
      operands.add(parseAnd());
    }
    return operands.size() == 1 ? operands.get(0) : new FilterNode.Or(List.copyOf(operands));
  }

  private FilterNode parseAnd() {
    List<FilterNode> operands = new ArrayList<>(List.of(parseComparison()));
    while (peek().isWord("and")) {
      next();
      operands.add(parseComparison());
    }
    return operands.size() == 1 ? operands.get(0) : new FilterNode.And(List.copyOf(operands));
  }

  private FilterNode parseComparison() {
    FilterNode left = parseUnary();
    Optional<ComparisonOperator> operator =
        peek().is(Token.Kind.IDENTIFIER) ? ComparisonOperator.ofKeyword(peek().text()) : Optional.empty();
    if (operator.isEmpty()) {
      return left;
    }
    next();
    return new FilterNode.Comparison(left, operator.get(), parseUnary());
  }

  private FilterNode parseUnary() {
    if (peek().isWord("not")) {
      next();
      return new FilterNode.Not(nested(this::parseUnary));
    }
    return parsePrimary();
  }

  private FilterNode parsePrimary() {
    Token token = next();
    return switch (token.kind()) {
      case OPEN -> parenthesized();
      case STRING -> FilterNode.Literal.string(token.text());
      case NUMBER -> number(token);
      case GUID -> new FilterNode.Literal(FilterNode.LiteralKind.GUID, token.text().toLowerCase(Locale.ROOT));
      case DATE -> date(token);
      case DATE_TIME -> dateTime(token);
      case ARRAY -> ArrayLiterals.read(token.text());
      case ALIAS -> alias(token);
      case IDENTIFIER -> word(token);
      default -> throw error("Expression expected", token);
    };
  }

  private FilterNode parenthesized() {
    FilterNode inner = nested(this::parseOr);
    expect(Token.Kind.CLOSE, "')' or operator expected");
    return inner;
  }

  private FilterNode word(Token token) {
    switch (token.text()) {
      case "true", "false" -> {
        return new FilterNode.Literal(FilterNode.LiteralKind.BOOLEAN, Boolean.valueOf(token.text()));
      }
      case "null" -> {
        return FilterNode.Literal.NULL;
      }
      case "and", "or", "not", "eq", "ne", "gt", "ge", "lt", "le" -> throw error("Expression expected", token);
      default -> {
        // names of properties and functions
      }
    }
    if (peek().is(Token.Kind.OPEN)) {
      next();
      return token.text().contains(".") ? queryFunction(token.text()) : function(token.text());
    }
    if (peek().is(Token.Kind.SLASH)) {
      throw ODataQueryException.of(
          "Filtering on related rows or collections ('" + token.text() + "/…') is not supported by this emulator.");
    }
    return new FilterNode.Property(token.text());
  }

  private FilterNode function(String name) {
    List<FilterNode> arguments = new ArrayList<>();
    if (!accept(Token.Kind.CLOSE)) {
      do {
        arguments.add(nested(this::parseOr));
      } while (acceptArgumentSeparator());
    }
    return new FilterNode.FunctionCall(name, List.copyOf(arguments));
  }

  private FilterNode queryFunction(String name) {
    List<FilterNode.Parameter> parameters = new ArrayList<>();
    if (!accept(Token.Kind.CLOSE)) {
      do {
        Token parameterName = next();
        if (!parameterName.is(Token.Kind.IDENTIFIER)) {
          throw error("Parameter name expected", parameterName);
        }
        expect(Token.Kind.EQUALS, "'=' expected");
        parameters.add(new FilterNode.Parameter(parameterName.text(), nested(this::parseOr)));
      } while (acceptArgumentSeparator());
    }
    return new FilterNode.QueryFunctionCall(name, List.copyOf(parameters));
  }

  /** True after a comma, false after the closing parenthesis. */
  private boolean acceptArgumentSeparator() {
    if (accept(Token.Kind.COMMA)) {
      return true;
    }
    expect(Token.Kind.CLOSE, "')' or ',' expected");
    return false;
  }

  /** An alias the request leaves undefined is null, as in the OData URI parser. */
  private FilterNode alias(Token token) {
    if (!aliasesAllowed) {
      throw error("A parameter alias can't refer to another alias", token);
    }
    Optional<String> defined = ParameterAliases.valueOf(token.text(), aliases);
    if (defined.isEmpty()) {
      return FilterNode.Literal.NULL;
    }
    String value = defined.get();
    String trimmed = value.strip();
    if (trimmed.startsWith("[")) {
      return ArrayLiterals.read(trimmed);
    }
    FilterExpressionParser valueParser = new FilterExpressionParser(value, Map.of(), false);
    FilterNode node = valueParser.parsePrimary();
    valueParser.expectEnd();
    return node;
  }

  private FilterNode number(Token token) {
    String digits = token.text();
    BigDecimal value;
    try {
      value = new BigDecimal(digits);
    } catch (NumberFormatException e) {
      throw error("Unrecognized numeric literal '" + digits + "'", token);
    }
    if (digits.contains("e") || digits.contains("E")) {
      return new FilterNode.Literal(FilterNode.LiteralKind.DOUBLE, value);
    }
    boolean fraction = digits.contains(".");
    return new FilterNode.Literal(fraction ? FilterNode.LiteralKind.DECIMAL : FilterNode.LiteralKind.INTEGER, value);
  }

  private FilterNode date(Token token) {
    try {
      return FilterNode.Literal.date(LocalDate.parse(token.text()));
    } catch (DateTimeParseException e) {
      throw error("Unrecognized 'Edm.Date' literal '" + token.text() + "'", token);
    }
  }

  private FilterNode dateTime(Token token) {
    try {
      return FilterNode.Literal.dateTime(OffsetDateTime.parse(token.text()));
    } catch (DateTimeParseException e) {
      throw error("Unrecognized 'Edm.DateTimeOffset' literal '" + token.text() + "'", token);
    }
  }

  private FilterNode nested(Supplier<FilterNode> parse) {
    if (++depth > MAX_DEPTH) {
      throw error("The expression is nested more than " + MAX_DEPTH + " levels deep", peek());
    }
    FilterNode node = parse.get();
    depth--;
    return node;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token next() {
    Token token = tokens.get(index);
    if (!token.is(Token.Kind.END)) {
      index++;
    }
    return token;
  }

  private boolean accept(Token.Kind kind) {
    if (peek().is(kind)) {
      next();
      return true;
    }
    return false;
  }

  private void expect(Token.Kind kind, String problem) {
    if (!accept(kind)) {
      throw error(problem, peek());
    }
  }

  private ODataQueryException error(String problem, Token token) {
    return ODataQueryException.at(problem, token.position(), text);
  }
}
