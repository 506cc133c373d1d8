//! Training throughput on the peer benchmark's shared workload (the same one `www/bench.html`
//! runs in the browser): a 2-8-8-1 tanh MLP learning 500 two-spiral points in a fixed,
//! once-shuffled order, from fixed initial weights, by plain SGD on mini-batches of 10
//! (learning rate 0.03, loss ½(out − target)² averaged over the batch). The data, its order
//! and the initial weights come from the same mulberry32 streams as the benchmark's
//! `common/workload.js`, so the final loss can be compared with the browser peers' (0.2805565
//! after 300 epochs).
//!
//! Prints samples per second (the median and the best of 5 runs: on a shared machine the best
//! is the least disturbed), the final loss and accuracy, and the time of one forward pass over
//! the 100 × 100 heatmap grid (median and best of 25).
//!
//! `cargo bench --bench train_mlp [-- --epochs N --runs R]`

use std::f64::consts::PI;
use std::hint::black_box;
use std::time::Instant;

mod common;
use common::{median, option};

use automl_playground::model::{Activation, Loss, ModelSpec, Output, Regularization, Samples};

const POINTS: usize = 500;
const LAYERS: [usize; 4] = [2, 8, 8, 1];
const BATCH: usize = 10;
const LEARNING_RATE: f64 = 0.03;
const GRID: usize = 100;

/// mulberry32, the benchmark's seeded generator: floats in [0, 1).
struct Mulberry32(u32);

impl Mulberry32 {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6d2b_79f5);
        let mut t = self.0;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }
}

/// The two spirals, shuffled once by mulberry32(1): row-major features and ±1 targets.
fn spirals() -> (Vec<f64>, Vec<f64>) {
    let half = POINTS / 2;
    let mut points = Vec::with_capacity(POINTS);
    for (label, phase) in [(1.0, 0.0), (-1.0, PI)] {
        for i in 0..half {
            let r = i as f64 / half as f64;
            let a = 1.75 * 2.0 * PI * i as f64 / half as f64 + phase;
            points.push([r * a.sin(), r * a.cos(), label]);
        }
    }
    let mut rng = Mulberry32(1);
    for i in (1..points.len()).rev() {
        let j = (rng.next() * (i + 1) as f64) as usize;
        points.swap(i, j);
    }
    let features = points.iter().flat_map(|p| [p[0], p[1]]).collect();
    let targets = points.iter().map(|p| p[2]).collect();
    (features, targets)
}

/// The shared initial parameters in θ's layout: per layer the weights `[out][in]` row by row
/// (uniform in [−1, 1) from mulberry32(2), drawn in that order), then the biases (0.1).
fn initial_theta() -> Vec<f64> {
    let mut rng = Mulberry32(2);
    let mut theta = Vec::new();
    for pair in LAYERS.windows(2) {
        theta.extend((0..pair[0] * pair[1]).map(|_| 2.0 * rng.next() - 1.0));
        theta.extend(std::iter::repeat_n(0.1, pair[1]));
    }
    theta
}

/// The heatmap points: GRID × GRID, row-major, x and y from −1 to 1.
fn grid() -> Vec<f64> {
    let step = |k: usize| 2.0 * k as f64 / (GRID - 1) as f64;
    (0..GRID)
        .flat_map(|r| (0..GRID).flat_map(move |c| [-1.0 + step(c), 1.0 - step(r)]))
        .collect()
}

fn spec() -> ModelSpec {
    let hidden = &LAYERS[1..LAYERS.len() - 1];
    let none = Regularization::None;
    ModelSpec::new(2, hidden, Activation::Tanh, Output::Tanh, Loss::Mse, none).expect("valid")
}

/// `epochs` of SGD over the rows in data order, as `www/bench.html` runs it inside wasm.
fn train(spec: &ModelSpec, theta: &mut [f64], samples: &Samples<'_>, epochs: usize) {
    let mut workspace = spec.workspace();
    let mut gradient = vec![0.0; theta.len()];
    for _ in 0..epochs {
        for start in (0..samples.len()).step_by(BATCH) {
            let rows = start..(start + BATCH).min(samples.len());
            spec.loss_and_gradient(theta, samples, rows, &mut workspace, &mut gradient);
            for (t, g) in theta.iter_mut().zip(&gradient) {
                *t -= LEARNING_RATE * g;
            }
        }
    }
}

/// Mean ½(out − target)² and the fraction of rows whose sign is right.
fn score(outputs: &[f64], targets: &[f64]) -> (f64, f64) {
    let mut loss = 0.0;
    let mut correct = 0;
    for (&out, &target) in outputs.iter().zip(targets) {
        loss += 0.5 * (out - target) * (out - target);
        correct += usize::from((if out >= 0.0 { 1.0 } else { -1.0 }) == target);
    }
    (
        loss / targets.len() as f64,
        correct as f64 / targets.len() as f64,
    )
}

fn main() {
    let epochs = option("--epochs", 20_000);
    let runs = option("--runs", 5);

    let spec = spec();
    let (features, targets) = spirals();
    let samples = Samples::new(&features, &targets, 2).expect("valid data");
    let mut seconds = Vec::new();
    let mut theta = initial_theta();
    for _ in 0..runs {
        theta = initial_theta();
        let start = Instant::now();
        train(&spec, &mut theta, &samples, epochs);
        seconds.push(start.elapsed().as_secs_f64());
        black_box(&theta);
    }
    let (loss, accuracy) = score(&spec.predict(&theta, &features), &targets);

    let grid = grid();
    black_box(spec.predict(&theta, &grid));
    let heatmap_ms: Vec<f64> = (0..25)
        .map(|_| {
            let start = Instant::now();
            black_box(spec.predict(&theta, black_box(&grid)));
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let best_heatmap = heatmap_ms.iter().copied().fold(f64::INFINITY, f64::min);
    let heatmap_ms = median(heatmap_ms);

    let best = seconds.iter().copied().fold(f64::INFINITY, f64::min);
    let seconds = median(seconds);
    let samples = (epochs * POINTS) as f64;
    println!(
        "train_mlp: 2-8-8-1 tanh, {POINTS} two-spiral points (peer benchmark workload), SGD \
         lr {LEARNING_RATE}, batch {BATCH}, {epochs} epochs, median of {runs}"
    );
    println!(
        "  {:.3} s = {:.2} M samples/s (best {:.2}); final loss {loss:.7}, accuracy {:.1} %; \
         heatmap {GRID}x{GRID} {heatmap_ms:.3} ms (best {best_heatmap:.3})",
        seconds,
        samples / seconds / 1e6,
        samples / best / 1e6,
        100.0 * accuracy
    );
}
