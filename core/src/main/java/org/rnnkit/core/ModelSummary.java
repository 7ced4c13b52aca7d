package org.rnnkit.core;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;

/**
 * Builds the text table that {@link RnnModel#summary()} returns. A declared {@code dropout(rate)} compiles to
 * input dropout of the next DL4J layer, so it is shown as a row of its own before that layer, as declared.
 */
final class ModelSummary {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean chain;
    private InputType previous;
    private long total;

    /** For a graph: a layer's input is not the previous row's output. */
    ModelSummary() {
        this.chain = false;
    }

    /** For a chain of layers reading {@code input}. */
    ModelSummary(InputType input) {
        this.chain = true;
        this.previous = input;
    }

    ModelSummary row(String name, Object layerConfig, InputType output, long params) {
        IDropout perturbation = inputPerturbation(layerConfig);
        if (perturbation != null) {
            rows.add(new String[] {"", describe(perturbation), chain ? shape(previous) : "-", "0"});
        }
        InputType out = corrected(layerConfig, output);
        rows.add(new String[] {name, describe(layerConfig), shape(out), String.format("%,d", params)});
        total += params;
        previous = out;
        return this;
    }

    /** The dropout or noise applied to a layer's input, looking inside wrappers (both directions share one). */
    private static IDropout inputPerturbation(Object config) {
        if (config instanceof BaseWrapperLayer w) {
            return inputPerturbation(w.getUnderlying());
        }
        if (config instanceof Bidirectional b) {
            return inputPerturbation(b.getFwd());
        }
        return config instanceof Layer l ? l.getIDropout() : null;
    }

    long totalParams() {
        return total;
    }

    @Override
    public String toString() {
        String[] header = {"layer", "type", "output shape", "params"};
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, width);
        out.append("-".repeat(width[0] + width[1] + width[2] + width[3] + 6)).append('\n');
        rows.forEach(r -> line(out, r, width));
        out.append(String.format("total parameters: %,d%n", total));
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        out.append(String.format("%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %" + width[3] + "s%n",
                (Object[]) cells));
    }

    private static String describe(Object config) {
        if (config == null) {
            return "-";
        }
        if (config instanceof Dropout d && d.getPSchedule() == null) {
            return "dropout(" + Math.round((1 - d.getP()) * 1e9) / 1e9 + ")"; // DL4J keeps the retain probability
        }
        if (config instanceof GlobalPoolingLayer p) {
            return "GlobalPoolingLayer(" + p.getPoolingType() + ")";
        }
        String name = config.getClass().getSimpleName();
        if (config instanceof org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer w) {
            return name + "(" + describe(w.getUnderlying()) + ")";
        }
        if (config instanceof org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional b) {
            return name + "(" + describe(b.getFwd()) + ", " + b.getMode() + ")";
        }
        return name;
    }

    /** DL4J 1.0.0-M2.1 reports a sequence-collapsing pooling layer's output as its recurrent input type. */
    private static InputType corrected(Object config, InputType type) {
        if (config instanceof GlobalPoolingLayer p && p.isCollapseDimensions() && type instanceof InputType.InputTypeRecurrent r) {
            return InputType.feedForward(r.getSize());
        }
        return type;
    }

    private static String shape(InputType type) {
        if (type instanceof InputType.InputTypeRecurrent r) {
            return "[batch, " + r.getSize() + ", time]";
        }
        if (type instanceof InputType.InputTypeFeedForward f) {
            return "[batch, " + f.getSize() + "]";
        }
        return String.valueOf(type);
    }
}
