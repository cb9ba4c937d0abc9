package org.spotlerconnector.sandbox.mailplus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.spotlerconnector.sandbox.MutableClock;
import org.spotlerconnector.sandbox.http.EmulatorServer;
import org.spotlerconnector.sandbox.http.Json;

/** Runs each test against a fresh Mail+ emulator on a real HTTP port, with a clock the test moves. */
abstract class MailPlusHttpTest {
  static final String KEY = "test-consumer";
  static final String SECRET = "test-secret with spaces&symbols";
  static final String API = "/integrationservice";
  static final String LEGACY_API = "/integrationservice-1.1.0";
  static final Instant START = Instant.parse("2024-05-01T08:00:00Z");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  final MutableClock clock = new MutableClock(START);
  MailPlusEmulator emulator;
  EmulatorServer server;

  @BeforeEach
  void startEmulator() throws IOException {
    emulator = configure(MailPlusEmulator.builder().consumer(KEY, SECRET).clock(clock)).build();
    server = EmulatorServer.start(emulator, 0, 1);
  }

  @AfterEach
  void stopEmulator() {
    server.close();
  }

  /** Tests override this to configure the emulator. */
  MailPlusEmulator.Builder configure(MailPlusEmulator.Builder builder) {
    return builder;
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

  Reply put(String path, String json) {
    return call("PUT", path).body(json).send();
  }

  /** An unsigned call to the inspection API. */
  Reply inspect(String method, String path, String json) {
    return new Call(method, path).prefix("").unsigned().body(json).send();
  }

  /** One API call; signed by the independent test signer unless told otherwise. */
  final class Call {
    private final String method;
    private final String pathAndQuery;
    private String prefix = API;
    private String body;
    private String contentType = "application/json";
    private String accept = "application/json";
    private String authorization;
    private boolean signed = true;
    private boolean signQuery = true;
    private String key = KEY;
    private String secret = SECRET;
    private String nonce = UUID.randomUUID().toString();
    private Long timestamp;
    private String signedUrlOverride;

    private Call(String method, String pathAndQuery) {
      this.method = method;
      this.pathAndQuery = pathAndQuery;
    }

    Call prefix(String p) {
      prefix = p;
      return this;
    }

    Call body(String json) {
      body = json;
      return this;
    }

    Call contentType(String type) {
      contentType = type;
      return this;
    }

    Call accept(String type) {
      accept = type;
      return this;
    }

    Call authorization(String header) {
      authorization = header;
      return this;
    }

    Call unsigned() {
      signed = false;
      return this;
    }

    Call withoutQueryInSignature() {
      signQuery = false;
      return this;
    }

    Call credentials(String consumerKey, String consumerSecret) {
      key = consumerKey;
      secret = consumerSecret;
      return this;
    }

    Call nonce(String n) {
      nonce = n;
      return this;
    }

    Call timestamp(long seconds) {
      timestamp = seconds;
      return this;
    }

    /** Signs for another URL than the one called. */
    Call signedFor(String url) {
      signedUrlOverride = url;
      return this;
    }

    String url() {
      return server.baseUrl() + prefix + pathAndQuery;
    }

    Reply send() {
      URI uri = URI.create(url());
      java.net.http.HttpRequest.Builder request =
          java.net.http.HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(30))
              .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
      if (body != null && contentType != null) {
        request.header("Content-Type", contentType);
      }
      if (accept != null) {
        request.header("Accept", accept);
      }
      String header = authorization;
      if (header == null && signed) {
        URI signedUri = signedUrlOverride == null ? uri : URI.create(signedUrlOverride);
        long ts = timestamp != null ? timestamp : clock.instant().getEpochSecond();
        header = IndependentSigner.header(method, signedUri, key, secret, nonce, ts, signQuery);
      }
      if (header != null) {
        request.header("Authorization", header);
      }
      try {
        java.net.http.HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  record Reply(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }

    String errorType() {
      return json().path("errorType").asText();
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }
}
