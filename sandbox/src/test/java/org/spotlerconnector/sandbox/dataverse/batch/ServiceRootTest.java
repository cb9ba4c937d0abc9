package org.spotlerconnector.sandbox.dataverse.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.spotlerconnector.sandbox.http.HttpRequest;

class ServiceRootTest {
  private final ServiceRoot root = new ServiceRoot("http://127.0.0.1:7402/api/data/v9.2/");

  @Test
  void knows_its_url_and_path_without_trailing_slash() {
    assertThat(root.url()).isEqualTo("http://127.0.0.1:7402/api/data/v9.2");
    assertThat(root.path()).isEqualTo("/api/data/v9.2");
  }

  @Test
  @DisplayName("dataverse-api.md §2.7: the request line may use a relative or an absolute URL")
  void turns_every_target_form_into_a_server_relative_request() {
    assertThat(path("/api/data/v9.2/tasks")).isEqualTo("/api/data/v9.2/tasks");
    assertThat(path("https://org.crm4.dynamics.com/api/data/v9.2/leads")).isEqualTo("/api/data/v9.2/leads");
    assertThat(path("contacts(1)/lastname")).isEqualTo("/api/data/v9.2/contacts(1)/lastname");
  }

  @Test
  void keeps_the_query_raw() {
    HttpRequest request = root.request("GET", "contacts?$select=fullname&$filter=lastname%20eq%20'x'", Map.of(),
        new byte[0]);

    assertThat(request.rawQuery()).isEqualTo("$select=fullname&$filter=lastname%20eq%20'x'");
    assertThat(request.queryParameter("$filter")).contains("lastname eq 'x'");
  }

  @Test
  void does_not_take_a_url_inside_the_query_for_an_absolute_target() {
    assertThat(path("contacts?$filter=websiteurl eq 'http://x'")).isEqualTo("/api/data/v9.2/contacts");
  }

  @Test
  void expresses_an_entity_url_relative_to_the_service_root() {
    assertThat(root.serviceRelative("http://127.0.0.1:7402/api/data/v9.2/contacts(1)")).isEqualTo("contacts(1)");
    assertThat(root.serviceRelative("/api/data/v9.2/contacts(1)")).isEqualTo("contacts(1)");
    assertThat(root.serviceRelative("contacts(1)")).isEqualTo("contacts(1)");
  }

  private String path(String target) {
    return root.request("GET", target, Map.of("Accept", List.of("application/json")), new byte[0]).rawPath();
  }
}
