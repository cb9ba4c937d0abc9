package org.spotlerconnector.sandbox.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataverseAuthConformanceTest extends DataverseHttpTest {

  @Test
  @DisplayName("dataverse-api.md §1, §10.1.1: a request without a bearer token is refused with 401 and a Bearer challenge")
  void refuses_a_request_without_a_token() {
    Reply reply = call("GET", "contacts").withoutToken().send();

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer ").contains("resource_id=" + server.baseUrl());
    assertThat(reply.json().path("error").has("message")).isTrue();
  }

  @Test
  @DisplayName("dataverse-api.md §1.1: tokens last about an hour; an expired token is refused with 401")
  void refuses_an_expired_token() {
    clock.advance(Duration.ofHours(1).plusSeconds(1));

    Reply reply = get("WhoAmI");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  @DisplayName("dataverse-api.md §1.1: a token must be for the scope <environment-url>/.default; another audience is 401")
  void refuses_a_token_for_another_environment() {
    String other = tokens.issue(TENANT, CLIENT_ID, "https://other.crm4.dynamics.com").value();

    assertThat(call("GET", "WhoAmI").bearer(other).send().status()).isEqualTo(401);
    assertThat(call("GET", "WhoAmI").bearer("not-a-token").send().status()).isEqualTo(401);
  }

  @Test
  @DisplayName("dataverse-api.md §1.1: the audience is compared without a trailing slash")
  void accepts_an_audience_with_a_trailing_slash() {
    String withSlash = tokens.issue(TENANT, CLIENT_ID, server.baseUrl() + "/").value();

    assertThat(call("GET", "WhoAmI").bearer(withSlash).send().status()).isEqualTo(200);
  }

  @Test
  @DisplayName("dataverse-api.md §2.1: WhoAmI answers BusinessUnitId, UserId and OrganizationId; one user per client id")
  void who_am_i_names_the_application_user() {
    Reply first = get("WhoAmI");
    Reply second = get("WhoAmI");
    String otherClient = tokens.issue(TENANT, "another-app", server.baseUrl()).value();
    Reply other = call("GET", "WhoAmI").bearer(otherClient).send();

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().fieldNames()).toIterable().contains("BusinessUnitId", "UserId", "OrganizationId");
    assertThat(second.json().path("UserId")).isEqualTo(first.json().path("UserId"));
    assertThat(other.json().path("UserId")).isNotEqualTo(first.json().path("UserId"));
    Reply user = get("systemusers(" + first.json().path("UserId").asText() + ")?$select=fullname,applicationid");
    assertThat(user.json().path("fullname").asText()).isEqualTo("# " + CLIENT_ID);
    assertThat(user.json().path("applicationid").asText()).isEqualTo(CLIENT_ID);
  }

  @Test
  @DisplayName("dataverse-api.md §2.1: answers carry OData-Version 4.0 and application/json; odata.metadata=minimal")
  void answers_carry_the_odata_headers() {
    for (Reply reply : new Reply[] {get(""), get("contacts"), get("nothing-here"), call("GET", "WhoAmI").withoutToken().send()}) {
      assertThat(reply.header("OData-Version")).isEqualTo("4.0");
      assertThat(reply.header("Content-Type")).startsWith("application/json; odata.metadata=minimal");
    }
  }

  @Test
  @DisplayName("dataverse-api.md §2.3: the service document lists the entity sets")
  void service_document_lists_entity_sets() {
    Reply reply = get("");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("@odata.context").asText()).isEqualTo(root() + "/$metadata");
    assertThat(reply.value().findValuesAsText("name")).contains("contacts", "leads", "accounts", "systemusers");
    assertThat(reply.value().get(0).path("kind").asText()).isEqualTo("EntitySet");
    assertThat(reply.value().get(0).path("url").asText()).isEqualTo(reply.value().get(0).path("name").asText());
  }

  @Test
  @DisplayName("dataverse-api.md §3: $metadata marks change-tracked entity sets with the ChangeTracking annotation")
  void metadata_document_has_the_change_tracking_annotation() {
    Reply reply = get("$metadata");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .contains("<EntitySet Name=\"contacts\" EntityType=\"Microsoft.Dynamics.CRM.contact\">")
        .contains("<Annotation Term=\"Org.OData.Capabilities.V1.ChangeTracking\"><Record><PropertyValue Property=\"Supported\" Bool=\"true\" />");
  }

  @Test
  @DisplayName("dataverse-api.md §2.2: an unknown entity set is 404 'Resource not found for the segment'")
  void unknown_entity_set_is_404() {
    Reply reply = get("contactz");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorMessage()).isEqualTo("Resource not found for the segment 'contactz'.");
  }
}
