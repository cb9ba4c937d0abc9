package org.spotlerconnector.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spotlerconnector.sandbox.dataverse.DataverseEmulator;
import org.spotlerconnector.sandbox.entra.AccessTokens;
import org.spotlerconnector.sandbox.entra.EntraIdEmulator;
import org.spotlerconnector.sandbox.http.EmulatorServer;
import org.spotlerconnector.sandbox.http.Json;
import org.spotlerconnector.sandbox.mailplus.MailPlusEmulator;
import org.spotlerconnector.sandbox.seed.SeedData;
import org.spotlerconnector.sandbox.seed.SeedLists;

/**
 * All emulators running together, the way tests, the demo and the benchmark use them: Entra ID issues the tokens the
 * Dataverse emulator accepts, and both APIs are seeded from one deterministic data set.
 */
public final class Sandbox implements AutoCloseable {
  private final SandboxOptions options;
  private final EntraIdEmulator entra;
  private final DataverseEmulator dataverse;
  private final MailPlusEmulator mailplus;
  private final List<EmulatorServer> servers = new ArrayList<>();
  private EmulatorServer entraServer;
  private EmulatorServer dataverseServer;
  private EmulatorServer mailplusServer;

  private Sandbox(SandboxOptions options) {
    this.options = options;
    AccessTokens tokens = new AccessTokens(Clock.systemUTC());
    this.entra = new EntraIdEmulator(tokens).register(options.tenant(), options.clientId(), options.clientSecret());
    this.dataverse = new DataverseEmulator(tokens, null, options.marketingLists());
    this.mailplus =
        MailPlusEmulator.builder()
            .consumer(options.consumerKey(), options.consumerSecret())
            .audiences(options.spotlerAudiences())
            .build();
  }

  /** Starts every emulator and loads the seeded data set, with marketing lists when Dataverse has them. */
  public static Sandbox start(SandboxOptions options) throws IOException {
    Sandbox sandbox = new Sandbox(options);
    try {
      sandbox.listen();
      sandbox.seed();
      return sandbox;
    } catch (IOException | RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  private void listen() throws IOException {
    entraServer = serve(EmulatorServer.start(entra, options.entraPort(), options.seed()));
    dataverseServer = serve(EmulatorServer.start(dataverse, options.dataversePort(), options.seed()));
    dataverse.environmentUrl(dataverseServer.baseUrl());
    dataverse.authorizationUri(entraServer.baseUrl() + "/" + options.tenant() + "/oauth2/authorize");
    mailplusServer = serve(EmulatorServer.start(mailplus, options.mailplusPort(), options.seed()));
    for (EmulatorServer server : servers) {
      server.latency().set(options.latencyMillis(), 0);
    }
  }

  private EmulatorServer serve(EmulatorServer server) {
    servers.add(server);
    return server;
  }

  private void seed() {
    SeedData data = SeedData.generate(options.seed(), options.accounts(), options.contacts(), options.leads());
    dataverse.table("accounts").insertAll(data.accounts());
    dataverse.table("contacts").insertAll(data.contacts());
    dataverse.table("leads").insertAll(data.leads());
    for (ObjectNode contact : data.contacts().subList(0, options.spotlerContacts())) {
      mailplus.putContact(contact.get("contactid").asText(), spotlerPropertiesOf(contact));
    }
    if (dataverse.hasMarketingLists()) {
      seedLists(SeedLists.of(data));
    }
  }

  private void seedLists(List<SeedLists.SeedList> lists) {
    for (SeedLists.SeedList list : lists) {
      ObjectNode row = Json.object()
          .put("listid", list.id().toString())
          .put("listname", list.name())
          .put("createdfromcode", list.memberType())
          .put("type", list.dynamic());
      if (list.dynamic()) {
        row.put("query", list.query());
      }
      dataverse.table("lists").insert(row);
      if (!list.dynamic()) {
        dataverse.marketingLists().addMembers(list.id(), list.memberIds());
      }
    }
  }

  /** A contact as an earlier sync would have left it in Spotler, subscribed to the newsletter. */
  private static Map<String, Object> spotlerPropertiesOf(ObjectNode contact) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("email", contact.get("emailaddress1").asText());
    properties.put("firstName", contact.get("firstname").asText());
    if (contact.hasNonNull("middlename")) {
      properties.put("infix", contact.get("middlename").asText());
    }
    properties.put("lastName", contact.get("lastname").asText());
    properties.put("city", contact.get("address1_city").asText());
    properties.put("permissions", List.of(Map.of("bit", 1, "enabled", true)));
    return properties;
  }

  public SandboxOptions options() {
    return options;
  }

  public EntraIdEmulator entra() {
    return entra;
  }

  public DataverseEmulator dataverse() {
    return dataverse;
  }

  public MailPlusEmulator mailplus() {
    return mailplus;
  }

  public EmulatorServer entraServer() {
    return entraServer;
  }

  public EmulatorServer dataverseServer() {
    return dataverseServer;
  }

  public EmulatorServer mailplusServer() {
    return mailplusServer;
  }

  /** The Entra ID token endpoint for the sandbox tenant. */
  public String tokenUrl() {
    return entraServer.baseUrl() + "/" + options.tenant() + "/oauth2/v2.0/token";
  }

  /** The Dataverse environment URL (the token scope is this plus {@code /.default}). */
  public String dataverseUrl() {
    return dataverseServer.baseUrl();
  }

  /** The Dataverse Web API service root. */
  public String dataverseApiUrl() {
    return dataverseServer.baseUrl() + "/api/data/v9.2";
  }

  /** The Spotler Mail+ REST API base URL. */
  public String mailplusUrl() {
    return mailplusServer.baseUrl() + mailplus.pathPrefix();
  }

  /** Sets the latency of every emulator. */
  public void latency(long fixedMillis, long jitterMillis) {
    servers.forEach(s -> s.latency().set(fixedMillis, jitterMillis));
  }

  @Override
  public void close() {
    servers.forEach(EmulatorServer::close);
  }
}
