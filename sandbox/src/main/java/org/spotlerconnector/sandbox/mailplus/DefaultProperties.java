package org.spotlerconnector.sandbox.mailplus;

import static org.spotlerconnector.sandbox.mailplus.PropertyType.BIRTHDATE;
import static org.spotlerconnector.sandbox.mailplus.PropertyType.DATE;
import static org.spotlerconnector.sandbox.mailplus.PropertyType.DATE_TIME;
import static org.spotlerconnector.sandbox.mailplus.PropertyType.EMAIL;
import static org.spotlerconnector.sandbox.mailplus.PropertyType.GENDER;
import static org.spotlerconnector.sandbox.mailplus.PropertyType.INT;
import static org.spotlerconnector.sandbox.mailplus.PropertyType.MOB_NR;
import static org.spotlerconnector.sandbox.mailplus.PropertyType.MONEY;
import static org.spotlerconnector.sandbox.mailplus.PropertyType.POSTCODE;
import static org.spotlerconnector.sandbox.mailplus.PropertyType.STRING;

import java.util.List;

/**
 * The property list of a typical Dutch Mail+ account, modelled on the names one real account showed (spotler-api.md
 * §2.2) and using every property type of the spec.
 */
public final class DefaultProperties {
  private DefaultProperties() {}

  public static List<PropertyDefinition> dutchAccount() {
    return List.of(
        PropertyDefinition.of("email", "E-mailadres", EMAIL),
        PropertyDefinition.of("firstName", "Voornaam", STRING),
        PropertyDefinition.of("infix", "Tussenvoegsel", STRING),
        PropertyDefinition.of("lastName", "Achternaam", STRING),
        PropertyDefinition.of("initials", "Voorletters", STRING),
        PropertyDefinition.of("gender", "Geslacht", GENDER),
        PropertyDefinition.of("birthday", "Geboortedatum", BIRTHDATE),
        PropertyDefinition.of("city", "Woonplaats", STRING),
        PropertyDefinition.of("street", "Straat", STRING),
        PropertyDefinition.of("houseNumber", "Huisnummer", STRING),
        PropertyDefinition.of("postalCode", "Postcode", POSTCODE),
        PropertyDefinition.of("country", "Land", STRING),
        PropertyDefinition.of("organisation", "Organisatie", STRING),
        PropertyDefinition.of("phoneNumber", "Telefoonnummer", STRING),
        PropertyDefinition.of("mobileNumber", "Mobiel nummer", MOB_NR),
        PropertyDefinition.of("customerType", "Klanttype", STRING),
        PropertyDefinition.of("taal", "Taal", STRING),
        PropertyDefinition.of("firstPurchaseDate", "Datum eerste aankoop", DATE),
        PropertyDefinition.of("lastPurchaseDate", "Datum laatste aankoop", DATE),
        PropertyDefinition.of("lastContactMoment", "Laatste contactmoment", DATE_TIME),
        PropertyDefinition.of("numberOfOrders", "Aantal bestellingen", INT),
        PropertyDefinition.of("totalRevenue", "Totale omzet", MONEY),
        PropertyDefinition.set(
            "permissions",
            "Permissies",
            new SetPropertyEntry(1, "Nieuwsbrief", 1),
            new SetPropertyEntry(2, "Aanbiedingen", 2),
            new SetPropertyEntry(4, "Evenementen", 3),
            new SetPropertyEntry(8, "Webinars", 4)),
        PropertyDefinition.set(
            "profileFields",
            "Interesses",
            new SetPropertyEntry(1, "Marketing", 1),
            new SetPropertyEntry(2, "Sales", 2),
            new SetPropertyEntry(4, "ICT", 3)),
        PropertyDefinition.set(
            "list1",
            "Klantenpanel",
            new SetPropertyEntry(1, "Panel voorjaar", 1),
            new SetPropertyEntry(2, "Panel najaar", 2)));
  }
}
