package org.spotlerconnector.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotlerconnector.permissions.PermissionsFixture.LIST_VARIABLE;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotlerconnector.permissions.PermissionListRefresh.Outcome;

/**
 * The refresh of {@code spot_permissions} from Spotler over real HTTP: the list of Spotler's permission descriptions
 * goes to the variable's value row, at start-up and on demand, unless its value is {@code ;}.
 */
class PermissionListRefreshTest {
  private static final String SANDBOX_LIST = "Nieuwsbrief;Aanbiedingen;Evenementen;Webinars;";

  @TempDir Path dir;
  private PermissionsFixture fixture;

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void writes_spotlers_permissions_to_a_new_value_row_then_follows_spotler() throws Exception {
    fixture = new PermissionsFixture(dir, 1, 0, "").connect();
    PermissionListRefresh refresh = fixture.connector().permissionListRefresh().orElseThrow();

    assertThat(refresh.refresh()).isEqualTo(Outcome.WRITTEN);
    assertThat(value()).contains(SANDBOX_LIST);

    long mark = fixture.dataverseLog().lastSequence();
    assertThat(refresh.refresh()).isEqualTo(Outcome.UNCHANGED);
    assertThat(fixture.dataverseWrites(mark)).isEmpty();

    fixture.sandbox.mailplus().addSetEntry("permissions", 16, "Podcasts");
    assertThat(refresh.refresh()).isEqualTo(Outcome.WRITTEN);
    assertThat(value()).contains(SANDBOX_LIST + "Podcasts;");
    assertThat(fixture.table(PermissionsFixture.VARIABLE_VALUES).rows()).hasSize(1);
  }

  @Test
  void a_semicolon_switches_the_refresh_off() throws Exception {
    fixture = new PermissionsFixture(dir, 1, 0, "");
    fixture.setVariable(LIST_VARIABLE, ";");
    fixture.connect();
    long mark = fixture.dataverseLog().lastSequence();

    assertThat(fixture.connector().permissionListRefresh().orElseThrow().refresh()).isEqualTo(Outcome.SWITCHED_OFF);

    assertThat(value()).contains(";");
    assertThat(fixture.dataverseWrites(mark)).isEmpty();
  }

  @Test
  void the_connector_refreshes_the_list_when_it_starts() throws Exception {
    fixture = new PermissionsFixture(dir, 1, 0, "permissions:\n  refreshEvery: 24h").connect();

    fixture.connector().start();

    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (value().isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(value()).contains(SANDBOX_LIST);
  }

  @Test
  void off_means_no_scheduled_refresh() throws Exception {
    fixture = new PermissionsFixture(dir, 1, 0, "permissions:\n  refreshEvery: off").connect();

    assertThat(fixture.connector().permissionListRefresh()).isEmpty();
  }

  private Optional<String> value() {
    return fixture.variableValueRow(LIST_VARIABLE).map(row -> row.path("value").asText());
  }
}
