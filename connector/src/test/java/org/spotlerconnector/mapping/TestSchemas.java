package org.spotlerconnector.mapping;

import static org.spotlerconnector.mapping.ColumnType.BOOLEAN;
import static org.spotlerconnector.mapping.ColumnType.CHOICE;
import static org.spotlerconnector.mapping.ColumnType.DATE_TIME;
import static org.spotlerconnector.mapping.ColumnType.DECIMAL;
import static org.spotlerconnector.mapping.ColumnType.MONEY;
import static org.spotlerconnector.mapping.ColumnType.MULTI_CHOICE;
import static org.spotlerconnector.mapping.ColumnType.TEXT;
import static org.spotlerconnector.mapping.ColumnType.UNIQUE_IDENTIFIER;
import static org.spotlerconnector.mapping.ColumnType.WHOLE_NUMBER;

/**
 * Schemas shaped like a standard Dataverse environment (contact, lead, account with their usual columns and lookups)
 * and a Dutch Spotler account (the property names one real account showed, spotler-api.md §2.2).
 */
public final class TestSchemas {
  private TestSchemas() {}

  public static SpotlerSchema dutchSpotlerAccount() {
    return SpotlerSchema.of(
        new SpotlerProperty("email", SpotlerPropertyType.EMAIL),
        new SpotlerProperty("firstName", SpotlerPropertyType.STRING),
        new SpotlerProperty("infix", SpotlerPropertyType.STRING),
        new SpotlerProperty("lastName", SpotlerPropertyType.STRING),
        new SpotlerProperty("gender", SpotlerPropertyType.GENDER),
        new SpotlerProperty("birthday", SpotlerPropertyType.BIRTHDATE),
        new SpotlerProperty("street", SpotlerPropertyType.STRING),
        new SpotlerProperty("postalCode", SpotlerPropertyType.POSTCODE),
        new SpotlerProperty("city", SpotlerPropertyType.STRING),
        new SpotlerProperty("country", SpotlerPropertyType.STRING),
        new SpotlerProperty("phoneNumber", SpotlerPropertyType.STRING),
        new SpotlerProperty("mobileNumber", SpotlerPropertyType.MOB_NR),
        new SpotlerProperty("organisation", SpotlerPropertyType.STRING),
        new SpotlerProperty("customerType", SpotlerPropertyType.STRING),
        new SpotlerProperty("taal", SpotlerPropertyType.STRING),
        new SpotlerProperty("firstPurchaseDate", SpotlerPropertyType.DATE),
        new SpotlerProperty("lastContactMoment", SpotlerPropertyType.DATE_TIME),
        new SpotlerProperty("numberOfOrders", SpotlerPropertyType.INT),
        new SpotlerProperty("totalRevenue", SpotlerPropertyType.MONEY),
        new SpotlerProperty("permissions", SpotlerPropertyType.SET),
        new SpotlerProperty("list1", SpotlerPropertyType.SET));
  }

  public static DataverseSchema standardTables() {
    return DataverseSchema.of(contact(), lead(), account());
  }

  public static TableSchema contact() {
    TableSchema.Builder table =
        TableSchema.builder("contact")
            .column("contactid", UNIQUE_IDENTIFIER)
            .column("firstname", TEXT)
            .column("middlename", TEXT)
            .column("lastname", TEXT)
            .column("fullname", TEXT)
            .column("emailaddress1", TEXT)
            .column("telephone1", TEXT)
            .column("mobilephone", TEXT)
            .column("jobtitle", TEXT)
            .column("gendercode", CHOICE)
            .column("birthdate", DATE_TIME)
            .column("lastusedincampaign", DATE_TIME)
            .column("numberofchildren", WHOLE_NUMBER)
            .column("annualincome", MONEY)
            .column("exchangerate", DECIMAL)
            .column("preferredcontactmethodcode", CHOICE)
            .column("new_interests", MULTI_CHOICE)
            .column("donotbulkemail", BOOLEAN)
            .column("statecode", CHOICE)
            .lookup("parentcustomerid", new LookupTarget("parentcustomerid_account", "account"),
                new LookupTarget("parentcustomerid_contact", "contact"));
    return address(table).build();
  }

  public static TableSchema lead() {
    TableSchema.Builder table =
        TableSchema.builder("lead")
            .column("leadid", UNIQUE_IDENTIFIER)
            .column("firstname", TEXT)
            .column("middlename", TEXT)
            .column("lastname", TEXT)
            .column("companyname", TEXT)
            .column("emailaddress1", TEXT)
            .column("telephone1", TEXT)
            .column("mobilephone", TEXT)
            .column("statecode", CHOICE)
            .lookup("parentaccountid", new LookupTarget("parentaccountid", "account"));
    return address(table).build();
  }

  public static TableSchema account() {
    TableSchema.Builder table =
        TableSchema.builder("account")
            .column("accountid", UNIQUE_IDENTIFIER)
            .column("name", TEXT)
            .column("emailaddress1", TEXT)
            .column("telephone1", TEXT)
            .column("revenue", MONEY)
            .column("numberofemployees", WHOLE_NUMBER)
            .column("industrycode", CHOICE)
            .column("statecode", CHOICE)
            .lookup("primarycontactid", new LookupTarget("primarycontactid", "contact"));
    return address(table).build();
  }

  private static TableSchema.Builder address(TableSchema.Builder table) {
    return table
        .column("address1_line1", TEXT)
        .column("address1_city", TEXT)
        .column("address1_postalcode", TEXT)
        .column("address1_country", TEXT);
  }
}
