package org.sahaya.loadtest.city;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The load tool names each demo unit's fleet as the node's demo city does. */
class DemoKeysTest {

    @Test
    void demoUnitsGoRoundTheThreeFleetsByNumber() {
        assertThat(DemoKeys.fleetKey("AMB-001")).isEqualTo("demo-key-FLEET-1");
        assertThat(DemoKeys.fleetKey("AMB-002")).isEqualTo("demo-key-FLEET-2");
        assertThat(DemoKeys.fleetKey("AMB-003")).isEqualTo("demo-key-FLEET-3");
        assertThat(DemoKeys.fleetKey("AMB-044")).isEqualTo("demo-key-FLEET-2");
    }

    @Test
    void aHospitalsKeyNamesTheHospital() {
        assertThat(DemoKeys.hospitalKey("H-07")).isEqualTo("demo-key-H-07");
    }
}
