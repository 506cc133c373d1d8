//! Training throughput: a 2-8-8-1 tanh MLP learning 500 two-spiral points by SGD on
//! mini-batches of 10 (learning rate 0.03, half squared error, no regularization), as the page
//! trains it. Prints samples per second, the median of 5 runs.

use std::f64::consts::{PI, TAU};
use std::hint::black_box;
use std::time::Instant;

use automl_playground::model::{
    Activation, Batching, Loss, ModelObjective, ModelSpec, Output, Regularization,
};
use automl_playground::objective::Objective;
use automl_playground::rng;

const POINTS_PER_CLASS: usize = 250;
const EPOCHS: usize = 2000;
const BATCH: usize = 10;
const LEARNING_RATE: f64 = 0.03;
const RUNS: usize = 5;

/// Two interleaved spirals: class +1 at angle a, class −1 at a + π.
fn spirals() -> (Vec<f64>, Vec<f64>) {
    let (mut features, mut targets) = (Vec::new(), Vec::new());
    for i in 0..POINTS_PER_CLASS {
        let r = i as f64 / POINTS_PER_CLASS as f64;
        let a = 1.75 * TAU * i as f64 / POINTS_PER_CLASS as f64;
        for (shift, label) in [(0.0, 1.0), (PI, -1.0)] {
            features.extend([r * (a + shift).sin(), r * (a + shift).cos()]);
            targets.push(label);
        }
    }
    (features, targets)
}

/// One training run; returns (seconds, samples trained on, final training loss, accuracy).
fn run(features: &[f64], targets: &[f64]) -> (f64, usize, f64, f64) {
    let spec = ModelSpec::new(
        2,
        &[8, 8],
        Activation::Tanh,
        Output::Tanh,
        Loss::Mse,
        Regularization::None,
    )
    .expect("valid spec");
    let mut theta = spec.init(&mut rng::seeded(1));
    let mut objective = ModelObjective::new(
        spec.clone(),
        features,
        targets,
        Batching::MiniBatch(BATCH),
        1,
    )
    .expect("valid data");
    let mut gradient = vec![0.0; theta.len()];
    let steps = EPOCHS * targets.len() / BATCH;

    let start = Instant::now();
    for _ in 0..steps {
        black_box(objective.value_and_gradient(&theta, &mut gradient));
        theta
            .iter_mut()
            .zip(&gradient)
            .for_each(|(t, g)| *t -= LEARNING_RATE * g);
    }
    let seconds = start.elapsed().as_secs_f64();

    let loss = objective.value(&theta);
    let samples = objective.samples();
    let accuracy = spec
        .accuracy(&theta, &samples, 0..samples.len())
        .expect("a classifier");
    (seconds, steps * BATCH, loss, accuracy)
}

fn main() {
    let (features, targets) = spirals();
    let mut results: Vec<_> = (0..RUNS).map(|_| run(&features, &targets)).collect();
    results.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (seconds, samples, loss, accuracy) = results[RUNS / 2];
    println!(
        "train_mlp: 2-8-8-1 tanh, {} spiral points, SGD batch {BATCH}, {EPOCHS} epochs",
        targets.len()
    );
    println!(
        "  median of {RUNS}: {:.3} s for {samples} samples = {:.2} M samples/s \
         (final loss {loss:.4}, accuracy {:.1} %)",
        seconds,
        samples as f64 / seconds / 1e6,
        100.0 * accuracy
    );
}
