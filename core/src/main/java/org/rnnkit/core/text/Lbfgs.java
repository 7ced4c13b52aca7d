package org.rnnkit.core.text;

/**
 * Limited-memory BFGS for a smooth convex objective of a few hundred thousand doubles: deterministic, needs no
 * learning rate, and converges on a full-batch objective in tens to hundreds of iterations. Backtracking line
 * search with the Armijo condition; memory of {@value #MEMORY} steps.
 */
final class Lbfgs {
    private static final int MEMORY = 10;

    /** An objective: writes the gradient at {@code x} into {@code gradient} and returns the value there. */
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    private Lbfgs() {
    }

    /**
     * Minimises {@code f} from {@code x} (updated in place) until the gradient's largest component is below
     * {@code tolerance} times max(1, |f|), the value stops moving, or {@code maxIterations} have run.
     */
    static void minimise(Objective f, double[] x, int maxIterations, double tolerance) {
        int n = x.length;
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        double[] g = new double[n];
        double value = f.evaluate(x, g);
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int stored = 0;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (maxAbs(g) <= tolerance * Math.max(1, Math.abs(value))) {
                return;
            }
            // Two-loop recursion: d = -H g.
            double[] d = g.clone();
            for (int k = stored - 1; k >= 0; k--) {
                alpha[k] = rho[k] * dot(s[k], d);
                axpy(-alpha[k], y[k], d);
            }
            double scale = stored == 0 ? 1 / Math.max(1e-12, Math.sqrt(dot(g, g)))
                    : dot(s[stored - 1], y[stored - 1]) / dot(y[stored - 1], y[stored - 1]);
            for (int i = 0; i < n; i++) {
                d[i] *= -scale;
            }
            for (int k = 0; k < stored; k++) {
                double beta = rho[k] * dot(y[k], d);
                axpy(-(alpha[k] + beta), s[k], d);
            }
            double slope = dot(g, d);
            if (slope >= 0) { // not a descent direction (rounding): restart from steepest descent
                stored = 0;
                continue;
            }
            double step = 1;
            double next;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                next = f.evaluate(xNew, gNew);
                if (next <= value + 1e-4 * step * slope || step < 1e-10) {
                    break;
                }
                step /= 2;
            }
            double[] sk = new double[n];
            double[] yk = new double[n];
            for (int i = 0; i < n; i++) {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }
            double sy = dot(sk, yk);
            boolean stalled = Math.abs(value - next) <= 1e-12 * Math.max(1, Math.abs(value));
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            value = next;
            if (stalled) {
                return;
            }
            if (sy > 1e-12) { // keep only pairs that preserve a positive-definite estimate
                if (stored == MEMORY) {
                    System.arraycopy(s, 1, s, 0, MEMORY - 1);
                    System.arraycopy(y, 1, y, 0, MEMORY - 1);
                    System.arraycopy(rho, 1, rho, 0, MEMORY - 1);
                    stored--;
                }
                s[stored] = sk;
                y[stored] = yk;
                rho[stored] = 1 / sy;
                stored++;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double maxAbs(double[] a) {
        double max = 0;
        for (double v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
