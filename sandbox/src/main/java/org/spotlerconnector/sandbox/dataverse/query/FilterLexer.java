package org.spotlerconnector.sandbox.dataverse.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a {@code $filter} into tokens. The whole text is scanned before parsing starts, so a lexical error such as
 * an unterminated string is reported even when a syntax error comes earlier, as the Dataverse message for
 * {@code lastname eq 'O'Bryan'} shows (position 21: the end of the text).
 */
final class FilterLexer {

  // Fixed-length patterns only: a regex over unbounded repetitions could exhaust the stack on hostile input.
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int position;

  private FilterLexer(String text) {
    this.text = text;
  }

  /** @throws ODataQueryException on a character or literal no token can start with or finish */
  static List<Token> tokenize(String text) {
    FilterLexer lexer = new FilterLexer(text);
    lexer.scan();
    return lexer.tokens;
  }

  private void scan() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (Character.isWhitespace(c)) {
        position++;
      } else {
        scanToken(c);
      }
    }
    tokens.add(new Token(Token.Kind.END, "", text.length()));
  }

  private void scanToken(char c) {
    switch (c) {
      case '(' -> single(Token.Kind.OPEN);
      case ')' -> single(Token.Kind.CLOSE);
      case ',' -> single(Token.Kind.COMMA);
      case '=' -> single(Token.Kind.EQUALS);
      case '/' -> single(Token.Kind.SLASH);
      case '\'' -> scanString();
      case '[' -> scanArray();
      case '@' -> scanAlias();
      default -> scanWordOrLiteral(c);
    }
  }

  private void single(Token.Kind kind) {
    tokens.add(new Token(kind, text.substring(position, position + 1), position));
    position++;
  }

  private void scanString() {
    int start = position;
    StringBuilder value = new StringBuilder();
    int i = position + 1;
    while (true) {
      if (i >= text.length()) {
        throw ODataQueryException.at("There is an unterminated literal", text.length(), text);
      }
      char c = text.charAt(i);
      if (c == '\'') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          value.append('\'');
          i += 2;
          continue;
        }
        break;
      }
      value.append(c);
      i++;
    }
    position = i + 1;
    tokens.add(new Token(Token.Kind.STRING, value.toString(), start));
  }

  /** Keeps a JSON-like array ({@code ["a","b"]}, {@code ['1','3']}) whole; its content is read when it is bound. */
  private void scanArray() {
    int start = position;
    int depth = 0;
    int i = position;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"') {
        i = endOfQuoted(i, c);
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        position = i + 1;
        tokens.add(new Token(Token.Kind.ARRAY, text.substring(start, position), start));
        return;
      }
      i++;
    }
    throw ODataQueryException.at("']' expected", text.length(), text);
  }

  /** The index of the quote closing the JSON string opened at {@code open}. */
  private int endOfQuoted(int open, char quote) {
    int i = open + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i;
      } else {
        i++;
      }
    }
    throw ODataQueryException.at("There is an unterminated literal", text.length(), text);
  }

  private void scanAlias() {
    int end = endOfName(position + 1);
    if (end == position + 1) {
      throw invalidCharacter(position);
    }
    tokens.add(new Token(Token.Kind.ALIAS, text.substring(position, end), position));
    position = end;
  }

  private void scanWordOrLiteral(char c) {
    if (isHexDigit(c) && tryFixed(GUID, Token.Kind.GUID)) {
      return;
    }
    if (isDigit(c)) {
      if (!tryFixed(DATE_TIME, Token.Kind.DATE_TIME) && !tryFixed(DATE, Token.Kind.DATE)) {
        scanNumber();
      }
    } else if (c == '-' && position + 1 < text.length() && isDigit(text.charAt(position + 1))) {
      scanNumber();
    } else if (isNameStart(c)) {
      scanIdentifier();
    } else {
      throw invalidCharacter(position);
    }
  }

  private boolean tryFixed(Pattern pattern, Token.Kind kind) {
    Matcher matcher = pattern.matcher(text).region(position, text.length());
    if (!matcher.lookingAt() || continuesName(matcher.end())) {
      return false;
    }
    tokens.add(new Token(kind, matcher.group(), position));
    position = matcher.end();
    return true;
  }

  private void scanNumber() {
    int start = position;
    int i = position;
    if (text.charAt(i) == '-') {
      i++;
    }
    i = skipDigits(i);
    if (i + 1 < text.length() && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
      i = skipDigits(i + 1);
    }
    if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int exponent = i + 1;
      if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
        exponent++;
      }
      if (exponent < text.length() && isDigit(text.charAt(exponent))) {
        i = skipDigits(exponent);
      }
    }
    if (continuesName(i)) {
      throw ODataQueryException.at("Syntax error", start, text);
    }
    position = i;
    tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start));
  }

  private int skipDigits(int from) {
    int i = from;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** A name, or a namespace-qualified one such as {@code Microsoft.Dynamics.CRM.In}. */
  private void scanIdentifier() {
    int start = position;
    int end = endOfName(position);
    while (end + 1 < text.length() && text.charAt(end) == '.' && isNameStart(text.charAt(end + 1))) {
      end = endOfName(end + 1);
    }
    position = end;
    tokens.add(new Token(Token.Kind.IDENTIFIER, text.substring(start, end), start));
  }

  private int endOfName(int from) {
    int i = from;
    if (i < text.length() && isNameStart(text.charAt(i))) {
      i++;
      while (continuesName(i)) {
        i++;
      }
    }
    return i;
  }

  private boolean continuesName(int index) {
    return index < text.length() && (isNameStart(text.charAt(index)) || isDigit(text.charAt(index)));
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private ODataQueryException invalidCharacter(int at) {
    return ODataQueryException.at("Syntax error: character '" + text.charAt(at) + "' is not valid", at, text);
  }
}
