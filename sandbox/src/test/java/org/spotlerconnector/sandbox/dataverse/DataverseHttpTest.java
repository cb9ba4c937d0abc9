package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.spotlerconnector.sandbox.MutableClock;
import org.spotlerconnector.sandbox.entra.AccessTokens;
import org.spotlerconnector.sandbox.http.EmulatorServer;
import org.spotlerconnector.sandbox.http.Json;

/**
 * Runs each test against a fresh Dataverse emulator on a real HTTP port, with a clock the test moves and a bearer
 * token issued for the environment's URL, as the Entra ID emulator issues them for the scope {@code <env>/.default}.
 */
abstract class DataverseHttpTest {
  static final String TENANT = "contoso";
  static final String CLIENT_ID = "5b3c8a4e-1f2d-4e6a-9b7c-0d1e2f3a4b5c";
  static final Instant START = Instant.parse("2024-05-01T08:00:00Z");
  static final String SERVICE_PATH = "/api/data/v9.2";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  final MutableClock clock = new MutableClock(START);
  final AccessTokens tokens = new AccessTokens(clock);
  DataverseEmulator emulator;
  EmulatorServer server;
  String token;

  @BeforeEach
  void startEmulator() throws IOException {
    emulator = createEmulator();
    server = EmulatorServer.start(emulator, 0, 1);
    emulator.environmentUrl(server.baseUrl());
    token = tokens.issue(TENANT, CLIENT_ID, server.baseUrl()).value();
  }

  /** Tests override this for another kind of environment. */
  DataverseEmulator createEmulator() {
    return new DataverseEmulator(tokens);
  }

  @AfterEach
  void stopEmulator() {
    server.close();
  }

  /** The service root as the emulator writes it in answers. */
  String root() {
    return server.baseUrl() + SERVICE_PATH;
  }

  Call call(String method, String pathAndQuery) {
    return new Call(method, pathAndQuery);
  }

  Reply get(String pathAndQuery) {
    return call("GET", pathAndQuery).send();
  }

  Reply post(String path, String json) {
    return call("POST", path).body(json).send();
  }

  Reply patch(String path, String json) {
    return call("PATCH", path).body(json).send();
  }

  Reply delete(String path) {
    return call("DELETE", path).send();
  }

  /** An unauthenticated call to the inspection API. */
  Reply inspect(String method, String path, String json) {
    return new Call(method, path).servicePath("").withoutToken().body(json).send();
  }

  /** Creates a row over HTTP and returns its id from {@code OData-EntityId}. */
  UUID create(String entitySet, String json) {
    Reply reply = post(entitySet, json);
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    String entityId = reply.header("OData-EntityId");
    return UUID.fromString(entityId.substring(entityId.indexOf('(') + 1, entityId.length() - 1));
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** One call; authenticated with the test's token unless told otherwise. */
  final class Call {
    private final String method;
    private final String pathAndQuery;
    private final List<String[]> headers = new ArrayList<>();
    private String servicePath = SERVICE_PATH;
    private String body;
    private String contentType = "application/json";
    private String bearer = token;

    Call(String method, String pathAndQuery) {
      this.method = method;
      this.pathAndQuery = pathAndQuery;
    }

    Call header(String name, String value) {
      headers.add(new String[] {name, value});
      return this;
    }

    Call contentType(String value) {
      this.contentType = value;
      return this;
    }

    Call prefer(String value) {
      return header("Prefer", value);
    }

    Call body(String json) {
      this.body = json;
      return this;
    }

    Call bearer(String value) {
      this.bearer = value;
      return this;
    }

    Call withoutToken() {
      this.bearer = null;
      return this;
    }

    Call servicePath(String path) {
      this.servicePath = path;
      return this;
    }

    Reply send() {
      String target =
          pathAndQuery.startsWith("http")
              ? pathAndQuery
              : server.baseUrl() + (servicePath.isEmpty() ? pathAndQuery : servicePath + "/" + pathAndQuery);
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(target.replace(" ", "%20")))
              .timeout(Duration.ofSeconds(20))
              .header("Accept", "application/json")
              .header("OData-MaxVersion", "4.0")
              .header("OData-Version", "4.0")
              .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
      if (body != null) {
        builder.header("Content-Type", contentType);
      }
      if (bearer != null) {
        builder.header("Authorization", "Bearer " + bearer);
      }
      headers.forEach(h -> builder.header(h[0], h[1]));
      try {
        HttpResponse<String> response = HTTP.send(builder.build(), BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** An answer: status, headers and the body, parsed as JSON on demand. */
  record Reply(int status, HttpHeaders headers, String body) {

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }

    String errorCode() {
      return json().path("error").path("code").asText();
    }

    String errorMessage() {
      return json().path("error").path("message").asText();
    }

    JsonNode value() {
      return json().path("value");
    }
  }
}
