//! A network's shape and training settings, validated once, and where each layer lives in θ.

use crate::error::{Error, Result, check_count};
use crate::rng::{self, Rng};

use super::activation::Activation;
use super::loss::Loss;
use super::output::Output;
use super::regularization::Regularization;
use super::samples::Samples;

/// The most hidden layers a network may have.
pub const MAX_HIDDEN_LAYERS: usize = 6;
/// The most neurons a hidden layer may have.
pub const MAX_NEURONS: usize = 32;
/// The most input features a model accepts.
pub const MAX_INPUTS: usize = 1000;
/// Every parameter is sampled from, and initialised within, `[-PARAM_BOUND, PARAM_BOUND]`.
pub const PARAM_BOUND: f64 = 3.0;

/// One fully connected layer: its place in θ and in the activation buffer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layer {
    /// Neurons feeding the layer.
    pub inputs: usize,
    /// Neurons in the layer.
    pub outputs: usize,
    /// Offset of the `[outputs][inputs]` weight block in θ; the biases follow it.
    pub weights: usize,
    /// Offset of the layer's input in the activation buffer; its output follows directly.
    pub input_at: usize,
}

impl Layer {
    /// Offset of the layer's biases in θ.
    pub fn biases(&self) -> usize {
        self.weights + self.inputs * self.outputs
    }

    /// Offset of the layer's output in the activation buffer.
    pub fn output_at(&self) -> usize {
        self.input_at + self.inputs
    }
}

/// A validated model: layer sizes, hidden activation, output, loss and regularization.
///
/// Its parameters θ are one flat vector holding the layers in order from the input side. Each
/// layer stores its weights row by row, `[output neuron][input neuron]`, followed by one bias
/// per output neuron. Linear and logistic regression are networks without hidden layers, so
/// their θ is `[w₁ … w_d, b]` (softmax: the weight rows of classes 0 … k−1, then the k biases).
#[derive(Debug, Clone, PartialEq)]
pub struct ModelSpec {
    sizes: Vec<usize>,
    activation: Activation,
    output: Output,
    loss: Loss,
    regularization: Regularization,
    layers: Vec<Layer>,
}

impl ModelSpec {
    /// A network with `inputs` features, the given hidden layer sizes (0 to
    /// [`MAX_HIDDEN_LAYERS`] layers of 1 to [`MAX_NEURONS`] neurons), one `activation` for all
    /// hidden layers, and the given output, loss and regularization. Cross-entropy needs a
    /// classifier output.
    pub fn new(
        inputs: usize,
        hidden: &[usize],
        activation: Activation,
        output: Output,
        loss: Loss,
        regularization: Regularization,
    ) -> Result<Self> {
        check_count("input features", inputs, 1, MAX_INPUTS)?;
        check_count("hidden layers", hidden.len(), 0, MAX_HIDDEN_LAYERS)?;
        for (i, &neurons) in hidden.iter().enumerate() {
            check_count(
                &format!("neurons in layer {}", i + 1),
                neurons,
                1,
                MAX_NEURONS,
            )?;
        }
        let output = output.validate()?;
        if loss == Loss::CrossEntropy && !output.is_classifier() {
            return Err(Error::setting(
                "loss",
                "cross-entropy needs a sigmoid, tanh or softmax output (use MSE for a linear one)",
            ));
        }
        let regularization = regularization.validate()?;

        let mut sizes = Vec::with_capacity(hidden.len() + 2);
        sizes.push(inputs);
        sizes.extend_from_slice(hidden);
        sizes.push(output.size());
        let mut layers = Vec::with_capacity(sizes.len() - 1);
        let (mut weights, mut input_at) = (0, 0);
        for pair in sizes.windows(2) {
            let layer = Layer {
                inputs: pair[0],
                outputs: pair[1],
                weights,
                input_at,
            };
            weights = layer.biases() + layer.outputs;
            input_at = layer.output_at();
            layers.push(layer);
        }
        Ok(ModelSpec {
            sizes,
            activation,
            output,
            loss,
            regularization,
            layers,
        })
    }

    /// Least-squares linear regression: one linear output, MSE, no hidden layer.
    pub fn linear_regression(inputs: usize) -> Result<Self> {
        let none = Regularization::None;
        ModelSpec::new(
            inputs,
            &[],
            Activation::Linear,
            Output::Linear,
            Loss::Mse,
            none,
        )
    }

    /// Logistic regression with cross-entropy: a sigmoid output for 2 classes, softmax for more.
    pub fn logistic_regression(inputs: usize, classes: usize) -> Result<Self> {
        let output = match classes {
            2 => Output::Sigmoid,
            _ => Output::Softmax { classes },
        };
        let none = Regularization::None;
        ModelSpec::new(
            inputs,
            &[],
            Activation::Linear,
            output,
            Loss::CrossEntropy,
            none,
        )
    }

    /// Neurons per layer, from the inputs to the outputs.
    pub fn layer_sizes(&self) -> &[usize] {
        &self.sizes
    }

    /// The number of input features.
    pub fn inputs(&self) -> usize {
        self.sizes[0]
    }

    /// The length of θ.
    pub fn n_params(&self) -> usize {
        self.layers.last().map_or(0, |l| l.biases() + l.outputs)
    }

    /// The hidden-layer activation.
    pub fn activation(&self) -> Activation {
        self.activation
    }

    /// The output layer.
    pub fn output(&self) -> Output {
        self.output
    }

    /// The loss.
    pub fn loss(&self) -> Loss {
        self.loss
    }

    /// The weight penalty.
    pub fn regularization(&self) -> Regularization {
        self.regularization
    }

    /// Checks that `samples` have this model's number of features and targets its output
    /// can read (see [`Output`] for the target coding).
    pub fn check_samples(&self, samples: &Samples<'_>) -> Result<()> {
        if samples.inputs != self.inputs() {
            return Err(Error::data(format!(
                "the data has {} features but the model expects {}",
                samples.inputs,
                self.inputs()
            )));
        }
        self.output.check_targets(samples.targets)
    }

    /// Starting parameters: zero biases and normal weights scaled by fan-in (He, for ReLU
    /// hidden layers) or by fan-in and fan-out (Xavier, elsewhere), clipped to the parameter box.
    pub fn init(&self, rng: &mut Rng) -> Vec<f64> {
        let mut theta = vec![0.0; self.n_params()];
        let last = self.layers.len() - 1;
        for (l, layer) in self.layers.iter().enumerate() {
            let variance = if l < last && self.activation == Activation::Relu {
                2.0 / layer.inputs as f64
            } else {
                2.0 / (layer.inputs + layer.outputs) as f64
            };
            let scale = variance.sqrt();
            for w in &mut theta[layer.weights..layer.biases()] {
                *w = (scale * rng::standard_normal(rng)).clamp(-PARAM_BOUND, PARAM_BOUND);
            }
        }
        theta
    }

    /// The layers in order from the input side.
    pub(crate) fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// The total number of neurons, inputs included (the activation buffer's length).
    pub(crate) fn neurons(&self) -> usize {
        self.sizes.iter().sum()
    }

    /// The weight penalty on θ; adds its gradient to `gradient` when one is given.
    pub(crate) fn penalty(&self, theta: &[f64], mut gradient: Option<&mut [f64]>) -> f64 {
        if self.regularization == Regularization::None {
            return 0.0;
        }
        let mut total = 0.0;
        for layer in &self.layers {
            let range = layer.weights..layer.biases();
            let g = gradient.as_deref_mut().map(|g| &mut g[range.clone()]);
            total += self.regularization.apply(&theta[range], g);
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_places_weights_then_biases_layer_by_layer() {
        let spec = ModelSpec::new(
            2,
            &[3],
            Activation::Tanh,
            Output::Softmax { classes: 4 },
            Loss::CrossEntropy,
            Regularization::None,
        )
        .unwrap();
        assert_eq!(spec.layer_sizes(), &[2, 3, 4]);
        assert_eq!(spec.n_params(), 2 * 3 + 3 + 3 * 4 + 4);
        let layers = spec.layers();
        assert_eq!((layers[0].weights, layers[0].biases()), (0, 6));
        assert_eq!((layers[1].weights, layers[1].biases()), (9, 21));
        assert_eq!((layers[1].input_at, layers[1].output_at()), (2, 5));
        assert_eq!(spec.neurons(), 9);
    }

    #[test]
    fn init_has_zero_biases_and_bounded_weights() {
        let spec = ModelSpec::new(
            1,
            &[32, 32],
            Activation::Relu,
            Output::Linear,
            Loss::Mse,
            Regularization::None,
        )
        .unwrap();
        let theta = spec.init(&mut rng::seeded(5));
        assert_eq!(theta.len(), spec.n_params());
        for layer in spec.layers() {
            assert!(
                theta[layer.biases()..layer.biases() + layer.outputs]
                    .iter()
                    .all(|&b| b == 0.0)
            );
        }
        assert!(theta.iter().all(|w| w.abs() <= PARAM_BOUND));
        assert!(theta.iter().any(|&w| w != 0.0));
    }

    #[test]
    fn penalty_skips_biases() {
        let spec = ModelSpec::new(
            1,
            &[],
            Activation::Linear,
            Output::Linear,
            Loss::Mse,
            Regularization::L1(1.0),
        )
        .unwrap();
        let mut gradient = [0.0; 2];
        assert_eq!(spec.penalty(&[-2.0, 5.0], Some(&mut gradient)), 2.0);
        assert_eq!(gradient, [-1.0, 0.0]);
    }
}
