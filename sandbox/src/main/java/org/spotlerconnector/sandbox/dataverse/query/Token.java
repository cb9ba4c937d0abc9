package org.spotlerconnector.sandbox.dataverse.query;

/**
 * One lexical unit of a {@code $filter}. {@code text} is the decoded value for strings and the source text
 * otherwise; {@code position} is the zero-based offset in the source, as OData error messages count.
 */
record Token(Kind kind, String text, int position) {

  enum Kind {
    IDENTIFIER,
    ALIAS,
    STRING,
    NUMBER,
    GUID,
    DATE,
    DATE_TIME,
    ARRAY,
    OPEN,
    CLOSE,
    COMMA,
    EQUALS,
    SLASH,
    END
  }

  boolean is(Kind expected) {
    return kind == expected;
  }

  boolean isWord(String word) {
    return kind == Kind.IDENTIFIER && text.equals(word);
  }
}
