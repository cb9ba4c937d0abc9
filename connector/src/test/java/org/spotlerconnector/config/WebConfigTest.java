package org.spotlerconnector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code web} section of the configuration. */
class WebConfigTest {
  private static final String KEY = "k3y-Value-long-and-random";
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

  private final ConfigLoader loader = new ConfigLoader(Map.of("WEBHOOK_KEY", KEY)::get);

  @Test
  void is_off_on_the_loopback_address_and_port_7400_by_default() {
    WebConfig web = loader.load("connector.yml", MINIMAL).web();

    assertThat(web).isEqualTo(WebConfig.DEFAULT);
    assertThat(web.enabled()).isFalse();
    assertThat(web.host()).isEqualTo("127.0.0.1");
    assertThat(web.port()).isEqualTo(7400);
    assertThat(web.webhookKey()).isEmpty();
  }

  @Test
  void reads_every_setting_with_the_key_from_a_placeholder() {
    WebConfig web = loader.load("connector.yml", MINIMAL
        + "web:\n  enabled: true\n  host: 0.0.0.0\n  port: 8080\n  webhookKey: ${WEBHOOK_KEY}\n").web();

    assertThat(web.enabled()).isTrue();
    assertThat(web.host()).isEqualTo("0.0.0.0");
    assertThat(web.port()).isEqualTo(8080);
    assertThat(web.webhookKey().orElseThrow().reveal()).isEqualTo(KEY);
    assertThat(web.toString()).doesNotContain(KEY);
  }

  @Test
  void needs_a_webhook_key_when_enabled_and_a_real_port() {
    assertThatThrownBy(() -> loader.load("connector.yml", MINIMAL + "web:\n  enabled: true\n  port: 70000\n  hots: x\n"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(
            e.problems().stream().map(ConfigProblem::toString).toList())
            .anySatisfy(p -> assertThat(p).contains("web.webhookKey: missing"))
            .anySatisfy(p -> assertThat(p).contains("web.port"))
            .anySatisfy(p -> assertThat(p).contains("web.hots")));
  }

  @Test
  void never_shows_the_key_in_a_problem() {
    List<String> problems = List.of();
    try {
      loader.load("connector.yml", MINIMAL + "web:\n  enabled: maybe\n  webhookKey: ${WEBHOOK_KEY}\n");
    } catch (ConfigException e) {
      problems = e.problems().stream().map(ConfigProblem::toString).toList();
    }
    assertThat(problems).isNotEmpty().noneSatisfy(p -> assertThat(p).contains(KEY));
  }
}
