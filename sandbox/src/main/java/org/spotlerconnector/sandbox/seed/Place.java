package org.spotlerconnector.sandbox.seed;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** A city with the conventions of its country: street names, postal code format and phone numbers. */
record Place(String city, String country, String topLevelDomain, List<String> streets, String postalFormat, String phonePrefix, String mobilePrefix) {

  String street(Random random) {
    String name = streets.get(random.nextInt(streets.size()));
    int number = 1 + random.nextInt(250);
    return switch (country) {
      case "United Kingdom", "Ireland", "United States", "France" -> number + " " + name;
      default -> name + " " + number;
    };
  }

  /** Fills the format: '9' a digit 1-9, '0' any digit, 'A' an upper-case letter. */
  String postalCode(Random random) {
    StringBuilder code = new StringBuilder();
    for (char c : postalFormat.toCharArray()) {
      switch (c) {
        case '9' -> code.append(1 + random.nextInt(9));
        case '0' -> code.append(random.nextInt(10));
        case 'A' -> code.append((char) ('A' + random.nextInt(26)));
        default -> code.append(c);
      }
    }
    return code.toString();
  }

  String phone(Random random) {
    return phonePrefix + String.format(Locale.ROOT, " %03d %04d", random.nextInt(1000), random.nextInt(10_000));
  }

  String mobile(Random random) {
    return mobilePrefix + String.format(Locale.ROOT, " %04d %04d", random.nextInt(10_000), random.nextInt(10_000));
  }
}
