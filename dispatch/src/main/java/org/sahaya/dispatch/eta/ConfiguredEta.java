package org.sahaya.dispatch.eta;

import java.util.Map;
import org.sahaya.core.config.EtaSettings;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.eta.AreaClassifier;
import org.sahaya.geo.eta.AreaType;
import org.sahaya.geo.eta.DetourEtaModel;
import org.sahaya.geo.eta.EtaFactors;

/**
 * Builds the node's travel-time model from its {@code SAHAYA_ETA_*} settings. {@code core} reads
 * and checks the numbers but cannot know {@code geo}; this is where the two meet.
 */
public final class ConfiguredEta {

    private ConfiguredEta() {
    }

    public static DetourEtaModel model(EtaSettings s) {
        EtaFactors factors = new EtaFactors(s.detourFactor(),
                Map.of(AreaType.URBAN_CORE, s.urbanCoreKmh(), AreaType.URBAN, s.urbanKmh(), AreaType.SUBURBAN, s.suburbanKmh()),
                s.peakSpeedRatio(), s.peakHours(), s.turnout(), s.zone());
        return new DetourEtaModel(factors,
                AreaClassifier.rings(new GeoPoint(s.centreLat(), s.centreLon()), s.coreRadiusMetres(), s.urbanRadiusMetres()));
    }
}
