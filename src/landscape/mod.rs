//! Two-dimensional test surfaces J(x, y) on which strategies can be watched.
//! One surface per file, each with its formula, domain and known minima in its docs;
//! [`build`] makes one from the page's [`LandscapeSettings`].

mod ackley;
mod bowl;
pub mod catalog;
mod grid;
mod himmelblau;
mod rastrigin;
mod regression;
mod rosenbrock;
mod saddle;
mod stripe;

pub use ackley::Ackley;
pub use bowl::{Bowl, CONDITION_RANGE, ROTATION_RANGE};
pub use grid::{grid_axes, sample_grid};
pub use himmelblau::Himmelblau;
pub use rastrigin::Rastrigin;
pub use regression::Regression;
pub use rosenbrock::Rosenbrock;
pub use saddle::Saddle;
pub use stripe::Stripe;

use crate::objective::Objective;
use crate::search::StrategySettings;
use crate::search::settings::UpdateRule;
use crate::{Error, Result};
use serde::Serialize;
use std::rc::Rc;

/// A 2-D surface with an analytic gradient, a display domain and its known minima.
pub trait Landscape {
    /// Short identifier used in settings and URLs, e.g. `"rosenbrock"`.
    fn id(&self) -> &'static str;
    /// Display name, e.g. `"Rosenbrock valley"`.
    fn label(&self) -> &'static str;
    /// The formula in Unicode for the page, e.g. `"J(x,y) = (1−x)² + 100(y−x²)²"`.
    fn formula(&self) -> &'static str;
    /// J(x, y).
    fn value(&self, x: f64, y: f64) -> f64;
    /// ∇J(x, y) = (∂J/∂x, ∂J/∂y).
    fn gradient(&self, x: f64, y: f64) -> (f64, f64);
    /// The display and sampling box: `((x_min, x_max), (y_min, y_max))`.
    fn domain(&self) -> ((f64, f64), (f64, f64));
    /// Known global (and notable local) minima as `(x, y, J)`.
    fn minima(&self) -> Vec<(f64, f64, f64)>;

    /// Where a run starts unless the user clicks elsewhere: by default the upper-left part of
    /// the domain, which shows some travel.
    fn default_start(&self) -> (f64, f64) {
        let ((x0, x1), (y0, y1)) = self.domain();
        (x0 + 0.15 * (x1 - x0), y0 + 0.85 * (y1 - y0))
    }

    /// The step sizes this surface is shown with unless the user picks others (see [`Tuning`]).
    fn tuning(&self) -> Tuning {
        Tuning::default()
    }

    /// Writes J at every grid point into `out`, row-major: `ys.len()` rows of `xs.len()`
    /// cells, row `r` holding J(xs[c], ys[r]). Landscapes override it when they can share
    /// work between cells.
    ///
    /// # Panics
    /// If `out.len() != xs.len() * ys.len()`.
    fn fill_grid(&self, xs: &[f64], ys: &[f64], out: &mut [f64]) {
        assert!(
            out.len() == xs.len() * ys.len(),
            "fill_grid: out must hold ys × xs cells"
        );
        for (row, &y) in out.chunks_exact_mut(xs.len().max(1)).zip(ys) {
            for (cell, &x) in row.iter_mut().zip(xs) {
                *cell = self.value(x, y);
            }
        }
    }
}

/// A surface's own step sizes: with them, from the surface's default start, every strategy
/// visibly converges (or settles in a local minimum of a bumpy surface) within 200 steps,
/// and none diverges. The page applies them when the run starts and whenever the surface or
/// the update rule changes, except for a value the user sets in the same change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// Learning rate α of plain, momentum and Nesterov descent, where it multiplies ∇J: it
    /// must stay below about 2 / (the largest curvature along the path).
    pub learning_rate: f64,
    /// Learning rate α of AdaGrad, RMSProp and Adam, which divide ∇J by its own size: α is
    /// about the length of a step in θ.
    pub adaptive_rate: f64,
    /// The random walk's step size σ and the genetic algorithm's mutation σ.
    pub sigma: f64,
}

impl Default for Tuning {
    /// Rates for a surface whose curvature is of order 1 and whose domain is a few units wide.
    fn default() -> Self {
        Tuning {
            learning_rate: 0.05,
            adaptive_rate: 0.1,
            sigma: 0.3,
        }
    }
}

impl Tuning {
    /// The learning rate α for `rule`.
    pub fn rate(&self, rule: UpdateRule) -> f64 {
        match rule {
            UpdateRule::Plain | UpdateRule::Momentum | UpdateRule::Nesterov => self.learning_rate,
            UpdateRule::Adagrad | UpdateRule::Rmsprop | UpdateRule::Adam => self.adaptive_rate,
        }
    }

    /// `settings` with these step sizes: α for its rule, the walk's σ and the mutation σ.
    pub fn apply(&self, settings: &StrategySettings) -> StrategySettings {
        StrategySettings {
            learning_rate: self.rate(settings.rule),
            sigma: self.sigma,
            mutation_sigma: self.sigma,
            ..settings.clone()
        }
    }
}

/// The strategy settings of a run on `surface` after a change: `read` writes the fields the
/// user set in this change over the settings it is given. On a new run (`new_surface`: a fresh
/// start or another surface) or a new update rule, the surface's [`Tuning`] comes first, so
/// only the values set in this same change override it; otherwise `current` is kept as a base.
pub fn tuned_strategy(
    surface: &dyn Landscape,
    new_surface: bool,
    current: &StrategySettings,
    read: impl Fn(&mut StrategySettings) -> Result<()>,
) -> Result<StrategySettings> {
    let mut next = current.clone();
    read(&mut next)?;
    if new_surface || next.rule != current.rule {
        let base = StrategySettings {
            rule: next.rule,
            ..current.clone()
        };
        next = surface.tuning().apply(&base);
        read(&mut next)?;
    }
    Ok(next)
}

/// The landscape ids [`build`] accepts, in display order.
pub const LANDSCAPE_IDS: &[&str] = &[
    "bowl",
    "rosenbrock",
    "himmelblau",
    "rastrigin",
    "ackley",
    "saddle",
    "regression",
    "stripe",
];

/// Which landscape the page shows, with the bowl's shape (ignored by the others).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LandscapeSettings {
    /// One of [`LANDSCAPE_IDS`].
    pub id: String,
    /// The bowl's condition number κ, in [`CONDITION_RANGE`].
    pub condition: f64,
    /// The bowl's rotation φ in degrees, in [`ROTATION_RANGE`].
    pub rotation_deg: f64,
}

impl Default for LandscapeSettings {
    fn default() -> Self {
        LandscapeSettings {
            id: "bowl".into(),
            condition: 10.0,
            rotation_deg: 30.0,
        }
    }
}

/// The landscape `settings` describe (the regression loss uses its built-in dataset).
/// Errors name the bad setting: an unknown id, or the bowl's κ or φ out of range.
pub fn build(settings: &LandscapeSettings) -> Result<Box<dyn Landscape>> {
    Ok(match settings.id.as_str() {
        "bowl" => Box::new(Bowl::new(settings.condition, settings.rotation_deg)?),
        "rosenbrock" => Box::new(Rosenbrock),
        "himmelblau" => Box::new(Himmelblau),
        "rastrigin" => Box::new(Rastrigin),
        "ackley" => Box::new(Ackley),
        "saddle" => Box::new(Saddle),
        "regression" => Box::new(Regression::default()),
        "stripe" => Box::new(Stripe),
        other => {
            return Err(Error::setting(
                "landscape",
                format!(
                    "unknown landscape \"{other}\"; choose one of {}",
                    LANDSCAPE_IDS.join(", ")
                ),
            ));
        }
    })
}

/// A landscape seen as an [`Objective`] over θ = (x, y).
pub struct LandscapeObjective(pub Rc<dyn Landscape>);

impl Objective for LandscapeObjective {
    fn dim(&self) -> usize {
        2
    }

    fn bounds(&self) -> Vec<(f64, f64)> {
        let (x, y) = self.0.domain();
        vec![x, y]
    }

    fn value(&mut self, theta: &[f64]) -> f64 {
        self.0.value(theta[0], theta[1])
    }

    fn value_and_gradient(&mut self, theta: &[f64], gradient: &mut [f64]) -> f64 {
        let (gx, gy) = self.0.gradient(theta[0], theta[1]);
        gradient[0] = gx;
        gradient[1] = gy;
        self.0.value(theta[0], theta[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng;

    /// Every landscape, the bowl in several shapes.
    fn all() -> Vec<Box<dyn Landscape>> {
        let mut all: Vec<Box<dyn Landscape>> = LANDSCAPE_IDS
            .iter()
            .map(|id| {
                build(&LandscapeSettings {
                    id: id.to_string(),
                    ..Default::default()
                })
                .unwrap()
            })
            .collect();
        for (condition, rotation) in [(1.0, 0.0), (1000.0, -75.0), (1000.0, 90.0), (37.0, -90.0)] {
            all.push(Box::new(Bowl::new(condition, rotation).unwrap()));
        }
        all
    }

    fn close(a: f64, b: f64, relative: f64, floor: f64) -> bool {
        (a - b).abs() <= relative * a.abs().max(b.abs()) + floor
    }

    #[test]
    fn a_new_surface_or_rule_brings_its_tuned_rates_unless_the_change_sets_them() {
        use crate::search::StrategyKind;
        let rosenbrock = Rosenbrock;
        let tuning = rosenbrock.tuning();
        let current = StrategySettings {
            learning_rate: 0.07,
            sigma: 2.0,
            ..Default::default()
        };
        let nothing = |_: &mut StrategySettings| Ok(());
        // Another surface: α for the rule in force, σ and the mutation σ.
        let tuned = tuned_strategy(&rosenbrock, true, &current, nothing).unwrap();
        assert_eq!(tuned.learning_rate, tuning.learning_rate);
        assert_eq!((tuned.sigma, tuned.mutation_sigma), (0.3, 0.3));
        // ... except what the same change sets.
        let own = tuned_strategy(&rosenbrock, true, &current, |s| {
            s.learning_rate = 0.0123;
            Ok(())
        })
        .unwrap();
        assert_eq!((own.learning_rate, own.sigma), (0.0123, 0.3));
        // The same surface keeps what is in force, even a kind change...
        let walk = tuned_strategy(&rosenbrock, false, &current, |s| {
            s.kind = StrategyKind::RandomWalk;
            Ok(())
        })
        .unwrap();
        assert_eq!((walk.learning_rate, walk.sigma), (0.07, 2.0));
        // ... but another update rule takes its own α (Adam's α is a step length).
        let adam = tuned_strategy(&rosenbrock, false, &current, |s| {
            s.rule = UpdateRule::Adam;
            Ok(())
        })
        .unwrap();
        assert_eq!(adam.learning_rate, tuning.adaptive_rate);
        assert_ne!(tuning.adaptive_rate, tuning.learning_rate);
        // A refused value is an error, not a silent default.
        let refused = tuned_strategy(&rosenbrock, true, &current, |_| {
            Err(Error::setting("learning rate α", "no"))
        });
        assert!(refused.is_err());
        // The bowl keeps α below its stability limit 2/κ whatever κ.
        for condition in [1.0, 10.0, 100.0, 1000.0] {
            let bowl = Bowl::new(condition, 0.0).unwrap();
            assert!(
                bowl.tuning().learning_rate < 2.0 / condition,
                "κ = {condition}"
            );
        }
    }

    #[test]
    fn every_id_builds_the_landscape_of_that_id() {
        for id in LANDSCAPE_IDS {
            let settings = LandscapeSettings {
                id: id.to_string(),
                ..Default::default()
            };
            let landscape = build(&settings).unwrap();
            assert_eq!(landscape.id(), *id);
            assert!(!landscape.label().is_empty() && landscape.formula().starts_with("J("));
        }
    }

    #[test]
    fn analytic_gradients_match_central_differences() {
        let mut rng = rng::seeded(11);
        for landscape in all() {
            let ((x0, x1), (y0, y1)) = landscape.domain();
            for _ in 0..50 {
                let (x, y) = (
                    rng::uniform(&mut rng, x0, x1),
                    rng::uniform(&mut rng, y0, y1),
                );
                let (gx, gy) = landscape.gradient(x, y);
                let (hx, hy) = (1e-6 * x.abs().max(1.0), 1e-6 * y.abs().max(1.0));
                let fx = (landscape.value(x + hx, y) - landscape.value(x - hx, y)) / (2.0 * hx);
                let fy = (landscape.value(x, y + hy) - landscape.value(x, y - hy)) / (2.0 * hy);
                let id = landscape.id();
                assert!(
                    close(gx, fx, 1e-5, 1e-5),
                    "{id} ∂J/∂x at ({x}, {y}): {gx} vs {fx}"
                );
                assert!(
                    close(gy, fy, 1e-5, 1e-5),
                    "{id} ∂J/∂y at ({x}, {y}): {gy} vs {fy}"
                );
            }
        }
    }

    #[test]
    fn stated_minima_have_their_value_and_a_flat_gradient() {
        for landscape in all() {
            let id = landscape.id();
            let ((x0, x1), (y0, y1)) = landscape.domain();
            for (x, y, j) in landscape.minima() {
                assert!(
                    (x0..=x1).contains(&x) && (y0..=y1).contains(&y),
                    "{id}: ({x}, {y})"
                );
                assert!(
                    close(landscape.value(x, y), j, 1e-12, 1e-12),
                    "{id}: J({x}, {y})"
                );
                let (gx, gy) = landscape.gradient(x, y);
                assert!(gx.hypot(gy) < 1e-9, "{id}: ∇J({x}, {y}) = ({gx}, {gy})");
            }
        }
    }

    #[test]
    fn fill_grid_matches_value_pointwise() {
        let xs: Vec<f64> = (0..37).map(|i| -5.5 + 0.3 * i as f64).collect();
        let ys: Vec<f64> = (0..23).map(|i| 5.2 - 0.45 * i as f64).collect();
        for landscape in all() {
            let mut out = vec![f64::NAN; xs.len() * ys.len()];
            landscape.fill_grid(&xs, &ys, &mut out);
            for (r, &y) in ys.iter().enumerate() {
                for (c, &x) in xs.iter().enumerate() {
                    let (got, want) = (out[r * xs.len() + c], landscape.value(x, y));
                    assert!(
                        close(got, want, 1e-13, 1e-13),
                        "{}: ({x}, {y})",
                        landscape.id()
                    );
                }
            }
        }
    }

    #[test]
    fn sample_grid_puts_pixel_centres_with_y_up() {
        let bowl = Bowl::new(1.0, 0.0).unwrap();
        let (xs, ys) = grid_axes(&bowl, 4, 2);
        assert_eq!(xs, [-2.25, -0.75, 0.75, 2.25]);
        assert_eq!(ys, [1.5, -1.5]);
        let grid = sample_grid(&bowl, 4, 2);
        assert_eq!(grid.len(), 8);
        assert_eq!(grid[1], bowl.value(-0.75, 1.5));
        assert_eq!(grid[6], bowl.value(0.75, -1.5));
    }

    #[test]
    fn build_refuses_bad_settings_by_name() {
        let refuse = |id: &str, condition: f64, rotation_deg: f64| {
            let settings = LandscapeSettings {
                id: id.into(),
                condition,
                rotation_deg,
            };
            build(&settings)
                .err()
                .expect("should be refused")
                .to_string()
        };
        let unknown = refuse("sphere", 10.0, 30.0);
        assert!(
            unknown.starts_with("landscape: unknown landscape \"sphere\""),
            "{unknown}"
        );
        assert!(
            LANDSCAPE_IDS.iter().all(|id| unknown.contains(id)),
            "{unknown}"
        );
        let zero = refuse("bowl", 0.0, 30.0);
        assert!(
            zero.starts_with("condition number κ: must be a number from 1 to 1000"),
            "{zero}"
        );
        assert!(refuse("bowl", 1e6, 30.0).contains("(got 1000000)"));
        let nan = refuse("bowl", 10.0, f64::NAN);
        assert!(
            nan.starts_with("rotation φ: must be a number from -90 to 90"),
            "{nan}"
        );
    }

    #[test]
    fn settings_default_to_a_rotated_bowl() {
        let bowl = build(&LandscapeSettings::default()).unwrap();
        assert_eq!(bowl.id(), "bowl");
        // The long (flat) axis points at 30°: moving along it costs less than across it.
        let (c, s) = (30f64.to_radians().cos(), 30f64.to_radians().sin());
        assert!((bowl.value(c, s) - 0.5).abs() < 1e-12);
        assert!((bowl.value(-s, c) - 5.0).abs() < 1e-12);
    }

    #[test]
    fn regression_minimum_is_the_least_squares_line() {
        let regression = Regression::default();
        let (xs, ys) = regression.data();
        assert_eq!(xs.len(), 20);
        let n = xs.len() as f64;
        let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
        let cov: f64 = xs.iter().zip(ys).map(|(x, y)| (x - mx) * (y - my)).sum();
        let var: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
        let (w, b) = (cov / var, my - cov / var * mx);
        let loss = |w: f64, b: f64| {
            xs.iter()
                .zip(ys)
                .map(|(x, y)| (w * x + b - y).powi(2))
                .sum::<f64>()
                / (2.0 * n)
        };
        let [(w_star, b_star, j_star)] = regression.minima()[..] else {
            panic!("one minimum")
        };
        assert!(close(w_star, w, 1e-12, 1e-12) && close(b_star, b, 1e-12, 1e-12));
        assert!(close(j_star, loss(w, b), 1e-12, 1e-12));
        assert!(
            (w - 1.5).abs() < 0.5 && (b + 0.5).abs() < 0.7,
            "the noisy line ({w}, {b})"
        );
        let mut rng = rng::seeded(5);
        for _ in 0..50 {
            let (w, b) = (
                rng::uniform(&mut rng, -5.0, 5.0),
                rng::uniform(&mut rng, -5.0, 5.0),
            );
            assert!(
                close(regression.value(w, b), loss(w, b), 1e-12, 1e-12),
                "J({w}, {b})"
            );
        }
        assert_eq!(
            Regression::default(),
            regression,
            "the default dataset is deterministic"
        );
    }

    #[test]
    fn regression_refuses_unusable_data() {
        let refuse = |xs: Vec<f64>, ys: Vec<f64>| {
            let err = Regression::new(xs, ys).unwrap_err();
            assert!(
                matches!(err.kind(), crate::ErrorKind::Data { .. }),
                "{err:?}"
            );
            err.to_string()
        };
        assert!(refuse(vec![], vec![]).contains("no points"));
        assert!(refuse(vec![1.0, 2.0], vec![1.0]).contains("2 x values but 1 y values"));
        assert!(refuse(vec![1.0, f64::NAN], vec![1.0, 2.0]).starts_with("point 2"));
        assert!(refuse(vec![1.0, 2.0], vec![f64::INFINITY, 2.0]).starts_with("point 1"));
        assert!(refuse(vec![3.0, 3.0], vec![1.0, 2.0]).contains("every x equals 3"));
        assert!(Regression::new(vec![0.0, 1.0], vec![1.0, 3.0]).is_ok());
    }
}
