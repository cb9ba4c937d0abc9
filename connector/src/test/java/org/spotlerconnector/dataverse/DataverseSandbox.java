package org.spotlerconnector.dataverse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.spotlerconnector.sandbox.dataverse.DataverseEmulator;
import org.spotlerconnector.sandbox.entra.AccessTokens;
import org.spotlerconnector.sandbox.entra.EntraIdEmulator;
import org.spotlerconnector.sandbox.http.EmulatorServer;
import org.spotlerconnector.sandbox.http.RequestLog;

/**
 * The Entra ID and Dataverse emulators on free ports of 127.0.0.1, sharing the issued tokens, and settings for a
 * client of them: the environment URL is the Dataverse emulator, the token endpoint the Entra ID emulator's.
 */
final class DataverseSandbox implements AutoCloseable {
  static final String TENANT = "contoso.onmicrosoft.com";
  static final String CLIENT_ID = "0f6b3c2a-7d41-4e5f-9a8b-1c2d3e4f5a6b";
  static final String SECRET = "sandbox~secret.1";
  static final ObjectMapper JSON = new ObjectMapper();

  final Clock clock;
  final AccessTokens tokens;
  final DataverseEmulator dataverse;
  final EmulatorServer entraServer;
  final EmulatorServer dataverseServer;

  DataverseSandbox(Clock clock) {
    this.clock = clock;
    this.tokens = new AccessTokens(clock);
    this.dataverse = new DataverseEmulator(tokens);
    try {
      this.entraServer = EmulatorServer.start(new EntraIdEmulator(tokens).register(TENANT, CLIENT_ID, SECRET), 0, 1);
      this.dataverseServer = EmulatorServer.start(dataverse, 0, 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dataverse.environmentUrl(dataverseServer.baseUrl());
  }

  DataverseSandbox() {
    this(Clock.systemUTC());
  }

  /** Settings for the sandbox with quick retries, so retry tests stay fast. */
  DataverseSettings.Builder settings() {
    return DataverseSettings.builder(URI.create(dataverseServer.baseUrl()), TENANT, CLIENT_ID, SECRET)
        .tokenEndpoint(URI.create(entraServer.baseUrl() + "/" + TENANT + "/oauth2/v2.0/token"))
        .retry(new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(200)))
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(10));
  }

  DataverseClient.Builder clientBuilder() {
    return DataverseClient.builder(settings().build()).clock(clock);
  }

  DataverseClient client() {
    return clientBuilder().build();
  }

  /** Inserts {@code count} contacts in one go and returns their ids. */
  List<UUID> seedContacts(int count) {
    List<ObjectNode> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(JSON.createObjectNode().put("firstname", "First" + i).put("lastname", String.format("Last%05d", i)));
    }
    return dataverse.table("contacts").insertAll(rows);
  }

  /** Requests that reached the Web API (not the inspection routes). */
  List<RequestLog.Entry> apiRequests() {
    return dataverseServer.requestLog().matching(e -> e.path().startsWith("/api/data/"));
  }

  /** A request header by case-insensitive name, as the client sent it. */
  static String header(RequestLog.Entry entry, String name) {
    return entry.headers().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .flatMap(h -> h.getValue().stream())
        .findFirst()
        .orElse(null);
  }

  long tokenRequests() {
    return entraServer.requestLog().count(e -> e.path().endsWith("/oauth2/v2.0/token"));
  }

  @Override
  public void close() {
    dataverseServer.close();
    entraServer.close();
  }
}
