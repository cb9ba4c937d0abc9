/**
 * The Automation Fields of a Start Automation job: the text the connector pre-fills ({@link
 * org.spotlerconnector.jobs.fields.AutomationFieldsTemplate}) and the reading of what the marketer made of it ({@link
 * org.spotlerconnector.jobs.fields.AutomationFieldsParser}), following the manual's chapter "Trigger Automations".
 *
 * <h2>Accepted text</h2>
 *
 * <pre>
 * text      = entry *( separator entry )
 * separator = ";" / CR LF / LF / CR
 * entry     = *blank                                   ; an empty entry is skipped
 *           / *blank name *blank "=" *blank value *blank
 * name      = 1*( any character but "=" ";" CR LF )    ; without blanks at either end
 * value     = *( any character but ";" CR LF )         ; without blanks at either end; may contain "="
 * blank     = whitespace or space character (tab, space, no-break space, ...), U+200B or U+FEFF
 * </pre>
 *
 * <p>So fields are separated by semicolons and/or line breaks, a trailing {@code ;} and blank lines are fine, and
 * everything after the first {@code =} belongs to the value ({@code orderLink=https://x.nl/o?id=1&a=b}). Blanks
 * around names and values are dropped, blanks inside a value are kept. A {@code ;} always ends a field: there is no
 * escape, because the manual defines none; inside a web address write it as {@code %3B}. A product list cannot span
 * lines.
 *
 * <p>An entry whose value is unfilled counts as removed, whatever its name, as the manual has it ("Leave it blank or
 * remove the Automation Field"): unfilled is empty, a type hint left in place ({@code <STRING>}, {@code <URL>},
 * {@code <PRODUCTLIST>}, in any case), or curly brackets around nothing else ({@code {}}, {@code {<PRODUCTLIST>}}).
 * So a field dropped from the automation since the text was pre-filled does not fail the job.
 *
 * <p>Any other entry must name one of the automation's fields, spelled with the same case, at most once. Its value is
 * read by the field's type:
 *
 * <ul>
 *   <li>{@code STRING}: any text, not wrapped in curly brackets.
 *   <li>{@code URL}: an absolute {@code http} or {@code https} address with a host, valid by {@link java.net.URI}
 *       (so spaces must be written {@code %20}).
 *   <li>{@code PRODUCTLIST}: {@code "{" item *( "," item ) "}"}, with no curly brackets inside. Items are trimmed;
 *       empty items and type hints are dropped, and a list with no items left ({@code {,,}}) is not passed.
 * </ul>
 *
 * <p>Any value is refused when it is longer than {@value
 * org.spotlerconnector.jobs.fields.AutomationFieldsParser#MAX_VALUE_LENGTH} characters, holds a control character
 * other than tab, or holds a type hint among other text (typed next to the hint instead of over it). The whole text
 * may be at most {@value org.spotlerconnector.jobs.fields.AutomationFieldsParser#MAX_TEXT_LENGTH} characters. Every
 * problem found is reported in one {@link org.spotlerconnector.jobs.fields.InvalidAutomationFieldsException}, each
 * naming its line and, where there is one, its field.
 *
 * <p>The parser uses no regular expressions and no recursion: any text is read in time linear in its length.
 */
package org.spotlerconnector.jobs.fields;
