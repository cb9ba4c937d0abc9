package org.spotlerconnector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code jobs} section of the configuration. */
class JobsConfigTest {
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
  void refreshes_automations_twice_a_day_by_default() {
    JobsConfig jobs = loader.load("connector.yml", MINIMAL).jobs();

    assertThat(jobs).isEqualTo(JobsConfig.DEFAULT);
    assertThat(jobs.refreshAutomationsEvery()).isEqualTo(Duration.ofHours(12));
    assertThat(jobs.refreshesAutomations()).isTrue();
  }

  @Test
  void reads_the_refresh_interval() {
    JobsConfig jobs = loader.load("connector.yml", MINIMAL + "jobs:\n  refreshAutomationsEvery: 30m\n").jobs();

    assertThat(jobs.refreshAutomationsEvery()).isEqualTo(Duration.ofMinutes(30));
  }

  @ParameterizedTest
  @ValueSource(strings = {"off", "\"off\"", "0"})
  void off_or_zero_switches_the_scheduled_refresh_off(String value) {
    JobsConfig jobs = loader.load("connector.yml", MINIMAL + "jobs:\n  refreshAutomationsEvery: " + value + "\n").jobs();

    assertThat(jobs.refreshAutomationsEvery()).isZero();
    assertThat(jobs.refreshesAutomations()).isFalse();
  }

  @Test
  void names_the_key_and_how_to_write_it_when_the_interval_is_wrong() {
    assertThatThrownBy(() -> loader.load("connector.yml", MINIMAL + "jobs:\n  refreshAutomationsEvery: twice\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("refreshAutomationsEvery")
        .hasMessageContaining("or off");
  }
}
