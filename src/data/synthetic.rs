//! Seeded toy datasets. Points lie roughly in the square [-1, 1]² (regression: x in [-1, 1],
//! y roughly in [-1, 1]) before noise is added.
//!
//! `noise` runs from 0 (exact shapes) to [`MAX_NOISE`]: every coordinate (and every regression
//! value) gets Gaussian jitter with standard deviation `noise × 0.5`. The jitter is drawn even
//! at noise 0, so one seed gives the same underlying shape at every noise level. Classes take
//! turns row by row, so their sizes differ by at most one.

use std::f64::consts::{PI, TAU};

use super::{Dataset, Target};
use crate::error::{check_count, check_range};
use crate::rng::{Rng, standard_normal, uniform};
use crate::{Error, Result};

/// Fewest points a generator makes.
pub const MIN_POINTS: usize = 10;
/// Most points a generator makes.
pub const MAX_POINTS: usize = 2000;
/// Largest noise level.
pub const MAX_NOISE: f64 = 1.0;
/// Standard deviation of the jitter at noise 1.
const JITTER_AT_FULL_NOISE: f64 = 0.5;

/// Ids accepted by [`generate`]: six classification shapes, then three regression curves.
pub const GENERATOR_IDS: [&str; 9] = [
    "circle",
    "xor",
    "gaussians",
    "spiral",
    "moons",
    "blobs",
    "line",
    "sine",
    "plane",
];

/// Points and noise a generator starts with, `(points, noise)`: enough points and little
/// enough jitter that its shape shows. The spiral's arms are 0.26 apart, so it takes more
/// points and a quarter of the others' noise.
pub fn generator_defaults(id: &str) -> (usize, f64) {
    match id {
        "spiral" => (400, 0.025),
        _ => (200, 0.1),
    }
}

/// Spiral radius at parameter t ∈ [0, 1): `SPIRAL_R0 + SPIRAL_R1 · t`.
const SPIRAL_R0: f64 = 0.05;
const SPIRAL_R1: f64 = 0.9;
/// Turns each spiral arm makes.
const SPIRAL_TURNS: f64 = 1.75;

/// Makes the dataset `id` (one of [`GENERATOR_IDS`]) with `n` points in
/// [`MIN_POINTS`]..=[`MAX_POINTS`] and `noise` in 0..=[`MAX_NOISE`].
pub fn generate(id: &str, n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset> {
    match id {
        "circle" => circle(n, noise, rng),
        "xor" => xor(n, noise, rng),
        "gaussians" => two_gaussians(n, noise, rng),
        "spiral" => spiral(n, noise, rng),
        "moons" => two_moons(n, noise, rng),
        "blobs" => three_blobs(n, noise, rng),
        "line" => line(n, noise, rng),
        "sine" => sine(n, noise, rng),
        "plane" => plane(n, noise, rng),
        _ => Err(Error::setting(
            "dataset",
            format!(
                "unknown generator \"{id}\"; expected one of {}",
                GENERATOR_IDS.join(", ")
            ),
        )),
    }
}

/// Class 0 fills a disc of radius 0.45; class 1 a ring from radius 0.65 to 0.95.
pub fn circle(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset> {
    classification(
        "Circle",
        n,
        noise,
        &["inside", "outside"],
        rng,
        |class, rng| {
            let (r_min, r_max) = if class == 0 {
                (0.0, 0.45)
            } else {
                (0.65, 0.95)
            };
            polar(uniform(rng, r_min, r_max), uniform(rng, 0.0, TAU))
        },
    )
}

/// Class 0 in the quadrants where x and y share a sign, class 1 where they differ.
pub fn xor(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset> {
    classification(
        "XOR",
        n,
        noise,
        &["same sign", "opposite sign"],
        rng,
        |class, rng| {
            let x = uniform(rng, 0.05, 1.0) * random_sign(rng);
            let y = uniform(rng, 0.05, 1.0) * x.signum();
            if class == 0 { (x, y) } else { (x, -y) }
        },
    )
}

/// Two round Gaussian clouds (σ = 0.2) centred at (-0.45, -0.45) and (0.45, 0.45).
pub fn two_gaussians(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset> {
    classification("Two Gaussians", n, noise, &["A", "B"], rng, |class, rng| {
        let centre = if class == 0 { -0.45 } else { 0.45 };
        gaussian_around((centre, centre), 0.2, rng)
    })
}

/// Two interleaved spiral arms: for class c and t uniform in [0, 1), the point
/// `r (cos θ, sin θ)` with `r = 0.05 + 0.9 t` and `θ = 2π · 1.75 · t + c π`.
pub fn spiral(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset> {
    classification("Spiral", n, noise, &["A", "B"], rng, |class, rng| {
        let t = uniform(rng, 0.0, 1.0);
        spiral_point(class, t)
    })
}

/// Two interlocking half circles (scikit-learn's "moons"), scaled by 2/3 and centred.
pub fn two_moons(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset> {
    classification(
        "Two moons",
        n,
        noise,
        &["upper", "lower"],
        rng,
        |class, rng| {
            let angle = uniform(rng, 0.0, PI);
            let (x, y) = if class == 0 {
                (angle.cos(), angle.sin())
            } else {
                (1.0 - angle.cos(), 0.5 - angle.sin())
            };
            ((x - 0.5) / 1.5, (y - 0.25) / 1.5)
        },
    )
}

/// Three Gaussian clouds (σ = 0.15) at radius 0.55, a third of a turn apart.
pub fn three_blobs(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset> {
    classification(
        "Three blobs",
        n,
        noise,
        &["A", "B", "C"],
        rng,
        |class, rng| {
            let (x, y) = polar(0.55, PI / 2.0 + class as f64 * TAU / 3.0);
            gaussian_around((x, y), 0.15, rng)
        },
    )
}

/// y = a·x + b with a drawn from [-0.8, 0.8] and b from [-0.2, 0.2].
pub fn line(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset> {
    let a = uniform(rng, -0.8, 0.8);
    let b = uniform(rng, -0.2, 0.2);
    regression("Noisy line", n, noise, &["x"], rng, |x| a * x[0] + b)
}

/// y = sin(π x): one full period over [-1, 1].
pub fn sine(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset> {
    regression("Sine", n, noise, &["x"], rng, |x| (PI * x[0]).sin())
}

/// y = a₁x₁ + a₂x₂ + b with a₁, a₂ drawn from [-0.45, 0.45] and b from [-0.1, 0.1].
pub fn plane(n: usize, noise: f64, rng: &mut Rng) -> Result<Dataset> {
    let a1 = uniform(rng, -0.45, 0.45);
    let a2 = uniform(rng, -0.45, 0.45);
    let b = uniform(rng, -0.1, 0.1);
    regression("Plane", n, noise, &["x1", "x2"], rng, |x| {
        a1 * x[0] + a2 * x[1] + b
    })
}

/// The spiral arm of `class` at parameter `t`, without noise.
fn spiral_point(class: usize, t: f64) -> (f64, f64) {
    let r = SPIRAL_R0 + SPIRAL_R1 * t;
    polar(r, TAU * SPIRAL_TURNS * t + class as f64 * PI)
}

fn polar(r: f64, angle: f64) -> (f64, f64) {
    (r * angle.cos(), r * angle.sin())
}

fn random_sign(rng: &mut Rng) -> f64 {
    if uniform(rng, 0.0, 1.0) < 0.5 {
        -1.0
    } else {
        1.0
    }
}

fn gaussian_around(centre: (f64, f64), sigma: f64, rng: &mut Rng) -> (f64, f64) {
    (
        centre.0 + sigma * standard_normal(rng),
        centre.1 + sigma * standard_normal(rng),
    )
}

fn check_args(n: usize, noise: f64) -> Result<()> {
    check_count("points", n, MIN_POINTS, MAX_POINTS)?;
    check_range("noise", noise, 0.0, MAX_NOISE)?;
    Ok(())
}

/// Builds a 2-D classification dataset; row i belongs to class `i % class_names.len()` and
/// `shape` draws its noiseless point.
fn classification(
    name: &str,
    n: usize,
    noise: f64,
    class_names: &[&str],
    rng: &mut Rng,
    mut shape: impl FnMut(usize, &mut Rng) -> (f64, f64),
) -> Result<Dataset> {
    check_args(n, noise)?;
    let sigma = noise * JITTER_AT_FULL_NOISE;
    let mut features = Vec::with_capacity(2 * n);
    let labels: Vec<usize> = (0..n).map(|i| i % class_names.len()).collect();
    for &class in &labels {
        let (x, y) = shape(class, rng);
        features.push(x + sigma * standard_normal(rng));
        features.push(y + sigma * standard_normal(rng));
    }
    let class_names = class_names.iter().map(|s| s.to_string()).collect();
    Dataset::new(
        name,
        features,
        vec!["x1".into(), "x2".into()],
        Target::Classes {
            labels,
            class_names,
        },
    )
}

/// Builds a regression dataset with features uniform in [-1, 1] and value `f(x)` plus jitter.
fn regression(
    name: &str,
    n: usize,
    noise: f64,
    feature_names: &[&str],
    rng: &mut Rng,
    f: impl Fn(&[f64]) -> f64,
) -> Result<Dataset> {
    check_args(n, noise)?;
    let sigma = noise * JITTER_AT_FULL_NOISE;
    let d = feature_names.len();
    let features: Vec<f64> = (0..n * d).map(|_| uniform(rng, -1.0, 1.0)).collect();
    let values = features
        .chunks_exact(d)
        .map(|x| f(x) + sigma * standard_normal(rng))
        .collect();
    let feature_names = feature_names.iter().map(|s| s.to_string()).collect();
    Dataset::new(name, features, feature_names, Target::Values(values))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::seeded;

    fn class_counts(data: &Dataset) -> Vec<usize> {
        let Target::Classes {
            labels,
            class_names,
        } = data.target()
        else {
            panic!("not a classification dataset")
        };
        let mut counts = vec![0; class_names.len()];
        for &l in labels {
            counts[l] += 1;
        }
        counts
    }

    #[test]
    fn every_generator_makes_n_points_in_about_the_unit_square() {
        for id in GENERATOR_IDS {
            let data = generate(id, 101, 0.0, &mut seeded(1)).unwrap();
            assert_eq!(data.n_rows(), 101, "{id}");
            // Gaussian clouds have tails; every other shape stays inside the square.
            let bound = if matches!(id, "gaussians" | "blobs") {
                1.6
            } else {
                1.0
            };
            assert!(data.features().iter().all(|v| v.abs() <= bound), "{id}");
            if let Target::Values(values) = data.target() {
                assert!(values.iter().all(|v| v.abs() <= 1.0), "{id}");
            }
        }
    }

    #[test]
    fn classes_are_balanced() {
        for id in ["circle", "xor", "gaussians", "spiral", "moons"] {
            assert_eq!(
                class_counts(&generate(id, 101, 0.3, &mut seeded(2)).unwrap()),
                [51, 50]
            );
        }
        assert_eq!(
            class_counts(&three_blobs(100, 0.3, &mut seeded(2)).unwrap()),
            [34, 33, 33]
        );
    }

    #[test]
    fn same_seed_same_points() {
        for id in GENERATOR_IDS {
            let a = generate(id, 50, 0.2, &mut seeded(9)).unwrap();
            assert_eq!(a, generate(id, 50, 0.2, &mut seeded(9)).unwrap(), "{id}");
            assert_ne!(a, generate(id, 50, 0.2, &mut seeded(10)).unwrap(), "{id}");
        }
    }

    #[test]
    fn noiseless_spiral_points_lie_on_their_arm() {
        let data = spiral(200, 0.0, &mut seeded(4)).unwrap();
        let Target::Classes { labels, .. } = data.target() else {
            unreachable!()
        };
        for (i, &class) in labels.iter().enumerate() {
            let [x, y] = data.row(i) else { unreachable!() };
            let t = (x.hypot(*y) - SPIRAL_R0) / SPIRAL_R1;
            let (ex, ey) = spiral_point(class, t);
            assert!((x - ex).abs() < 1e-9 && (y - ey).abs() < 1e-9, "row {i}");
        }
    }

    #[test]
    fn noiseless_xor_points_are_in_their_quadrants() {
        let data = xor(100, 0.0, &mut seeded(5)).unwrap();
        let Target::Classes { labels, .. } = data.target() else {
            unreachable!()
        };
        for (i, &class) in labels.iter().enumerate() {
            let same_sign = data.row(i)[0] * data.row(i)[1] > 0.0;
            assert_eq!(same_sign, class == 0);
        }
    }

    #[test]
    fn arguments_are_validated() {
        let mut rng = seeded(0);
        assert_eq!(
            generate("circle", 5, 0.1, &mut rng)
                .unwrap_err()
                .to_string(),
            "points: must be a whole number from 10 to 2000 (got 5)"
        );
        assert_eq!(
            generate("circle", 50, 1.5, &mut rng)
                .unwrap_err()
                .to_string(),
            "noise: must be a number from 0 to 1 (got 1.5)"
        );
        assert!(generate("square", 50, 0.1, &mut rng).is_err());
    }
}
