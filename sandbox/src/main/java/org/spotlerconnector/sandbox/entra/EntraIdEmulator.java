package org.spotlerconnector.sandbox.entra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spotlerconnector.sandbox.http.Emulator;
import org.spotlerconnector.sandbox.http.HttpRequest;
import org.spotlerconnector.sandbox.http.HttpResponse;
import org.spotlerconnector.sandbox.http.Json;

/**
 * The Microsoft Entra ID token endpoint, client-credentials grant only: {@code POST /{tenant}/oauth2/v2.0/token}
 * with a form body (dataverse-api.md §1.1). Answers {@code {token_type, expires_in, ext_expires_in, access_token}} and
 * the documented error JSON ({@code error}, {@code error_description} starting with the AADSTS code,
 * {@code error_codes}, {@code timestamp}, {@code trace_id}, {@code correlation_id}).
 */
public final class EntraIdEmulator implements Emulator {
  private static final Pattern TOKEN_PATH = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token$");
  private static final Pattern DISCOVERY_PATH =
      Pattern.compile("^/([^/]+)/v2\\.0/\\.well-known/openid-configuration$");

  private static final Set<String> RESERVED_SCOPES = Set.of("openid", "profile", "offline_access");

  private final AccessTokens tokens;
  private final Map<String, Map<String, String>> secretsByTenant = new ConcurrentHashMap<>();

  public EntraIdEmulator(AccessTokens tokens) {
    this.tokens = tokens;
  }

  /** Registers an application (client id and secret) in a tenant, as an app registration does. */
  public EntraIdEmulator register(String tenant, String clientId, String clientSecret) {
    secretsByTenant.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(clientId, clientSecret);
    return this;
  }

  @Override
  public String name() {
    return "entra";
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    Matcher token = TOKEN_PATH.matcher(request.path());
    if (token.matches()) {
      if (!request.method().equals("POST")) {
        return error(405, "invalid_request", 900561, "The endpoint only accepts POST requests.");
      }
      return token(token.group(1), request);
    }
    Matcher discovery = DISCOVERY_PATH.matcher(request.path());
    if (discovery.matches() && request.method().equals("GET")) {
      return discovery(discovery.group(1), request);
    }
    return HttpResponse.text(404, "text/plain", "Not Found");
  }

  private HttpResponse token(String tenant, HttpRequest request) {
    String contentType = request.header("Content-Type").orElse("");
    if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      return error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
    }
    Map<String, String> form = form(request.bodyText());
    Map<String, String> clients = secretsByTenant.get(tenant);
    if (clients == null) {
      return error(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
    }
    String grantType = form.get("grant_type");
    if (grantType == null) {
      return error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
    }
    if (!grantType.equals("client_credentials")) {
      return error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '" + grantType + "'.");
    }
    String clientId = form.get("client_id");
    if (clientId == null) {
      return error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
    }
    String expectedSecret = clients.get(clientId);
    if (expectedSecret == null) {
      return error(400, "unauthorized_client", 700016, "Application with identifier '" + clientId + "' was not found in the directory '" + tenant + "'.");
    }
    String secret = form.get("client_secret");
    if (secret == null) {
      return error(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
    if (!secret.equals(expectedSecret)) {
      return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + clientId + "'.");
    }
    String scope = form.get("scope");
    if (scope == null || scope.isBlank()) {
      return error(400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.");
    }
    // MSAL adds the reserved OpenID Connect scopes to every request; Entra ID ignores them for client credentials.
    List<String> resourceScopes =
        Arrays.stream(scope.trim().split("\\s+")).filter(s -> !RESERVED_SCOPES.contains(s)).toList();
    if (resourceScopes.size() != 1 || !resourceScopes.get(0).endsWith("/.default")) {
      return error(400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
    }
    String resource = resourceScopes.get(0).substring(0, resourceScopes.get(0).length() - "/.default".length());
    AccessTokens.IssuedToken issued = tokens.issue(tenant, clientId, resource);
    long expiresIn = Math.max(0, Duration.between(tokens.clock().instant(), issued.expiresAt()).getSeconds());
    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    body.put("expires_in", expiresIn);
    body.put("ext_expires_in", expiresIn);
    body.put("access_token", issued.value());
    return HttpResponse.json(200, body).header("Cache-Control", "no-store, no-cache");
  }

  private HttpResponse discovery(String tenant, HttpRequest request) {
    String base = "http://" + request.header("Host").orElse("127.0.0.1") + "/" + tenant;
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("token_endpoint", base + "/oauth2/v2.0/token");
    doc.put("issuer", base + "/v2.0");
    doc.put("grant_types_supported", List.of("client_credentials"));
    doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post"));
    return HttpResponse.json(200, doc);
  }

  private HttpResponse error(int status, String error, int code, String description) {
    String traceId = UUID.randomUUID().toString();
    String correlationId = UUID.randomUUID().toString();
    String timestamp = DateTimeFormatter.ISO_INSTANT.format(tokens.clock().instant());
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put(
        "error_description",
        "AADSTS" + code + ": " + description + " Trace ID: " + traceId + " Correlation ID: " + correlationId
            + " Timestamp: " + timestamp.replace('T', ' '));
    body.putArray("error_codes").add(code);
    body.put("timestamp", timestamp.replace('T', ' '));
    body.put("trace_id", traceId);
    body.put("correlation_id", correlationId);
    body.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
    return HttpResponse.json(status, body);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = HttpRequest.decode(eq < 0 ? pair : pair.substring(0, eq), true);
      result.putIfAbsent(name, eq < 0 ? "" : HttpRequest.decode(pair.substring(eq + 1), true));
    }
    return result;
  }

  @Override
  public Optional<HttpResponse> inspect(HttpRequest request) {
    if (request.path().equals("/_sandbox/token-lifetime") && request.method().equals("PUT")) {
      long seconds = request.bodyJson().path("seconds").asLong(3600);
      tokens.lifetime(Duration.ofSeconds(seconds));
      return Optional.of(HttpResponse.json(200, Map.of("seconds", seconds)));
    }
    if (request.path().equals("/_sandbox/revoke-tokens") && request.method().equals("POST")) {
      tokens.revokeAll();
      return Optional.of(HttpResponse.empty(204));
    }
    return Optional.empty();
  }

  @Override
  public HttpResponse faultResponse(int status, Integer retryAfterSeconds) {
    HttpResponse response =
        error(status, status == 429 ? "temporarily_unavailable" : "server_error", 50196, "The server is temporarily unable to service the request.");
    if (retryAfterSeconds != null) {
      response.header("Retry-After", String.valueOf(retryAfterSeconds));
    }
    return response;
  }

  @Override
  public HttpResponse errorResponse(Throwable error) {
    if (error instanceof HttpRequest.MalformedJsonException) {
      return error(400, "invalid_request", 900144, error.getMessage());
    }
    return error(500, "server_error", 50000, "There was an error issuing a token.");
  }
}
