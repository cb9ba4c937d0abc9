package org.spotlerconnector.sandbox;

/**
 * How to start the sandbox: ports (0 picks a free one), the seed that makes data and faults deterministic, the size of
 * the data set, added latency, the credentials the emulators accept, and the editions: whether Dataverse has marketing
 * lists (Dynamics 365 Sales) and whether the Spotler account's product has audiences (Automation or eCommerce).
 */
public record SandboxOptions(
    int entraPort,
    int dataversePort,
    int mailplusPort,
    long seed,
    int accounts,
    int contacts,
    int leads,
    int spotlerContacts,
    long latencyMillis,
    String tenant,
    String clientId,
    String clientSecret,
    String consumerKey,
    String consumerSecret,
    boolean marketingLists,
    boolean spotlerAudiences) {

  public static final int DEFAULT_ENTRA_PORT = 7401;
  public static final int DEFAULT_DATAVERSE_PORT = 7402;
  public static final int DEFAULT_MAILPLUS_PORT = 7403;
  public static final String DEFAULT_TENANT = "11111111-2222-3333-4444-555555555555";
  public static final String DEFAULT_CLIENT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
  public static final String DEFAULT_CLIENT_SECRET = "sandbox-client-secret";
  public static final String DEFAULT_CONSUMER_KEY = "sandbox-consumer-key";
  public static final String DEFAULT_CONSUMER_SECRET = "sandbox-consumer-secret";

  public SandboxOptions {
    if (accounts < 0 || contacts < 0 || leads < 0 || spotlerContacts < 0) {
      throw new IllegalArgumentException("data set sizes must be >= 0");
    }
    if (spotlerContacts > contacts) {
      throw new IllegalArgumentException("spotlerContacts cannot exceed contacts (they are copies of seeded contacts)");
    }
    if (latencyMillis < 0) {
      throw new IllegalArgumentException("latency must be >= 0");
    }
  }

  /** The documented defaults: fixed ports, seed 1, a few hundred rows. */
  public static SandboxOptions defaults() {
    return new SandboxOptions(
        DEFAULT_ENTRA_PORT, DEFAULT_DATAVERSE_PORT, DEFAULT_MAILPLUS_PORT, 1, 120, 400, 150, 25, 0,
        DEFAULT_TENANT, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET, true,
        true);
  }

  /** Free ports and an empty data set: what most tests want. */
  public static SandboxOptions forTests() {
    return new SandboxOptions(
        0, 0, 0, 1, 0, 0, 0, 0, 0,
        DEFAULT_TENANT, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_CONSUMER_KEY, DEFAULT_CONSUMER_SECRET, true,
        true);
  }

  public SandboxOptions withPorts(int entra, int dataverse, int mailplus) {
    return new SandboxOptions(entra, dataverse, mailplus, seed, accounts, contacts, leads, spotlerContacts, latencyMillis, tenant, clientId, clientSecret, consumerKey, consumerSecret, marketingLists, spotlerAudiences);
  }

  public SandboxOptions withData(long newSeed, int newAccounts, int newContacts, int newLeads, int newSpotlerContacts) {
    return new SandboxOptions(entraPort, dataversePort, mailplusPort, newSeed, newAccounts, newContacts, newLeads, newSpotlerContacts, latencyMillis, tenant, clientId, clientSecret, consumerKey, consumerSecret, marketingLists, spotlerAudiences);
  }

  public SandboxOptions withLatency(long millis) {
    return new SandboxOptions(entraPort, dataversePort, mailplusPort, seed, accounts, contacts, leads, spotlerContacts, millis, tenant, clientId, clientSecret, consumerKey, consumerSecret, marketingLists, spotlerAudiences);
  }

  public SandboxOptions withCredentials(String newTenant, String newClientId, String newClientSecret, String newConsumerKey, String newConsumerSecret) {
    return new SandboxOptions(entraPort, dataversePort, mailplusPort, seed, accounts, contacts, leads, spotlerContacts, latencyMillis, newTenant, newClientId, newClientSecret, newConsumerKey, newConsumerSecret, marketingLists, spotlerAudiences);
  }

  /** Whether Dataverse has the marketing list tables; Power Apps without Dynamics 365 Sales has none. */
  public SandboxOptions withMarketingLists(boolean enabled) {
    return new SandboxOptions(entraPort, dataversePort, mailplusPort, seed, accounts, contacts, leads, spotlerContacts, latencyMillis, tenant, clientId, clientSecret, consumerKey, consumerSecret, enabled, spotlerAudiences);
  }

  /** Whether the Spotler account's product has audiences; without them every audience call answers 403. */
  public SandboxOptions withSpotlerAudiences(boolean enabled) {
    return new SandboxOptions(entraPort, dataversePort, mailplusPort, seed, accounts, contacts, leads, spotlerContacts, latencyMillis, tenant, clientId, clientSecret, consumerKey, consumerSecret, marketingLists, enabled);
  }
}
