package org.spotlerconnector.sandbox.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.spotlerconnector.sandbox.http.Json;

/**
 * A realistic, deterministic data set for the Dataverse emulator: accounts, the contacts that work there and leads,
 * with Dutch and international names and addresses (including the awkward ones: infixes, apostrophes, diacritics).
 * The same seed always gives the same rows and the same ids.
 */
public final class SeedData {
  private final Random random;
  private final List<ObjectNode> accounts = new ArrayList<>();
  private final List<ObjectNode> contacts = new ArrayList<>();
  private final List<ObjectNode> leads = new ArrayList<>();

  private SeedData(long seed) {
    this.random = new Random(seed);
  }

  /** Generates the given numbers of rows; contacts are spread over the accounts. */
  public static SeedData generate(long seed, int accountCount, int contactCount, int leadCount) {
    SeedData data = new SeedData(seed);
    for (int i = 0; i < accountCount; i++) {
      data.accounts.add(data.account(i));
    }
    for (int i = 0; i < contactCount; i++) {
      data.contacts.add(data.contact(i));
    }
    for (int i = 0; i < leadCount; i++) {
      data.leads.add(data.lead(i));
    }
    return data;
  }

  public List<ObjectNode> accounts() {
    return accounts;
  }

  public List<ObjectNode> contacts() {
    return contacts;
  }

  public List<ObjectNode> leads() {
    return leads;
  }

  private ObjectNode account(int index) {
    Place place = pick(Names.PLACES);
    String name = pick(Names.COMPANY_STEMS) + " " + pick(Names.COMPANY_SUFFIXES_BY_COUNTRY.getOrDefault(place.country(), Names.GENERIC_SUFFIXES));
    String domain = ascii(name).replaceAll("[^a-z0-9]+", "") + "." + place.topLevelDomain();
    ObjectNode row = Json.object();
    row.put("accountid", uuid().toString());
    row.put("name", name);
    row.put("accountnumber", String.format(Locale.ROOT, "ACC-%05d", index + 1));
    row.put("emailaddress1", "info@" + domain);
    row.put("telephone1", place.phone(random));
    row.put("websiteurl", "https://www." + domain);
    address(row, place);
    row.put("numberofemployees", 1 + random.nextInt(2_000));
    row.put("revenue", Math.round(random.nextDouble() * 5_000_000) / 1.0);
    row.put("industrycode", 1 + random.nextInt(33));
    row.put("donotemail", false);
    row.put("donotbulkemail", random.nextInt(20) == 0);
    return row;
  }

  private ObjectNode contact(int index) {
    Person person = person();
    ObjectNode row = Json.object();
    row.put("contactid", uuid().toString());
    row.put("firstname", person.firstName());
    if (person.infix() != null) {
      row.put("middlename", person.infix());
    }
    row.put("lastname", person.lastName());
    row.put("emailaddress1", email(person, index));
    row.put("telephone1", person.place().phone(random));
    row.put("mobilephone", person.place().mobile(random));
    row.put("jobtitle", pick(Names.JOB_TITLES));
    row.put("gendercode", person.female() ? 2 : 1);
    row.put("birthdate", String.format(Locale.ROOT, "%04d-%02d-%02d", 1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)));
    address(row, person.place());
    if (!accounts.isEmpty() && random.nextInt(10) < 8) {
      row.put("_parentcustomerid_value", accounts.get(random.nextInt(accounts.size())).get("accountid").asText());
    }
    row.put("donotemail", random.nextInt(40) == 0);
    row.put("donotbulkemail", random.nextInt(15) == 0);
    boolean inactive = random.nextInt(25) == 0;
    row.put("statecode", inactive ? 1 : 0);
    row.put("statuscode", inactive ? 2 : 1);
    return row;
  }

  private ObjectNode lead(int index) {
    Person person = person();
    ObjectNode row = Json.object();
    row.put("leadid", uuid().toString());
    row.put("firstname", person.firstName());
    row.put("lastname", (person.infix() == null ? "" : person.infix() + " ") + person.lastName());
    row.put("companyname", pick(Names.COMPANY_STEMS) + " " + pick(Names.GENERIC_SUFFIXES));
    row.put("subject", pick(Names.LEAD_SUBJECTS));
    row.put("emailaddress1", email(person, 100_000 + index));
    row.put("telephone1", person.place().phone(random));
    address(row, person.place());
    row.put("leadsourcecode", 1 + random.nextInt(10));
    row.put("donotemail", false);
    row.put("donotbulkemail", random.nextInt(15) == 0);
    row.put("statecode", 0);
    row.put("statuscode", 1);
    return row;
  }

  private Person person() {
    Place place = pick(Names.PLACES);
    boolean dutch = place.country().equals("Netherlands") || place.country().equals("Belgium");
    boolean female = random.nextBoolean();
    String first = pick(dutch ? (female ? Names.DUTCH_FEMALE : Names.DUTCH_MALE) : (female ? Names.INTL_FEMALE : Names.INTL_MALE));
    String last;
    String infix = null;
    if (dutch) {
      String full = pick(Names.DUTCH_SURNAMES);
      int split = full.lastIndexOf(' ');
      if (split > 0) {
        infix = full.substring(0, split);
        last = full.substring(split + 1);
      } else {
        last = full;
      }
    } else {
      last = pick(Names.INTL_SURNAMES);
    }
    return new Person(first, infix, last, female, place);
  }

  private void address(ObjectNode row, Place place) {
    row.put("address1_line1", place.street(random));
    row.put("address1_postalcode", place.postalCode(random));
    row.put("address1_city", place.city());
    row.put("address1_country", place.country());
  }

  private String email(Person person, int index) {
    String local = ascii(person.firstName()) + "." + ascii((person.infix() == null ? "" : person.infix()) + person.lastName());
    local = local.replaceAll("[^a-z0-9.]+", "");
    return local + "." + (index + 1) + "@" + pick(Names.MAIL_DOMAINS);
  }

  private UUID uuid() {
    return new UUID((random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L, (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  static String ascii(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return decomposed.replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("ı", "i").replace("'", "").toLowerCase(Locale.ROOT);
  }

  private record Person(String firstName, String infix, String lastName, boolean female, Place place) {}
}
