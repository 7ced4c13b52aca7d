package org.rnnkit.core.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.rnnkit.core.spec.CompileContext;
import org.rnnkit.core.spec.InputSpec;
import org.rnnkit.core.spec.LayerSpec;
import org.rnnkit.core.spec.ModelSpec;
import org.rnnkit.core.spec.Optimizer;
import org.rnnkit.core.spec.Shape;
import org.rnnkit.core.spec.SpecException;

/** Compiles a {@link ModelSpec} to a DL4J {@link MultiLayerConfiguration}; the only place that does. */
public final class NetworkCompiler {

    private NetworkCompiler() {
    }

    /** The DL4J configuration of {@code spec}, with parameters of the given precision. */
    public static MultiLayerConfiguration configuration(ModelSpec spec, DataType dataType) {
        List<Layer> layers = new ArrayList<>();
        Context context = new Context(spec, layers);
        for (LayerSpec layer : spec.layers()) {
            layer.compile(context);
            context.shape = layer.outputShape(context.shape);
        }
        NeuralNetConfiguration.ListBuilder list = base(spec.optimizer(), spec.seed(), dataType).list();
        for (int i = 0; i < layers.size(); i++) {
            list.layer(i, layers.get(i));
        }
        list.setInputType(spec.input().inputType());
        if (spec.tbpttLength() > 0) {
            list.backpropType(BackpropType.TruncatedBPTT)
                    .tBPTTForwardLength(spec.tbpttLength())
                    .tBPTTBackwardLength(spec.tbpttLength());
        }
        try {
            return list.build();
        } catch (RuntimeException e) {
            throw new SpecException("DL4J rejected the compiled model: " + e.getMessage());
        }
    }

    /** Global settings shared by sequential and encoder-decoder networks. */
    public static NeuralNetConfiguration.Builder base(Optimizer optimizer, long seed, DataType dataType) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .weightInit(WeightInit.XAVIER)
                .updater(optimizer.updater());
        if (optimizer.l2() > 0) {
            builder.l2(optimizer.l2());
        }
        if (optimizer.clipNorm() > 0) {
            builder.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                    .gradientNormalizationThreshold(optimizer.clipNorm());
        } else if (optimizer.clipValue() > 0) {
            builder.gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                    .gradientNormalizationThreshold(optimizer.clipValue());
        }
        return builder;
    }

    /** Input dropout on a layer; wrappers pass it to the layers that actually read the input. */
    private static void setInputDropout(Layer layer, IDropout dropout) {
        if (layer instanceof Bidirectional bidirectional) {
            bidirectional.getFwd().setIDropout(dropout);
            bidirectional.getBwd().setIDropout(dropout.clone());
        } else if (layer instanceof BaseWrapperLayer wrapper) {
            setInputDropout(wrapper.getUnderlying(), dropout);
        } else {
            layer.setIDropout(dropout);
        }
    }

    private static final class Context implements CompileContext {
        private final ModelSpec spec;
        private final List<Layer> layers;
        private Shape shape = Shape.SEQUENCE;
        private IDropout pending;

        Context(ModelSpec spec, List<Layer> layers) {
            this.spec = spec;
            this.layers = layers;
        }

        @Override
        public InputSpec input() {
            return spec.input();
        }

        @Override
        public Shape shape() {
            return shape;
        }

        @Override
        public long seed() {
            return spec.seed();
        }

        @Override
        public void add(Layer layer) {
            if (pending != null) {
                setInputDropout(layer, pending);
                pending = null;
            }
            layers.add(layer);
        }

        @Override
        public void perturbNextInput(IDropout perturbation) {
            SpecException.require(pending == null,
                    "two dropout or noise layers in a row (%s, then %s): use one", pending, perturbation);
            pending = perturbation;
        }

        @Override
        public void replaceLast(UnaryOperator<Layer> wrapper) {
            SpecException.require(!layers.isEmpty(), "nothing to wrap: no layer was added yet");
            layers.set(layers.size() - 1, wrapper.apply(layers.get(layers.size() - 1)));
        }

        @Override
        public Layer last() {
            return layers.isEmpty() ? null : layers.get(layers.size() - 1);
        }
    }
}
