package com.quantumtrader.core.ml.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.quantumtrader.core.ml.ModelManifest;
import com.quantumtrader.core.ml.ProbabilityModel;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Objects;

/**
 * A model trained elsewhere (scikit-learn, LightGBM, PyTorch ... exported to ONNX), served with ONNX Runtime behind
 * {@link ProbabilityModel}. Everything the sidecar declares is checked when the model is loaded (input name, element
 * type and width; output name and the probability's column; a probe inference), so a model that does not match its
 * spec is refused at load, never at the first signal. ONNX Runtime sessions are safe to run from many threads.
 */
public final class OnnxProbabilityModel implements ProbabilityModel, AutoCloseable {

    private final ModelManifest manifest;
    private final OnnxSidecar sidecar;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean doubleInput;
    private final int width;

    private OnnxProbabilityModel(ModelManifest manifest, OnnxSidecar sidecar, OrtEnvironment environment,
            OrtSession session, boolean doubleInput) {
        this.manifest = manifest;
        this.sidecar = sidecar;
        this.environment = environment;
        this.session = session;
        this.doubleInput = doubleInput;
        this.width = sidecar.featureSpec().features().size();
    }

    /** Loads a registered ONNX model; its manifest's provenance carries the sidecar ({@link OnnxProvenance}). */
    public static OnnxProbabilityModel load(ModelManifest manifest, byte[] onnx) {
        return load(manifest, onnx, OnnxProvenance.fromJson(manifest.provenance()).sidecar());
    }

    /**
     * @throws IllegalArgumentException naming the mismatch when the model's inputs or outputs do not match the
     *                                  sidecar, or the sidecar's feature spec is not the manifest's
     */
    public static OnnxProbabilityModel load(ModelManifest manifest, byte[] onnx, OnnxSidecar sidecar) {
        Objects.requireNonNull(manifest, "manifest");
        String model = manifest.reference();
        if (!sidecar.featureSpec().equals(manifest.featureSpec())) {
            throw new IllegalArgumentException("onnx model " + model + ": sidecar feature spec "
                    + sidecar.featureSpec().id() + " " + sidecar.featureSpec().features()
                    + " is not the manifest's " + manifest.featureSpec().id() + " " + manifest.featureSpec().features());
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        try {
            session = environment.createSession(onnx, new OrtSession.SessionOptions());
        } catch (OrtException e) {
            throw new IllegalArgumentException("onnx model " + model + " is not a loadable ONNX model: "
                    + e.getMessage(), e);
        }
        try {
            boolean doubleInput = checkInput(model, session, sidecar);
            checkOutput(model, session, sidecar);
            OnnxProbabilityModel loaded = new OnnxProbabilityModel(manifest, sidecar, environment, session,
                    doubleInput);
            loaded.probe();
            return loaded;
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session);
            if (e instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw new IllegalArgumentException("onnx model " + model + " failed its probe inference: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }

    @Override
    public double probability(double[] features) {
        if (features.length != width) {
            throw new IllegalArgumentException("model " + manifest.reference() + " reads " + width
                    + " features (" + sidecar.featureSpec().id() + "), got " + features.length);
        }
        try {
            return run(features);
        } catch (OrtException e) {
            throw new IllegalStateException("onnx inference of " + manifest.reference() + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private double run(double[] features) throws OrtException {
        long[] shape = {1, width};
        try (OnnxTensor input = doubleInput
                ? OnnxTensor.createTensor(environment, DoubleBuffer.wrap(features), shape)
                : OnnxTensor.createTensor(environment, FloatBuffer.wrap(toFloats(features)), shape);
             OrtSession.Result result = session.run(Map.of(sidecar.inputName(), input),
                     java.util.Set.of(sidecar.outputName()))) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            long[] outputShape = output.getInfo().getShape();
            long columns = outputShape.length == 2 ? outputShape[1] : -1;
            if (columns <= sidecar.probabilityIndex()) {
                throw new IllegalArgumentException("onnx model " + manifest.reference() + ": output '"
                        + sidecar.outputName() + "' has shape " + java.util.Arrays.toString(outputShape)
                        + ", no column " + sidecar.probabilityIndex() + " for the probability");
            }
            double probability = output.getInfo().type == OnnxJavaType.DOUBLE
                    ? output.getDoubleBuffer().get(sidecar.probabilityIndex())
                    : output.getFloatBuffer().get(sidecar.probabilityIndex());
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalStateException("onnx model " + manifest.reference() + " returned " + probability
                        + " in column " + sidecar.probabilityIndex() + ", not a probability");
            }
            return probability;
        }
    }

    private void probe() throws OrtException {
        run(new double[width]);
    }

    private static boolean checkInput(String model, OrtSession session, OnnxSidecar sidecar) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        NodeInfo input = inputs.get(sidecar.inputName());
        if (input == null || inputs.size() != 1) {
            throw new IllegalArgumentException("onnx model " + model + " has inputs " + inputs.keySet()
                    + "; the sidecar declares the single input '" + sidecar.inputName() + "'");
        }
        if (!(input.getInfo() instanceof TensorInfo tensor)
                || (tensor.type != OnnxJavaType.FLOAT && tensor.type != OnnxJavaType.DOUBLE)) {
            throw new IllegalArgumentException("onnx model " + model + ": input '" + sidecar.inputName()
                    + "' is " + input.getInfo() + ", not a float or double tensor");
        }
        long[] shape = tensor.getShape();
        int width = sidecar.featureSpec().features().size();
        if (shape.length != 2 || shape[1] != width) {
            throw new IllegalArgumentException("onnx model " + model + ": input '" + sidecar.inputName()
                    + "' has shape " + java.util.Arrays.toString(shape) + " but feature spec "
                    + sidecar.featureSpec().id() + " has " + width + " features: expected [batch, " + width + "]");
        }
        return tensor.type == OnnxJavaType.DOUBLE;
    }

    private static void checkOutput(String model, OrtSession session, OnnxSidecar sidecar) throws OrtException {
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        NodeInfo output = outputs.get(sidecar.outputName());
        if (output == null) {
            throw new IllegalArgumentException("onnx model " + model + " has outputs " + outputs.keySet()
                    + "; the sidecar declares '" + sidecar.outputName() + "'");
        }
        if (!(output.getInfo() instanceof TensorInfo tensor)
                || (tensor.type != OnnxJavaType.FLOAT && tensor.type != OnnxJavaType.DOUBLE)) {
            throw new IllegalArgumentException("onnx model " + model + ": output '" + sidecar.outputName()
                    + "' is " + output.getInfo() + ", not a float or double tensor (scikit-learn: export with "
                    + "zipmap=False)");
        }
        long[] shape = tensor.getShape();
        if (shape.length != 2 || (shape[1] >= 0 && shape[1] <= sidecar.probabilityIndex())) {
            throw new IllegalArgumentException("onnx model " + model + ": output '" + sidecar.outputName()
                    + "' has shape " + java.util.Arrays.toString(shape) + ", no column "
                    + sidecar.probabilityIndex() + " for the probability");
        }
    }

    private static float[] toFloats(double[] features) {
        float[] floats = new float[features.length];
        for (int i = 0; i < features.length; i++) {
            floats[i] = (float) features[i];
        }
        return floats;
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException ignored) {
            // closing a session we are discarding: nothing left to do
        }
    }
}
