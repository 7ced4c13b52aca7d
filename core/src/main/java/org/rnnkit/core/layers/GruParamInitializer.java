package org.rnnkit.core.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters of a {@link GRU}: {@code W [nIn, 3H]}, {@code RW [H, 3H]}, {@code b [1, 6H]} (resetAfter) or
 * {@code [1, 3H]}, stored in that order in the flat parameter vector, matrices in 'f' order like DL4J's LSTM.
 */
public final class GruParamInitializer implements ParamInitializer {

    public static final String INPUT_WEIGHT_KEY = "W";
    public static final String RECURRENT_WEIGHT_KEY = "RW";
    public static final String BIAS_KEY = "b";

    private static final GruParamInitializer INSTANCE = new GruParamInitializer();
    private static final List<String> KEYS = List.of(INPUT_WEIGHT_KEY, RECURRENT_WEIGHT_KEY, BIAS_KEY);
    private static final List<String> WEIGHT_KEYS = List.of(INPUT_WEIGHT_KEY, RECURRENT_WEIGHT_KEY);
    private static final List<String> BIAS_KEYS = List.of(BIAS_KEY);

    public static GruParamInitializer getInstance() {
        return INSTANCE;
    }

    /** Bias length: 6H with resetAfter (input and recurrent biases), else 3H. */
    public static long biasLength(GRU layer) {
        return (layer.isResetAfter() ? 6 : 3) * layer.getNOut();
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        GRU g = (GRU) layer;
        long h = g.getNOut();
        return g.getNIn() * 3 * h + h * 3 * h + biasLength(g);
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return KEYS;
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return WEIGHT_KEYS;
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return BIAS_KEYS;
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHT_KEYS.contains(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS_KEY.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        GRU g = (GRU) conf.getLayer();
        INDArray[] flat = split(g, paramsView);
        long nIn = g.getNIn();
        long h = g.getNOut();
        Map<String, INDArray> out = new LinkedHashMap<>();
        if (initializeParams) {
            IWeightInit in = g.getWeightInitFn();
            IWeightInit rec = g.getWeightInitFnRecurrent() != null ? g.getWeightInitFnRecurrent() : in;
            out.put(INPUT_WEIGHT_KEY, in.init(nIn, 3 * h, new long[] {nIn, 3 * h},
                    IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, flat[0]));
            out.put(RECURRENT_WEIGHT_KEY, rec.init(h, 3 * h, new long[] {h, 3 * h},
                    IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, flat[1]));
            flat[2].assign(g.getBiasInit());
        } else {
            out.put(INPUT_WEIGHT_KEY, flat[0].reshape('f', nIn, 3 * h));
            out.put(RECURRENT_WEIGHT_KEY, flat[1].reshape('f', h, 3 * h));
        }
        out.put(BIAS_KEY, flat[2].reshape('f', 1, biasLength(g)));
        for (String k : KEYS) {
            conf.addVariable(k);
        }
        return out;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        GRU g = (GRU) conf.getLayer();
        INDArray[] flat = split(g, gradientView);
        long h = g.getNOut();
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(INPUT_WEIGHT_KEY, flat[0].reshape('f', g.getNIn(), 3 * h));
        out.put(RECURRENT_WEIGHT_KEY, flat[1].reshape('f', h, 3 * h));
        out.put(BIAS_KEY, flat[2].reshape('f', 1, biasLength(g)));
        return out;
    }

    private static INDArray[] split(GRU g, INDArray view) {
        long h = g.getNOut();
        long nW = g.getNIn() * 3 * h;
        long nRW = h * 3 * h;
        long nB = biasLength(g);
        if (view.length() != nW + nRW + nB) {
            throw new IllegalStateException("GRU parameter view has length " + view.length() + ", expected "
                    + (nW + nRW + nB));
        }
        INDArray v = view.reshape(view.length());
        return new INDArray[] {
            v.get(NDArrayIndex.interval(0, nW)),
            v.get(NDArrayIndex.interval(nW, nW + nRW)),
            v.get(NDArrayIndex.interval(nW + nRW, nW + nRW + nB))
        };
    }
}
