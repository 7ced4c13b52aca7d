package org.rnnkit.core.benchmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class GridEstimateTest {
    @Test
    void lineThroughTwoTimings() {
        // 2 ms + 1 µs per unit: 1,000 units cost 3 ms, 4,000 units 6 ms.
        assertArrayEquals(new double[] {2e-3, 1e-6}, GridEstimate.costModel(new double[] {1000, 3e-3}, new double[] {4000, 6e-3}), 1e-15);
    }

    @Test
    void longerRunTimedCheaperFallsBackToTheDearerRate() {
        // Noise made 4,000 units cheaper than 1,000: no positive slope, so cost ∝ units at 1,000's rate (3e-6 per unit).
        assertArrayEquals(new double[] {0, 3e-6}, GridEstimate.costModel(new double[] {1000, 3e-3}, new double[] {4000, 2e-3}), 1e-15);
    }

    @Test
    void negativeInterceptIsDropped() {
        // Slope 2e-6 per unit, line crossing zero at 500 units: cost taken as 2e-6 per unit from 0.
        assertArrayEquals(new double[] {0, 2e-6}, GridEstimate.costModel(new double[] {1000, 1e-3}, new double[] {4000, 7e-3}), 1e-15);
    }
}
