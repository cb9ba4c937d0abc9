package org.spotlerconnector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code sync.lists} section of the configuration. */
class ListsSyncConfigTest {
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

  private ListsSyncConfig lists(String listsYaml) {
    return loader.load("connector.yml", MINIMAL + "sync:\n  lists:\n" + listsYaml.indent(4)).sync().lists();
  }

  @Test
  void refreshes_hourly_and_deletes_the_audience_of_a_removed_list_by_default() {
    ListsSyncConfig lists = loader.load("connector.yml", MINIMAL).sync().lists();

    assertThat(lists).isEqualTo(ListsSyncConfig.DEFAULT);
    assertThat(lists.refreshEvery()).isEqualTo(Duration.ofHours(1));
    assertThat(lists.refreshes()).isTrue();
    assertThat(lists.onRemove()).isEqualTo(AudienceRemoval.DELETE);
  }

  @Test
  void takes_an_interval_or_off_and_keep() {
    assertThat(lists("refreshEvery: 15m\nonRemove: keep\n"))
        .isEqualTo(new ListsSyncConfig(Duration.ofMinutes(15), AudienceRemoval.KEEP));
    assertThat(lists("refreshEvery: off\n").refreshes()).isFalse();
  }

  @Test
  void names_what_it_cannot_use() {
    assertThatThrownBy(() -> lists("onRemove: archive\nrefreshEvery: soon\nrefresh: 1h\n"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .extracting(ConfigProblem::toString)
            .anySatisfy(p -> assertThat(p).contains("sync.lists.onRemove").contains("delete, keep"))
            .anySatisfy(p -> assertThat(p).contains("sync.lists.refreshEvery").contains("or off"))
            .anySatisfy(p -> assertThat(p).contains("sync.lists.refresh").contains("refreshEvery")));
  }
}
