package org.spotlerconnector.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectorProcessTest {

  @Test
  void reads_the_resident_high_water_mark_from_proc_status() {
    String status = String.join("\n",
        "Name:\tjava",
        "VmPeak:\t 9032472 kB",
        "VmHWM:\t  403712 kB",
        "VmRSS:\t  398000 kB",
        "");

    assertThat(ConnectorProcess.residentHighWaterMark(status)).hasValue(403_712L * 1024);
  }

  @Test
  void a_status_without_the_high_water_mark_gives_none() {
    assertThat(ConnectorProcess.residentHighWaterMark("Name:\tjava\nState:\tZ (zombie)\n")).isEmpty();
  }
}
