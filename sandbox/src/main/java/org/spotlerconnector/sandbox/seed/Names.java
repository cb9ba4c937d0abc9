package org.spotlerconnector.sandbox.seed;

import java.util.List;
import java.util.Map;

/** Word lists for the seed data. */
final class Names {
  private Names() {}

  static final List<String> DUTCH_MALE = List.of("Jan", "Pieter", "Daan", "Sem", "Bram", "Thijs", "Lucas", "Finn", "Jesse", "Ruben", "Joost", "Willem", "Maarten", "Sven", "Niels", "Koen", "Gijs", "Hendrik", "Wouter", "Teun");
  static final List<String> DUTCH_FEMALE = List.of("Sanne", "Emma", "Lotte", "Fleur", "Anouk", "Femke", "Julia", "Sophie", "Eva", "Lisa", "Iris", "Noor", "Marieke", "Ilse", "Esther", "Maud", "Roos", "Anne", "Saskia", "Linde");
  static final List<String> DUTCH_SURNAMES = List.of("de Vries", "van den Berg", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van Dijk", "Janssens", "Claes", "Wouters", "Maes", "Peeters", "van 't Hof", "ter Horst", "in 't Veld");
  static final List<String> INTL_MALE = List.of("Thomas", "Lukas", "Matteo", "Hugo", "Liam", "Oliver", "Mateo", "Jakub", "Noah", "Ahmet", "Lars", "Mikkel", "Sean", "Giovanni", "Pierre", "José", "Björn", "Tomás", "Wei", "Arjun");
  static final List<String> INTL_FEMALE = List.of("Marie", "Sofia", "Chloé", "Olivia", "Amelia", "Zoë", "Léa", "Ingrid", "Aoife", "Giulia", "Maja", "Elif", "Ana", "Zuzanna", "Freya", "Mei", "Priya", "Hannah", "Ines", "Saoirse");
  static final List<String> INTL_SURNAMES = List.of("Müller", "Schmidt", "García", "Fernández", "Dubois", "Lefèvre", "O'Brien", "O'Connor", "Murphy", "Smith", "Jones", "Nowak", "Kowalski", "Rossi", "Bianchi", "Johansson", "Andersen", "Nguyen", "Yılmaz", "Ødegaard", "Žukauskas", "Novák", "Papadopoulos", "Da Silva", "MacDonald", "Schäfer", "Łukasik", "Wang", "Patel", "Kovačević");
  static final List<String> COMPANY_STEMS = List.of("Polder", "Tulip", "Windmolen", "Delta", "Noordzee", "Grachten", "Oranje", "Hollandse", "Zeeuwse", "Brabant", "Kaasmakers", "Fietsfabriek", "Havenlogistiek", "Groenland", "Atlas", "Nova", "Stellar", "Alpine", "Riverside", "Northwind", "Contoso", "Fabrikam", "Blue Yonder", "Lumen", "Vertex", "Helix", "Meridian", "Quantum", "Harbour", "Summit");
  static final List<String> GENERIC_SUFFIXES = List.of("Group", "Solutions", "Trading", "Partners", "Holding", "Labs", "International");
  static final Map<String, List<String>> COMPANY_SUFFIXES_BY_COUNTRY = Map.of(
      "Netherlands", List.of("B.V.", "N.V.", "Groep", "& Zn.", "Holding B.V."),
      "Belgium", List.of("BV", "NV", "SRL"),
      "Germany", List.of("GmbH", "AG", "GmbH & Co. KG"),
      "France", List.of("SARL", "SA", "SAS"),
      "United Kingdom", List.of("Ltd", "plc", "LLP"),
      "Ireland", List.of("Ltd", "DAC"),
      "Spain", List.of("S.L.", "S.A."),
      "United States", List.of("Inc.", "LLC", "Corp."));
  static final List<String> JOB_TITLES = List.of("Marketing Manager", "Directeur", "Office Manager", "Inkoper", "Sales Representative", "CEO", "CFO", "Accountmanager", "HR Adviseur", "Projectleider", "Consultant", "Head of Marketing", "Eigenaar", "IT Manager", "Communicatieadviseur");
  static final List<String> LEAD_SUBJECTS = List.of("Interesse in nieuwsbrief", "Demo aangevraagd", "Whitepaper gedownload", "Beursbezoek Jaarbeurs", "Contactformulier website", "Webinar registration", "Pricing request", "Trial sign-up");
  static final List<String> MAIL_DOMAINS = List.of("example.nl", "example.com", "example.be", "example.de", "example.org", "example.co.uk");

  static final List<Place> PLACES = List.of(
      new Place("Amsterdam", "Netherlands", "nl", List.of("Keizersgracht", "Damrak", "Prinsengracht", "Overtoom", "Javastraat"), "9000 AA", "+31 20", "+31 6"),
      new Place("Rotterdam", "Netherlands", "nl", List.of("Coolsingel", "Witte de Withstraat", "Kralingse Plaslaan", "Blaak"), "9000 AA", "+31 10", "+31 6"),
      new Place("Utrecht", "Netherlands", "nl", List.of("Oudegracht", "Biltstraat", "Amsterdamsestraatweg", "Lange Viestraat"), "9000 AA", "+31 30", "+31 6"),
      new Place("Den Haag", "Netherlands", "nl", List.of("Lange Voorhout", "Laan van Meerdervoort", "Frederik Hendriklaan"), "9000 AA", "+31 70", "+31 6"),
      new Place("Eindhoven", "Netherlands", "nl", List.of("Stratumseind", "Kruisstraat", "Vestdijk"), "9000 AA", "+31 40", "+31 6"),
      new Place("Groningen", "Netherlands", "nl", List.of("Herestraat", "Oosterstraat", "Paterswoldseweg"), "9000 AA", "+31 50", "+31 6"),
      new Place("'s-Hertogenbosch", "Netherlands", "nl", List.of("Hinthamerstraat", "Vughterstraat"), "9000 AA", "+31 73", "+31 6"),
      new Place("Leeuwarden", "Netherlands", "nl", List.of("Nieuwestad", "Voorstreek"), "9000 AA", "+31 58", "+31 6"),
      new Place("Zwolle", "Netherlands", "nl", List.of("Diezerstraat", "Assendorperstraat"), "9000 AA", "+31 38", "+31 6"),
      new Place("Antwerpen", "Belgium", "be", List.of("Meir", "Frankrijklei", "Lange Leemstraat"), "9000", "+32 3", "+32 47"),
      new Place("Gent", "Belgium", "be", List.of("Veldstraat", "Korenmarkt"), "9000", "+32 9", "+32 47"),
      new Place("Berlin", "Germany", "de", List.of("Friedrichstraße", "Kurfürstendamm", "Schönhauser Allee"), "10000", "+49 30", "+49 151"),
      new Place("Düsseldorf", "Germany", "de", List.of("Königsallee", "Schadowstraße"), "40000", "+49 211", "+49 151"),
      new Place("Paris", "France", "fr", List.of("rue de Rivoli", "boulevard Haussmann", "avenue de l'Opéra"), "75000", "+33 1", "+33 6"),
      new Place("London", "United Kingdom", "co.uk", List.of("Baker Street", "King's Road", "Fleet Street"), "AA9 9AA", "+44 20", "+44 7700"),
      new Place("Dublin", "Ireland", "ie", List.of("Grafton Street", "O'Connell Street"), "D09 A0A0", "+353 1", "+353 85"),
      new Place("Madrid", "Spain", "es", List.of("Calle de Alcalá", "Gran Vía", "Calle de Serrano"), "28000", "+34 91", "+34 6"),
      new Place("New York", "United States", "com", List.of("Fifth Avenue", "Broadway", "Madison Avenue"), "10000", "+1 212", "+1 917"));
}
