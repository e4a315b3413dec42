package eu.interlink.testing.sample;

import eu.interlink.api.Interlinker;

/** Reaches version 0.1.0's test constructor from sample-v2's tests (same package, on the test class path only). */
public final class V1 {
    private V1() {
    }

    public static Interlinker sample() {
        return new SampleInterlinker("0.1.0");
    }
}
