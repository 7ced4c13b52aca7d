package org.rnnkit.core.spec;

import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;

/** How a bidirectional layer combines its forward and backward outputs. */
public enum Merge {
    CONCAT(Bidirectional.Mode.CONCAT),
    ADD(Bidirectional.Mode.ADD),
    MUL(Bidirectional.Mode.MUL),
    AVERAGE(Bidirectional.Mode.AVERAGE);

    private final Bidirectional.Mode mode;

    Merge(Bidirectional.Mode mode) {
        this.mode = mode;
    }

    /** The equivalent DL4J mode. */
    public Bidirectional.Mode mode() {
        return mode;
    }
}
