package org.spotlerconnector.jobs.fields;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The check Spotler makes on a {@code URL} field (docs/adr/0003): an absolute http(s) address with a host. */
final class WebAddresses {
  private WebAddresses() {}

  static void check(Entry entry) throws ValueRejectedException {
    URI address = parse(entry);
    String scheme = address.getScheme();
    if (scheme == null || !isWebScheme(scheme)) {
      throw new ValueRejectedException(
          entry.field() + " needs a full web address starting with https:// or http://, like " + example(entry) + ".");
    }
    String host = address.getRawAuthority();
    if (host == null || host.isBlank()) {
      throw new ValueRejectedException(
          entry.field() + " has no host name after " + scheme + "://; write it like " + example(entry) + ".");
    }
  }

  private static URI parse(Entry entry) throws ValueRejectedException {
    try {
      return new URI(entry.value());
    } catch (URISyntaxException invalid) {
      throw new ValueRejectedException(entry.field() + " is not a valid web address: " + explain(invalid, entry));
    }
  }

  private static String explain(URISyntaxException invalid, Entry entry) {
    int index = invalid.getIndex();
    String reason = invalid.getReason().toLowerCase(Locale.ROOT);
    if (index < 0 || index >= entry.value().length()) {
      return reason + ".";
    }
    String where = reason + " at position " + (index + 1);
    return Blanks.isBlank(entry.value().charAt(index)) ? where + "; write a space as %20." : where + ".";
  }

  private static boolean isWebScheme(String scheme) {
    return scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http");
  }

  private static String example(Entry entry) {
    return entry.name() + "=https://www.example.com/page";
  }
}
