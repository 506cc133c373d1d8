//! The loss of a straight-line fit: model search in its textbook form.

use super::Landscape;
use crate::text::Num;
use crate::{Error, Result, rng};

/// J(w, b) = 1/(2n) Σᵢ (w·xᵢ + b − yᵢ)², the mean squared error (halved) of the line
/// y = w·x + b on a 1-D dataset, over the parameters (w, b).
///
/// With x̄, ȳ the means, Vₓ the variance of x and c = w·x̄ + b − ȳ, this is
/// J = ½ Vₓ (w − w*)² + ½ c² + J*, a bowl whose only minimum is the least-squares line
/// w* = cov(x, y) / var(x), b* = ȳ − w*·x̄, with J* half the mean squared residual.
/// The domain is centred on (w*, b*): w* ± max(3, 2|w*|) by b* ± max(3, 2|b*|).
#[derive(Debug, Clone, PartialEq)]
pub struct Regression {
    xs: Vec<f64>,
    ys: Vec<f64>,
    mean_x: f64,
    mean_y: f64,
    var_x: f64,
    w_star: f64,
    b_star: f64,
    j_star: f64,
}

impl Regression {
    /// The loss over the points (xs[i], ys[i]). The data must be non-empty, of equal lengths,
    /// finite, and the xs must not all be equal (otherwise the slope is undetermined).
    pub fn new(xs: Vec<f64>, ys: Vec<f64>) -> Result<Self> {
        if xs.is_empty() {
            return Err(Error::data("the regression data has no points"));
        }
        if xs.len() != ys.len() {
            return Err(Error::data(format!(
                "the regression data has {} x values but {} y values",
                xs.len(),
                ys.len()
            )));
        }
        if let Some(i) = xs
            .iter()
            .zip(&ys)
            .position(|(x, y)| !x.is_finite() || !y.is_finite())
        {
            return Err(Error::data(format!(
                "point {} ({}, {}) is not a pair of finite numbers",
                i + 1,
                Num(xs[i]),
                Num(ys[i])
            )));
        }
        if xs.iter().all(|&x| x == xs[0]) {
            return Err(Error::data(format!(
                "every x equals {}, so the slope w cannot be fitted; give at least two different x",
                Num(xs[0])
            )));
        }
        let n = xs.len() as f64;
        let mean_x = xs.iter().sum::<f64>() / n;
        let mean_y = ys.iter().sum::<f64>() / n;
        let (mut var_x, mut cov_xy) = (0.0, 0.0);
        for (x, y) in xs.iter().zip(&ys) {
            var_x += (x - mean_x) * (x - mean_x);
            cov_xy += (x - mean_x) * (y - mean_y);
        }
        let w_star = cov_xy / var_x;
        var_x /= n;
        let b_star = mean_y - w_star * mean_x;
        let j_star = xs
            .iter()
            .zip(&ys)
            .map(|(x, y)| (w_star * x + b_star - y).powi(2))
            .sum::<f64>()
            / (2.0 * n);
        Ok(Regression {
            xs,
            ys,
            mean_x,
            mean_y,
            var_x,
            w_star,
            b_star,
            j_star,
        })
    }

    /// The dataset as `(xs, ys)`.
    pub fn data(&self) -> (&[f64], &[f64]) {
        (&self.xs, &self.ys)
    }

    /// c = w·x̄ + b − ȳ, the mean residual of the line (w, b).
    fn mean_residual(&self, w: f64, b: f64) -> f64 {
        w * self.mean_x + b - self.mean_y
    }
}

impl Default for Regression {
    /// Twenty points of the noisy line y = 1.5x − 0.5 + N(0, 0.5²), x uniform in [−1, 3],
    /// always the same (drawn from a fixed seed).
    fn default() -> Self {
        let mut rng = rng::seeded(2024);
        let xs: Vec<f64> = (0..20).map(|_| rng::uniform(&mut rng, -1.0, 3.0)).collect();
        let ys = xs
            .iter()
            .map(|x| 1.5 * x - 0.5 + 0.5 * rng::standard_normal(&mut rng))
            .collect();
        Regression::new(xs, ys).expect("the built-in dataset is valid")
    }
}

impl Landscape for Regression {
    fn id(&self) -> &'static str {
        "regression"
    }

    fn label(&self) -> &'static str {
        "Linear-regression loss"
    }

    fn formula(&self) -> &'static str {
        "J(w,b) = 1/(2n) Σᵢ (w·xᵢ + b − yᵢ)²"
    }

    fn value(&self, w: f64, b: f64) -> f64 {
        let c = self.mean_residual(w, b);
        let dw = w - self.w_star;
        0.5 * (self.var_x * dw * dw + c * c) + self.j_star
    }

    fn gradient(&self, w: f64, b: f64) -> (f64, f64) {
        let c = self.mean_residual(w, b);
        (self.var_x * (w - self.w_star) + c * self.mean_x, c)
    }

    fn domain(&self) -> ((f64, f64), (f64, f64)) {
        let around = |centre: f64| {
            let half = (2.0 * centre.abs()).max(3.0);
            (centre - half, centre + half)
        };
        (around(self.w_star), around(self.b_star))
    }

    fn minima(&self) -> Vec<(f64, f64, f64)> {
        vec![(self.w_star, self.b_star, self.j_star)]
    }
}
