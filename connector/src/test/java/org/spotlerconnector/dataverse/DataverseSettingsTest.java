package org.spotlerconnector.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DataverseSettingsTest {
  private final DataverseSettings.Builder builder = DataverseSettings.builder(
      URI.create("https://contoso.crm4.dynamics.com/"), "contoso.onmicrosoft.com", "client-1", "s3cr3t-value");

  @Test
  void derives_service_root_and_scope_from_the_environment_url() {
    // dataverse-api.md §1.1 (scope <env>/.default) and §2.1 (<env>/api/data/v9.2/)
    DataverseSettings settings = builder.build();

    assertThat(settings.serviceRoot()).hasToString("https://contoso.crm4.dynamics.com/api/data/v9.2/");
    assertThat(settings.scope()).isEqualTo("https://contoso.crm4.dynamics.com/.default");
    assertThat(settings.clientCredentials().tokenEndpoint())
        .hasToString("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
  }

  @Test
  void never_shows_the_secret_in_to_string() {
    DataverseSettings settings = builder.build();

    assertThat(settings.toString()).doesNotContain("s3cr3t-value");
    assertThat(settings.clientCredentials().toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void defaults_follow_the_documented_maximums() {
    DataverseSettings settings = builder.build();

    assertThat(settings.pageSize()).isEqualTo(5_000);
    assertThat(settings.bulkChunkSize()).isEqualTo(1_000);
    assertThat(settings.budget()).isEqualTo(BudgetSettings.DEFAULTS);
  }

  @Test
  void rejects_page_and_chunk_sizes_beyond_the_documented_maximums() {
    assertThatThrownBy(() -> builder.pageSize(5_001).build()).hasMessageContaining("pageSize");
    assertThatThrownBy(() -> builder.pageSize(100).bulkChunkSize(1_001).build()).hasMessageContaining("bulkChunkSize");
    assertThatThrownBy(() -> DataverseSettings.builder(URI.create("contoso"), "t", "c", "s").build())
        .hasMessageContaining("absolute");
  }
}
