package org.spotlerconnector.sandbox.dataverse.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spotlerconnector.sandbox.dataverse.query.ODataQueryException;

/**
 * A {@code $filter} on definitions: comparisons of a property (or a path into a complex property such as
 * {@code RequiredLevel/Value}) with a literal, joined by {@code and}, {@code or} and {@code not}, with parentheses.
 * Enum values are written with their type, {@code AttributeType eq Microsoft.Dynamics.CRM.AttributeTypeCode'Picklist'},
 * as query-metadata-web-api.md shows ("Use enum types in $filter operations"); a plain string is accepted too.
 * Functions such as {@code contains} are not supported on definitions. Text compares exactly (metadata names are
 * lowercase anyway); GUIDs compare without regard to case.
 */
final class MetadataFilter {
  private static final int MAX_DEPTH = 50;
  // Fixed-length pattern: no unbounded repetition that hostile input could blow up.
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final List<String> OPERATORS = List.of("eq", "ne", "gt", "ge", "lt", "le");

  private final Node root;

  private MetadataFilter(Node root) {
    this.root = root;
  }

  /** @throws ODataQueryException when the filter is malformed or names a property the type lacks */
  static MetadataFilter parse(String text, MetadataType type) {
    return new MetadataFilter(new Parser(text, Lexer.tokenize(text), type).parse());
  }

  boolean test(ObjectNode properties) {
    return root.test(properties);
  }

  private sealed interface Node permits Or, And, Not, Comparison {
    boolean test(ObjectNode properties);
  }

  private record Or(Node left, Node right) implements Node {
    @Override
    public boolean test(ObjectNode properties) {
      return left.test(properties) || right.test(properties);
    }
  }

  private record And(Node left, Node right) implements Node {
    @Override
    public boolean test(ObjectNode properties) {
      return left.test(properties) && right.test(properties);
    }
  }

  private record Not(Node operand) implements Node {
    @Override
    public boolean test(ObjectNode properties) {
      return !operand.test(properties);
    }
  }

  private record Comparison(List<String> path, String operator, Token literal) implements Node {
    @Override
    public boolean test(ObjectNode properties) {
      JsonNode value = properties;
      for (String segment : path) {
        value = value.path(segment);
      }
      boolean isNull = value.isMissingNode() || value.isNull();
      if (literal.kind() == Kind.NULL || isNull) {
        boolean equal = isNull && literal.kind() == Kind.NULL;
        return operator.equals("eq") ? equal : operator.equals("ne") && !equal;
      }
      Integer order = compare(value, literal);
      if (order == null) {
        return operator.equals("ne");
      }
      return switch (operator) {
        case "eq" -> order == 0;
        case "ne" -> order != 0;
        case "gt" -> order > 0;
        case "ge" -> order >= 0;
        case "lt" -> order < 0;
        default -> order <= 0;
      };
    }

    private static String lowerCase(String text) {
      return text.toLowerCase(Locale.ROOT);
    }

    /** The order of the value relative to the literal, or null when they are of different kinds. */
    private static Integer compare(JsonNode value, Token literal) {
      return switch (literal.kind()) {
        case BOOLEAN ->
            value.isBoolean() ? Boolean.compare(value.booleanValue(), Boolean.parseBoolean(literal.text())) : null;
        case NUMBER -> value.isNumber() ? value.decimalValue().compareTo(new BigDecimal(literal.text())) : null;
        case GUID -> value.isTextual() ? lowerCase(value.textValue()).compareTo(lowerCase(literal.text())) : null;
        default -> value.isTextual() ? value.textValue().compareTo(literal.text()) : null;
      };
    }
  }

  enum Kind { WORD, STRING, ENUM, NUMBER, GUID, BOOLEAN, NULL, OPEN, CLOSE, SLASH, END }

  /** A token; for a string or enum literal the text is the unquoted value. */
  record Token(Kind kind, String text, int position) {}

  private static final class Lexer {
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int position;

    private Lexer(String text) {
      this.text = text;
    }

    static List<Token> tokenize(String text) {
      Lexer lexer = new Lexer(text);
      while (lexer.position < text.length()) {
        lexer.next();
      }
      lexer.tokens.add(new Token(Kind.END, "", text.length()));
      return lexer.tokens;
    }

    private void next() {
      char c = text.charAt(position);
      if (Character.isWhitespace(c)) {
        position++;
      } else if (c == '(' || c == ')' || c == '/') {
        tokens.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.SLASH, String.valueOf(c), position));
        position++;
      } else if (c == '\'') {
        int start = position;
        tokens.add(new Token(Kind.STRING, string(), start));
      } else if (startsGuid()) {
        tokens.add(new Token(Kind.GUID, text.substring(position, position + 36), position));
        position += 36;
      } else if (Character.isDigit(c) || (c == '-' && isDigitAt(position + 1))) {
        number();
      } else if (Character.isLetter(c) || c == '_') {
        word();
      } else {
        throw error("Syntax error: character '" + c + "' is not valid", position, text);
      }
    }

    private boolean isDigitAt(int index) {
      return index < text.length() && Character.isDigit(text.charAt(index));
    }

    private boolean startsGuid() {
      if (position + 36 > text.length()) {
        return false;
      }
      Matcher matcher = GUID.matcher(text).region(position, position + 36);
      boolean followedByWordCharacter =
          position + 36 < text.length() && Character.isLetterOrDigit(text.charAt(position + 36));
      return matcher.matches() && !followedByWordCharacter;
    }

    private void number() {
      int start = position;
      position++;
      while (isDigitAt(position) || (position < text.length() && text.charAt(position) == '.')) {
        position++;
      }
      String number = text.substring(start, position);
      try {
        new BigDecimal(number);
      } catch (NumberFormatException e) {
        throw error("Syntax error: '" + number + "' is not a valid number", start, text);
      }
      tokens.add(new Token(Kind.NUMBER, number, start));
    }

    private void word() {
      int start = position;
      while (position < text.length() && isWordCharacter(text.charAt(position))) {
        position++;
      }
      String word = text.substring(start, position);
      if (position < text.length() && text.charAt(position) == '\'') {
        tokens.add(new Token(Kind.ENUM, string(), start));
      } else if (word.equals("true") || word.equals("false")) {
        tokens.add(new Token(Kind.BOOLEAN, word, start));
      } else if (word.equals("null")) {
        tokens.add(new Token(Kind.NULL, word, start));
      } else {
        tokens.add(new Token(Kind.WORD, word, start));
      }
    }

    private static boolean isWordCharacter(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    /** Reads a quoted literal at the current position; a doubled quote stands for one quote. */
    private String string() {
      StringBuilder value = new StringBuilder();
      position++;
      while (position < text.length()) {
        char c = text.charAt(position);
        if (c == '\'') {
          if (position + 1 < text.length() && text.charAt(position + 1) == '\'') {
            value.append('\'');
            position += 2;
            continue;
          }
          position++;
          return value.toString();
        }
        value.append(c);
        position++;
      }
      // The wording and position (the end of the text) of the OData URI parser, as filter-rows.md quotes it.
      throw error("There is an unterminated literal", text.length(), text);
    }
  }

  private static final class Parser {
    private final String text;
    private final List<Token> tokens;
    private final MetadataType type;
    private int index;
    private int depth;

    Parser(String text, List<Token> tokens, MetadataType type) {
      this.text = text;
      this.tokens = tokens;
      this.type = type;
    }

    Node parse() {
      Node node = or();
      if (peek().kind() != Kind.END) {
        throw error("')' or operator expected", peek().position(), text);
      }
      return node;
    }

    private Node or() {
      Node left = and();
      while (isWord("or")) {
        index++;
        left = new Or(left, and());
      }
      return left;
    }

    private Node and() {
      Node left = unary();
      while (isWord("and")) {
        index++;
        left = new And(left, unary());
      }
      return left;
    }

    private Node unary() {
      if (++depth > MAX_DEPTH) {
        throw error("The filter is nested too deeply", peek().position(), text);
      }
      try {
        if (isWord("not")) {
          index++;
          return new Not(unary());
        }
        if (peek().kind() == Kind.OPEN) {
          index++;
          Node inner = or();
          expect(Kind.CLOSE, "')' or operator expected");
          return inner;
        }
        return comparison();
      } finally {
        depth--;
      }
    }

    private Node comparison() {
      Token first = expect(Kind.WORD, "Expression expected");
      if (peek().kind() == Kind.OPEN) {
        throw new ODataQueryException(
            ODataQueryException.QUERY_PARSE_ERROR,
            "The function '" + first.text() + "' is not supported in a $filter on " + type.qualifiedName() + ".");
      }
      if (!type.properties().contains(first.text())) {
        throw new ODataQueryException(
            ODataQueryException.QUERY_PARSE_ERROR,
            "Could not find a property named '" + first.text() + "' on type '" + type.qualifiedName() + "'.");
      }
      List<String> path = new ArrayList<>(List.of(first.text()));
      while (peek().kind() == Kind.SLASH) {
        index++;
        path.add(expect(Kind.WORD, "Expression expected").text());
      }
      Token operator = peek();
      if (operator.kind() != Kind.WORD || !OPERATORS.contains(operator.text())) {
        throw error("Syntax error: a comparison operator (eq, ne, gt, ge, lt, le) expected", operator.position(), text);
      }
      index++;
      Token literal = next();
      if (!isLiteral(literal.kind())) {
        throw error("Syntax error: a literal expected", literal.position(), text);
      }
      return new Comparison(List.copyOf(path), operator.text(), literal);
    }

    private static boolean isLiteral(Kind kind) {
      return switch (kind) {
        case STRING, ENUM, NUMBER, GUID, BOOLEAN, NULL -> true;
        default -> false;
      };
    }

    private boolean isWord(String word) {
      return peek().kind() == Kind.WORD && peek().text().equals(word);
    }

    private Token peek() {
      return tokens.get(index);
    }

    private Token next() {
      Token token = tokens.get(index);
      if (token.kind() != Kind.END) {
        index++;
      }
      return token;
    }

    private Token expect(Kind kind, String problem) {
      Token token = peek();
      if (token.kind() != kind) {
        throw error(problem, token.position(), text);
      }
      index++;
      return token;
    }
  }

  private static ODataQueryException error(String problem, int position, String text) {
    return new ODataQueryException(
        ODataQueryException.QUERY_PARSE_ERROR, problem + " at position " + position + " in '" + text + "'.");
  }
}
