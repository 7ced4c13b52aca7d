package org.rnnkit.core.spec;

/** What flows between layers: a sequence (one vector per step) or a single vector per example. */
public enum Shape {
    /** {@code [batch, size, time]}: every step has a vector. */
    SEQUENCE,
    /** {@code [batch, size]}: one vector per example, after {@code lastStep()} or pooling. */
    VECTOR
}
