//! Known answers for the models: backpropagation against finite differences, gradient descent
//! against the normal equations, separable data against 100 % accuracy, the settings' error
//! messages, and the batching of `ModelObjective`.

use automl_playground::model::{
    Activation, Batching, Loss, ModelObjective, ModelSpec, Output, Regularization, Samples,
};
use automl_playground::objective::Objective;
use automl_playground::rng::{self, Rng};

const ACTIVATIONS: [Activation; 4] = [
    Activation::Relu,
    Activation::Tanh,
    Activation::Sigmoid,
    Activation::Linear,
];

/// Every output with every loss it accepts.
const HEADS: [(Output, Loss); 7] = [
    (Output::Linear, Loss::Mse),
    (Output::Sigmoid, Loss::Mse),
    (Output::Sigmoid, Loss::CrossEntropy),
    (Output::Tanh, Loss::Mse),
    (Output::Tanh, Loss::CrossEntropy),
    (Output::Softmax { classes: 3 }, Loss::Mse),
    (Output::Softmax { classes: 3 }, Loss::CrossEntropy),
];

const PENALTIES: [Regularization; 3] = [
    Regularization::None,
    Regularization::L1(0.3),
    Regularization::L2(0.7),
];

/// Random features in [−1, 1] and targets that `output` can read.
fn random_data(rng: &mut Rng, inputs: usize, rows: usize, output: Output) -> (Vec<f64>, Vec<f64>) {
    let features = (0..rows * inputs)
        .map(|_| rng::uniform(rng, -1.0, 1.0))
        .collect();
    let targets = (0..rows)
        .map(|i| match output {
            Output::Linear => rng::standard_normal(rng),
            Output::Sigmoid | Output::Tanh => [1.0, 0.0, -1.0][i % 3],
            Output::Softmax { classes } => (i % classes) as f64,
        })
        .collect();
    (features, targets)
}

/// Random parameters of magnitude 0.1 to 1, so that no weight sits at L1's kink.
fn random_theta(rng: &mut Rng, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| {
            let sign = if i % 2 == 0 { 1.0 } else { -1.0 };
            sign * rng::uniform(rng, 0.1, 1.0)
        })
        .collect()
}

/// Checks the backpropagated gradient of `spec` against central differences.
fn check_gradient(spec: &ModelSpec, seed: u64) {
    let mut rng = rng::seeded(seed);
    let (features, targets) = random_data(&mut rng, spec.inputs(), 7, spec.output());
    let samples = Samples::new(&features, &targets, spec.inputs()).unwrap();
    spec.check_samples(&samples).unwrap();
    let rows = [0, 2, 2, 3, 6];
    let theta = random_theta(&mut rng, spec.n_params());
    let mut workspace = spec.workspace();
    let mut gradient = vec![0.0; spec.n_params()];
    let value = spec.loss_and_gradient(&theta, &samples, rows, &mut workspace, &mut gradient);
    let same = spec.loss_value(&theta, &samples, rows, &mut workspace);
    assert!((value - same).abs() < 1e-14, "{spec:?}: {value} vs {same}");

    let h = 1e-6;
    for i in 0..theta.len() {
        let mut shifted = theta.clone();
        shifted[i] = theta[i] + h;
        let up = spec.loss_value(&shifted, &samples, rows, &mut workspace);
        shifted[i] = theta[i] - h;
        let down = spec.loss_value(&shifted, &samples, rows, &mut workspace);
        let numeric = (up - down) / (2.0 * h);
        assert!(
            (gradient[i] - numeric).abs() <= 1e-7 * (1.0 + numeric.abs()),
            "{spec:?}, θ[{i}]: backprop {} vs finite differences {numeric}",
            gradient[i]
        );
    }
}

#[test]
fn backprop_matches_finite_differences_for_every_combination() {
    let mut cases = 0;
    for hidden in [&[][..], &[4], &[4, 3]] {
        for activation in ACTIVATIONS {
            for (output, loss) in HEADS {
                for penalty in PENALTIES {
                    let spec =
                        ModelSpec::new(3, hidden, activation, output, loss, penalty).unwrap();
                    check_gradient(&spec, cases);
                    cases += 1;
                }
            }
        }
    }
}

#[test]
fn backprop_matches_finite_differences_for_linear_and_logistic_regression() {
    check_gradient(&ModelSpec::linear_regression(4).unwrap(), 1);
    check_gradient(&ModelSpec::logistic_regression(4, 2).unwrap(), 2);
    check_gradient(&ModelSpec::logistic_regression(4, 5).unwrap(), 3);
}

/// Solves `a x = b` (n × n, row-major) by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<f64>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i * n + col].abs().total_cmp(&a[j * n + col].abs()));
        let pivot = pivot.unwrap();
        for k in 0..n {
            a.swap(col * n + k, pivot * n + k);
        }
        b.swap(col, pivot);
        for row in col + 1..n {
            let factor = a[row * n + col] / a[col * n + col];
            for k in col..n {
                a[row * n + k] -= factor * a[col * n + k];
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let tail: f64 = (row + 1..n).map(|k| a[row * n + k] * x[k]).sum();
        x[row] = (b[row] - tail) / a[row * n + row];
    }
    x
}

#[test]
fn gradient_descent_on_linear_regression_reaches_the_least_squares_solution() {
    let (d, n) = (3, 40);
    let mut rng = rng::seeded(11);
    let features: Vec<f64> = (0..n * d)
        .map(|_| rng::uniform(&mut rng, -1.0, 1.0))
        .collect();
    let targets: Vec<f64> = features
        .chunks_exact(d)
        .map(|x| 1.5 * x[0] - 2.0 * x[1] + 0.5 * x[2] + 0.3 + 0.1 * rng::standard_normal(&mut rng))
        .collect();

    // Normal equations for θ = [w, b]: AᵀA θ = Aᵀy with A = [X 1].
    let augmented: Vec<Vec<f64>> = features
        .chunks_exact(d)
        .map(|x| x.iter().copied().chain([1.0]).collect())
        .collect();
    let mut ata = vec![0.0; (d + 1) * (d + 1)];
    let mut aty = vec![0.0; d + 1];
    for (a, &y) in augmented.iter().zip(&targets) {
        for i in 0..=d {
            aty[i] += a[i] * y;
            for j in 0..=d {
                ata[i * (d + 1) + j] += a[i] * a[j];
            }
        }
    }
    let exact = solve(ata, aty);

    let spec = ModelSpec::linear_regression(d).unwrap();
    let samples = Samples::new(&features, &targets, d).unwrap();
    let mut workspace = spec.workspace();
    let mut theta = vec![0.0; spec.n_params()];
    let mut gradient = vec![0.0; spec.n_params()];
    for _ in 0..3000 {
        spec.loss_and_gradient(&theta, &samples, 0..n, &mut workspace, &mut gradient);
        theta
            .iter_mut()
            .zip(&gradient)
            .for_each(|(t, g)| *t -= 0.5 * g);
    }
    for (got, want) in theta.iter().zip(&exact) {
        assert!(
            (got - want).abs() < 1e-6,
            "θ = {theta:?}, least squares = {exact:?}"
        );
    }
    assert!(spec.r_squared(&theta, &samples, 0..n).unwrap() > 0.98);
}

/// Runs `steps` of full-batch gradient descent from zero and returns θ.
fn descend(spec: &ModelSpec, samples: &Samples<'_>, rate: f64, steps: usize) -> Vec<f64> {
    let mut workspace = spec.workspace();
    let mut theta = vec![0.0; spec.n_params()];
    let mut gradient = vec![0.0; spec.n_params()];
    for _ in 0..steps {
        spec.loss_and_gradient(
            &theta,
            samples,
            0..samples.len(),
            &mut workspace,
            &mut gradient,
        );
        theta
            .iter_mut()
            .zip(&gradient)
            .for_each(|(t, g)| *t -= rate * g);
    }
    theta
}

#[test]
fn logistic_regression_separates_a_linearly_separable_set() {
    let mut rng = rng::seeded(4);
    let (mut features, mut targets) = (Vec::new(), Vec::new());
    while targets.len() < 80 {
        let (x, y) = (
            rng::uniform(&mut rng, -1.0, 1.0),
            rng::uniform(&mut rng, -1.0, 1.0),
        );
        let margin = x + 2.0 * y - 0.2;
        if margin.abs() > 0.1 {
            features.extend([x, y]);
            targets.push(if margin > 0.0 { 1.0 } else { 0.0 });
        }
    }
    let samples = Samples::new(&features, &targets, 2).unwrap();
    let spec = ModelSpec::logistic_regression(2, 2).unwrap();
    let theta = descend(&spec, &samples, 2.0, 3000);
    assert_eq!(
        spec.accuracy(&theta, &samples, 0..samples.len()).unwrap(),
        1.0
    );
}

#[test]
fn softmax_regression_separates_three_clusters() {
    let mut rng = rng::seeded(5);
    let centres = [(0.0, 2.0), (-2.0, -1.0), (2.0, -1.0)];
    let (mut features, mut targets) = (Vec::new(), Vec::new());
    for i in 0..90 {
        let (cx, cy) = centres[i % 3];
        features.extend([
            cx + 0.4 * rng::standard_normal(&mut rng),
            cy + 0.4 * rng::standard_normal(&mut rng),
        ]);
        targets.push((i % 3) as f64);
    }
    let samples = Samples::new(&features, &targets, 2).unwrap();
    let spec = ModelSpec::logistic_regression(2, 3).unwrap();
    let theta = descend(&spec, &samples, 1.0, 500);
    assert_eq!(
        spec.accuracy(&theta, &samples, 0..samples.len()).unwrap(),
        1.0
    );
}

fn mlp(hidden: &[usize], regularization: Regularization) -> Result<ModelSpec, String> {
    ModelSpec::new(
        2,
        hidden,
        Activation::Tanh,
        Output::Tanh,
        Loss::Mse,
        regularization,
    )
    .map_err(|e| e.to_string())
}

#[test]
fn settings_outside_their_range_are_refused_with_the_range() {
    let none = Regularization::None;
    assert_eq!(
        mlp(&[0], none).unwrap_err(),
        "neurons in layer 1: must be a whole number from 1 to 32 (got 0)"
    );
    assert_eq!(
        mlp(&[4, 33], none).unwrap_err(),
        "neurons in layer 2: must be a whole number from 1 to 32 (got 33)"
    );
    assert_eq!(
        mlp(&[2; 7], none).unwrap_err(),
        "hidden layers: must be a whole number from 0 to 6 (got 7)"
    );
    assert_eq!(
        mlp(&[2], Regularization::L2(-0.5)).unwrap_err(),
        "regularization rate: must be a number from 0 to 10 (got -0.5)"
    );
    assert_eq!(
        mlp(&[2], Regularization::L1(-1.0)).unwrap_err(),
        "regularization rate: must be a number from 0 to 10 (got -1)"
    );
    assert!(mlp(&[32; 6], Regularization::L1(0.0)).is_ok());
    assert!(mlp(&[], none).is_ok());

    let linear_ce = ModelSpec::new(
        2,
        &[],
        Activation::Relu,
        Output::Linear,
        Loss::CrossEntropy,
        none,
    );
    assert!(
        linear_ce
            .unwrap_err()
            .to_string()
            .starts_with("loss: cross-entropy needs")
    );
    assert_eq!(
        ModelSpec::logistic_regression(2, 1)
            .unwrap_err()
            .to_string(),
        "classes: must be a whole number from 2 to 100 (got 1)"
    );
    assert_eq!(
        ModelSpec::linear_regression(0).unwrap_err().to_string(),
        "input features: must be a whole number from 1 to 1000 (got 0)"
    );
}

#[test]
fn data_that_does_not_fit_the_model_is_refused() {
    let spec = ModelSpec::logistic_regression(2, 3).unwrap();
    let err = ModelObjective::new(spec.clone(), &[0.0; 6], &[0.0, 1.0, 3.0], Batching::Full, 1)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "row 3: class must be a whole number from 0 to 2 (got 3)"
    );
    let err = ModelObjective::new(spec, &[0.0; 6], &[0.0, 1.0], Batching::Full, 1).unwrap_err();
    assert_eq!(
        err.to_string(),
        "6 feature values do not make 2 rows of 2 features"
    );
}

/// A small two-class problem for the objective tests.
fn two_class_objective(rows: usize, batching: Batching, seed: u64) -> ModelObjective {
    let mut rng = rng::seeded(8);
    let spec = mlp(&[5, 4], Regularization::L2(0.01)).unwrap();
    let (features, targets) = random_data(&mut rng, 2, rows, Output::Tanh);
    ModelObjective::new(spec, &features, &targets, batching, seed).unwrap()
}

#[test]
fn a_full_batch_gradient_is_the_specs_gradient_of_the_training_loss() {
    let mut objective = two_class_objective(30, Batching::Full, 1);
    let spec = objective.spec().clone();
    let theta = spec.init(&mut rng::seeded(2));
    let mut gradient = vec![0.0; objective.dim()];
    let value = objective.value_and_gradient(&theta, &mut gradient);
    assert_eq!(value, objective.value(&theta));

    let samples = objective.samples();
    let mut expected = vec![0.0; spec.n_params()];
    let direct = spec.loss_and_gradient(
        &theta,
        &samples,
        0..30,
        &mut spec.workspace(),
        &mut expected,
    );
    assert_eq!(value, direct);
    for (g, e) in gradient.iter().zip(&expected) {
        assert!((g - e).abs() < 1e-15);
    }
    assert_eq!(objective.bounds(), vec![(-3.0, 3.0); spec.n_params()]);
    assert_eq!(objective.epochs(), 1);
}

#[test]
fn mini_batches_visit_every_row_once_per_epoch_in_a_new_order() {
    let mut objective = two_class_objective(23, Batching::MiniBatch(5), 7);
    let theta = objective.spec().init(&mut rng::seeded(3));
    let mut gradient = vec![0.0; objective.dim()];
    let mut epochs = Vec::new();
    for epoch in 0..3 {
        let mut seen = Vec::new();
        for _ in 0..5 {
            objective.value_and_gradient(&theta, &mut gradient);
            seen.extend_from_slice(objective.last_batch());
        }
        assert_eq!(objective.epochs(), epoch + 1);
        let mut sorted = seen.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..23).collect::<Vec<_>>());
        epochs.push(seen);
    }
    assert_ne!(epochs[0], epochs[1]);
    assert_ne!(epochs[1], epochs[2]);

    let mut again = two_class_objective(23, Batching::MiniBatch(5), 7);
    again.value_and_gradient(&theta, &mut gradient);
    assert_eq!(again.last_batch(), &epochs[0][..5]);
}

#[test]
fn a_mini_batch_gradient_is_the_gradient_on_its_own_rows() {
    let mut objective = two_class_objective(20, Batching::MiniBatch(1), 4);
    let spec = objective.spec().clone();
    let theta = spec.init(&mut rng::seeded(6));
    let mut gradient = vec![0.0; objective.dim()];
    for _ in 0..3 {
        let value = objective.value_and_gradient(&theta, &mut gradient);
        let rows = objective.last_batch().to_vec();
        assert_eq!(rows.len(), 1);
        let mut expected = vec![0.0; spec.n_params()];
        let samples = objective.samples();
        let direct =
            spec.loss_and_gradient(&theta, &samples, rows, &mut spec.workspace(), &mut expected);
        assert_eq!(value, direct);
        assert_eq!(gradient, expected);
    }
}
