package org.spotlerconnector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code sync.permissions} section of the configuration. */
class PermissionsSyncConfigTest {
  private static final String MINIMAL =
      """
      dataverse:
        url: https://contoso.crm4.dynamics.com/
        tenant: contoso.onmicrosoft.com
        clientId: 11111111-2222-3333-4444-555555555555
        clientSecret: dv-secret
      spotler:
        consumerKey: key
        consumerSecret: spotler-secret
      """;

  private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);

  @Test
  void refreshes_the_permission_list_daily_by_default() {
    PermissionsSyncConfig permissions = loader.load("connector.yml", MINIMAL).sync().permissions();

    assertThat(permissions.refreshEvery()).isEqualTo(Duration.ofHours(24));
    assertThat(permissions.refreshes()).isTrue();
  }

  @Test
  void reads_the_interval_and_off() {
    assertThat(load("refreshEvery: 6h").refreshEvery()).isEqualTo(Duration.ofHours(6));
    assertThat(load("refreshEvery: off").refreshes()).isFalse();
  }

  @Test
  void names_the_key_when_it_is_wrong_or_unknown() {
    assertThatThrownBy(() -> load("refreshEvery: daily"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("refreshEvery").hasMessageContaining("or off");
    assertThatThrownBy(() -> load("refresh: 24h"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("refresh");
  }

  private PermissionsSyncConfig load(String setting) {
    return loader.load("connector.yml", MINIMAL + "sync:\n  permissions:\n    " + setting + "\n").sync().permissions();
  }
}
