package org.rnnkit.core;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.inputs.InputType;

/** Builds the text table that {@link RnnModel#summary()} returns. */
final class ModelSummary {
    private final List<String[]> rows = new ArrayList<>();
    private long total;

    ModelSummary row(String name, Object layerConfig, InputType output, long params) {
        rows.add(new String[] {name, describe(layerConfig), shape(output), String.format("%,d", params)});
        total += params;
        return this;
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
        String name = config.getClass().getSimpleName();
        if (config instanceof org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer w) {
            return name + "(" + describe(w.getUnderlying()) + ")";
        }
        if (config instanceof org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional b) {
            return name + "(" + describe(b.getFwd()) + ", " + b.getMode() + ")";
        }
        return name;
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
