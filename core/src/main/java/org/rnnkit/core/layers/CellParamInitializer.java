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
 * Parameters of a {@link RecurrentCell}: {@code W [nIn, G*H]}, {@code RW [H, G*H]}, {@code b [1, biasLength]},
 * stored in that order in the flat parameter vector, matrices in 'f' order: the layout of DL4J's LSTM and SimpleRnn
 * and of rnnkit's GRU since its first release, so saved models and weight mappings stay valid.
 */
public final class CellParamInitializer implements ParamInitializer {

    public static final String INPUT_WEIGHT_KEY = "W";
    public static final String RECURRENT_WEIGHT_KEY = "RW";
    public static final String BIAS_KEY = "b";

    private static final CellParamInitializer INSTANCE = new CellParamInitializer();
    private static final List<String> KEYS = List.of(INPUT_WEIGHT_KEY, RECURRENT_WEIGHT_KEY, BIAS_KEY);
    private static final List<String> WEIGHT_KEYS = List.of(INPUT_WEIGHT_KEY, RECURRENT_WEIGHT_KEY);
    private static final List<String> BIAS_KEYS = List.of(BIAS_KEY);

    public static CellParamInitializer getInstance() {
        return INSTANCE;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        RecurrentCell c = (RecurrentCell) layer;
        long width = c.gateBlocks() * c.getNOut();
        return c.getNIn() * width + c.getNOut() * width + c.biasLength();
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
        RecurrentCell c = (RecurrentCell) conf.getLayer();
        INDArray[] flat = split(c, paramsView);
        long nIn = c.getNIn();
        long h = c.getNOut();
        long width = c.gateBlocks() * h;
        Map<String, INDArray> out = new LinkedHashMap<>();
        if (initializeParams) {
            IWeightInit in = c.getWeightInitFn();
            IWeightInit rec = c.getWeightInitFnRecurrent() != null ? c.getWeightInitFnRecurrent() : in;
            out.put(INPUT_WEIGHT_KEY, in.init(nIn, width, new long[] {nIn, width},
                    IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, flat[0]));
            out.put(RECURRENT_WEIGHT_KEY, rec.init(h, width, new long[] {h, width},
                    IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, flat[1]));
        } else {
            out.put(INPUT_WEIGHT_KEY, flat[0].reshape('f', nIn, width));
            out.put(RECURRENT_WEIGHT_KEY, flat[1].reshape('f', h, width));
        }
        INDArray bias = flat[2].reshape('f', 1, c.biasLength());
        if (initializeParams) {
            c.initBias(bias);
        }
        out.put(BIAS_KEY, bias);
        for (String k : KEYS) {
            conf.addVariable(k);
        }
        return out;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        RecurrentCell c = (RecurrentCell) conf.getLayer();
        INDArray[] flat = split(c, gradientView);
        long width = c.gateBlocks() * c.getNOut();
        Map<String, INDArray> out = new LinkedHashMap<>();
        out.put(INPUT_WEIGHT_KEY, flat[0].reshape('f', c.getNIn(), width));
        out.put(RECURRENT_WEIGHT_KEY, flat[1].reshape('f', c.getNOut(), width));
        out.put(BIAS_KEY, flat[2].reshape('f', 1, c.biasLength()));
        return out;
    }

    private static INDArray[] split(RecurrentCell c, INDArray view) {
        long width = c.gateBlocks() * c.getNOut();
        long nW = c.getNIn() * width;
        long nRW = c.getNOut() * width;
        long nB = c.biasLength();
        if (view.length() != nW + nRW + nB) {
            throw new IllegalStateException(c.getClass().getSimpleName() + " parameter view has length "
                    + view.length() + ", expected " + (nW + nRW + nB));
        }
        INDArray v = view.reshape(view.length());
        return new INDArray[] {
            v.get(NDArrayIndex.interval(0, nW)),
            v.get(NDArrayIndex.interval(nW, nW + nRW)),
            v.get(NDArrayIndex.interval(nW + nRW, nW + nRW + nB))
        };
    }
}
