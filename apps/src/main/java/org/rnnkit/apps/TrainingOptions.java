package org.rnnkit.apps;

import picocli.CommandLine.Option;

/**
 * Training-loop options every training demo shares ({@code @Mixin TrainingOptions training}). They carry no
 * defaults of their own: each command supplies its defaults through a picocli default-value provider, so the
 * values shown by {@code --help} are the ones that command's library code uses.
 */
public final class TrainingOptions {

    @Option(names = "--epochs", paramLabel = "N",
            description = "Most passes over the training data; early stopping usually ends sooner (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--batch", paramLabel = "N", description = "Examples per batch (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate of Adam (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--patience", paramLabel = "N",
            description = "Stop after N epochs without a better validation loss; the best epoch's weights are kept "
                    + "(default: ${DEFAULT-VALUE}).")
    private int patience;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of weights, dropout, batch order and data splits (default: ${DEFAULT-VALUE}).")
    private long seed;

    public int epochs() {
        return epochs;
    }

    public int batch() {
        return batch;
    }

    public double learningRate() {
        return learningRate;
    }

    public int patience() {
        return patience;
    }

    public long seed() {
        return seed;
    }
}
