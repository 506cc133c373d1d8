//! Gradient descent θ ← θ − α∇J(θ) and its update rules: plain, momentum, Nesterov,
//! AdaGrad, RMSProp and Adam. It asks one point per step (Nesterov asks at its look-ahead).

use super::explain::{num, subscript, superscript, vector};
use super::protocol::{Pending, StepMarks, Strategy};
use super::settings::{StrategySettings, UpdateRule};
use crate::Result;
use crate::rng::Rng;

/// Gradient descent with one update rule and its state.
#[derive(Clone)]
pub struct GradientDescent {
    settings: StrategySettings,
    theta: Vec<f64>,
    /// Momentum velocity v, AdaGrad's sum G, RMSProp's average s, or Adam's first moment m.
    first: Vec<f64>,
    /// Adam's second moment v.
    second: Vec<f64>,
    asked: Vec<f64>,
    previous: Vec<f64>,
    last_gradient: Vec<f64>,
    step: usize,
    pending: Pending,
}

impl GradientDescent {
    /// Starts at `start` with the rule and rates of `settings`.
    pub fn new(settings: &StrategySettings, start: &[f64]) -> Self {
        let d = start.len();
        GradientDescent {
            settings: settings.clone(),
            theta: start.to_vec(),
            first: vec![0.0; d],
            second: vec![0.0; d],
            asked: start.to_vec(),
            previous: start.to_vec(),
            last_gradient: vec![0.0; d],
            step: 0,
            pending: Pending::default(),
        }
    }

    /// The gradient seen at the last step.
    pub fn last_gradient(&self) -> &[f64] {
        &self.last_gradient
    }

    /// Adam's bias-corrected moments m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ) after step t, and the
    /// direction m̂/(√v̂ + ε) that step moved along (times α).
    fn adam_terms(&self) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
        let s = &self.settings;
        let t = self.step as i32;
        let (c1, c2) = (1.0 - s.beta1.powi(t), 1.0 - s.beta2.powi(t));
        let m_hat: Vec<f64> = self.first.iter().map(|m| m / c1).collect();
        let v_hat: Vec<f64> = self.second.iter().map(|v| v / c2).collect();
        let step = m_hat
            .iter()
            .zip(&v_hat)
            .map(|(m, v)| m / (v.sqrt() + s.epsilon))
            .collect();
        (m_hat, v_hat, step)
    }

    fn apply(&mut self, g: &[f64]) {
        let s = &self.settings;
        let (alpha, eps) = (s.learning_rate, s.epsilon);
        match s.rule {
            UpdateRule::Plain => {
                for (t, gi) in self.theta.iter_mut().zip(g) {
                    *t -= alpha * gi;
                }
            }
            UpdateRule::Momentum | UpdateRule::Nesterov => {
                for ((t, v), gi) in self.theta.iter_mut().zip(&mut self.first).zip(g) {
                    *v = s.momentum * *v + gi;
                    *t -= alpha * *v;
                }
            }
            UpdateRule::Adagrad => {
                for ((t, acc), gi) in self.theta.iter_mut().zip(&mut self.first).zip(g) {
                    *acc += gi * gi;
                    *t -= alpha * gi / (acc.sqrt() + eps);
                }
            }
            UpdateRule::Rmsprop => {
                for ((t, avg), gi) in self.theta.iter_mut().zip(&mut self.first).zip(g) {
                    *avg = s.rho * *avg + (1.0 - s.rho) * gi * gi;
                    *t -= alpha * gi / (avg.sqrt() + eps);
                }
            }
            UpdateRule::Adam => {
                let t_step = self.step as i32;
                let c1 = 1.0 - s.beta1.powi(t_step);
                let c2 = 1.0 - s.beta2.powi(t_step);
                for (((t, m), v), gi) in self
                    .theta
                    .iter_mut()
                    .zip(&mut self.first)
                    .zip(&mut self.second)
                    .zip(g)
                {
                    *m = s.beta1 * *m + (1.0 - s.beta1) * gi;
                    *v = s.beta2 * *v + (1.0 - s.beta2) * gi * gi;
                    *t -= alpha * (*m / c1) / ((*v / c2).sqrt() + eps);
                }
            }
        }
    }
}

impl Strategy for GradientDescent {
    fn dim(&self) -> usize {
        self.theta.len()
    }

    fn wants_gradient(&self) -> bool {
        true
    }

    fn ask(&mut self, _rng: &mut Rng) -> Result<&[f64]> {
        self.pending.ask(1)?;
        self.asked.copy_from_slice(&self.theta);
        if self.settings.rule == UpdateRule::Nesterov {
            let lookahead = self.settings.learning_rate * self.settings.momentum;
            for (a, v) in self.asked.iter_mut().zip(&self.first) {
                *a -= lookahead * v;
            }
        }
        Ok(&self.asked)
    }

    fn tell(&mut self, values: &[f64], gradients: &[f64]) -> Result<()> {
        self.pending
            .tell(values.len(), gradients.len(), self.dim(), true)?;
        self.step += 1;
        self.previous.copy_from_slice(&self.theta);
        self.last_gradient.copy_from_slice(gradients);
        self.apply(gradients);
        Ok(())
    }

    fn position(&self) -> &[f64] {
        &self.theta
    }

    fn explain(&self) -> String {
        let s = &self.settings;
        if self.step == 0 {
            return format!("θ₀ = {}", vector(&self.theta));
        }
        let t = self.step;
        let (now, before) = (subscript(t), subscript(t - 1));
        let (theta, prev, g, a) = (
            vector(&self.theta),
            vector(&self.previous),
            vector(&self.last_gradient),
            num(s.learning_rate),
        );
        match s.rule {
            UpdateRule::Plain => {
                format!("θ{now} = θ{before} − α∇J(θ{before}) = {prev} − {a}·{g} = {theta}")
            }
            UpdateRule::Momentum => format!(
                "v{now} = {}·v{before} + ∇J(θ{before}) = {}\nθ{now} = θ{before} − α·v{now} = {prev} − {a}·{} = {theta}",
                num(s.momentum),
                vector(&self.first),
                vector(&self.first)
            ),
            UpdateRule::Nesterov => format!(
                "v{now} = {}·v{before} + ∇J(θ{before} − αμ·v{before}), with ∇J = {g}\nθ{now} = θ{before} − α·v{now} = {prev} − {a}·{} = {theta}",
                num(s.momentum),
                vector(&self.first)
            ),
            UpdateRule::Adagrad => format!(
                "G{now} = G{before} + g² = {}\nθ{now} = θ{before} − α·g/(√G{now} + ε) = {prev} − {a}·{g}/(√G + ε) = {theta}",
                vector(&self.first)
            ),
            UpdateRule::Rmsprop => format!(
                "s{now} = {}·s{before} + {}·g² = {}\nθ{now} = θ{before} − α·g/(√s{now} + ε) = {prev} − {a}·{g}/(√s + ε) = {theta}",
                num(s.rho),
                num(1.0 - s.rho),
                vector(&self.first)
            ),
            UpdateRule::Adam => {
                let (m_hat, v_hat, step) = self.adam_terms();
                let power = superscript(t);
                format!(
                    "m{now} = β₁·m{before} + (1−β₁)·g = {}, v{now} = β₂·v{before} + (1−β₂)·g² = {} (β₁ = {}, β₂ = {})\nm̂ = m{now}/(1 − β₁{power}) = {}, v̂ = v{now}/(1 − β₂{power}) = {}\nθ{now} = θ{before} − α·m̂/(√v̂ + ε) = {prev} − {a}·{} = {theta}",
                    vector(&self.first),
                    vector(&self.second),
                    num(s.beta1),
                    num(s.beta2),
                    vector(&m_hat),
                    vector(&v_hat),
                    vector(&step)
                )
            }
        }
    }

    fn marks(&self) -> StepMarks {
        StepMarks::default()
    }

    fn retune(&mut self, settings: &StrategySettings) -> bool {
        if settings.kind != self.settings.kind || settings.rule != self.settings.rule {
            return false;
        }
        self.settings = settings.clone();
        true
    }

    fn snapshot(&self) -> Box<dyn Strategy> {
        Box::new(self.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::seeded;

    /// One step on the bowl J = ½(x² + 10y²) from (1, 1): ∇J = (1, 10).
    fn one_step(rule: UpdateRule, steps: usize) -> (Vec<f64>, GradientDescent) {
        let settings = StrategySettings {
            rule,
            learning_rate: 0.1,
            ..Default::default()
        };
        let mut gd = GradientDescent::new(&settings, &[1.0, 1.0]);
        let mut rng = seeded(0);
        let mut asked = Vec::new();
        for _ in 0..steps {
            let p = gd.ask(&mut rng).unwrap().to_vec();
            asked = p.clone();
            let g = [p[0], 10.0 * p[1]];
            let j = 0.5 * (p[0] * p[0] + 10.0 * p[1] * p[1]);
            gd.tell(&[j], &g).unwrap();
        }
        (asked, gd)
    }

    fn close(a: &[f64], b: &[f64]) {
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() < 1e-12, "{a:?} != {b:?}");
        }
    }

    #[test]
    fn plain_step_is_theta_minus_alpha_gradient() {
        let (_, gd) = one_step(UpdateRule::Plain, 1);
        close(gd.position(), &[1.0 - 0.1 * 1.0, 1.0 - 0.1 * 10.0]);
        assert_eq!(
            gd.explain(),
            "θ₁ = θ₀ − α∇J(θ₀) = (1, 1) − 0.1·(1, 10) = (0.9, 0)"
        );
    }

    #[test]
    fn momentum_accumulates_velocity() {
        // Step 1: v = g = (1, 10), θ = (0.9, 0). Step 2: g = (0.9, 0), v = 0.9·(1,10) + (0.9, 0).
        let (_, gd) = one_step(UpdateRule::Momentum, 2);
        let v = [0.9 * 1.0 + 0.9, 0.9 * 10.0 + 0.0];
        close(gd.position(), &[0.9 - 0.1 * v[0], 0.0 - 0.1 * v[1]]);
    }

    #[test]
    fn nesterov_evaluates_at_the_look_ahead_point() {
        // After step 1: v = (1, 10), θ = (0.9, 0). Step 2 asks θ − αμv = (0.9 − 0.09, −0.9).
        let (asked, gd) = one_step(UpdateRule::Nesterov, 2);
        close(&asked, &[0.81, -0.9]);
        let g = [0.81, -9.0];
        let v = [0.9 * 1.0 + g[0], 0.9 * 10.0 + g[1]];
        close(gd.position(), &[0.9 - 0.1 * v[0], 0.0 - 0.1 * v[1]]);
    }

    #[test]
    fn adagrad_divides_by_root_of_summed_squares() {
        let (_, gd) = one_step(UpdateRule::Adagrad, 1);
        let eps = 1e-8;
        close(
            gd.position(),
            &[
                1.0 - 0.1 * 1.0 / (1.0 + eps),
                1.0 - 0.1 * 10.0 / (10.0 + eps),
            ],
        );
    }

    #[test]
    fn rmsprop_divides_by_root_of_running_average() {
        let (_, gd) = one_step(UpdateRule::Rmsprop, 1);
        let (rho, eps): (f64, f64) = (0.9, 1e-8);
        let s: [f64; 2] = [(1.0 - rho) * 1.0, (1.0 - rho) * 100.0];
        close(
            gd.position(),
            &[
                1.0 - 0.1 * 1.0 / (s[0].sqrt() + eps),
                1.0 - 0.1 * 10.0 / (s[1].sqrt() + eps),
            ],
        );
    }

    #[test]
    fn adam_first_step_moves_alpha_per_coordinate() {
        // With bias correction, m̂ = g and v̂ = g², so the first step is α·g/(|g| + ε).
        let (_, gd) = one_step(UpdateRule::Adam, 1);
        let eps = 1e-8;
        close(
            gd.position(),
            &[
                1.0 - 0.1 * 1.0 / (1.0 + eps),
                1.0 - 0.1 * 10.0 / (10.0 + eps),
            ],
        );
    }

    #[test]
    fn adam_second_step_uses_bias_corrected_moments() {
        let (_, gd) = one_step(UpdateRule::Adam, 2);
        let (b1, b2, eps, a): (f64, f64, f64, f64) = (0.9, 0.999, 1e-8, 0.1);
        let theta1 = [1.0 - a * 1.0 / (1.0 + eps), 1.0 - a * 10.0 / (10.0 + eps)];
        let g1 = [1.0, 10.0];
        let g2 = [theta1[0], 10.0 * theta1[1]];
        let expected: Vec<f64> = (0..2)
            .map(|i| {
                let m = b1 * (1.0 - b1) * g1[i] + (1.0 - b1) * g2[i];
                let v = b2 * (1.0 - b2) * g1[i] * g1[i] + (1.0 - b2) * g2[i] * g2[i];
                let (mh, vh) = (m / (1.0 - b1 * b1), v / (1.0 - b2 * b2));
                theta1[i] - a * mh / (vh.sqrt() + eps)
            })
            .collect();
        close(gd.position(), &expected);
    }

    #[test]
    fn adam_explanation_fills_in_the_corrected_moments_and_the_step() {
        let (_, gd) = one_step(UpdateRule::Adam, 2);
        let (b1, b2, eps): (f64, f64, f64) = (0.9, 0.999, 1e-8);
        let theta1 = [1.0 - 0.1 / (1.0 + eps), 1.0 - 0.1 * 10.0 / (10.0 + eps)];
        let (g1, g2) = ([1.0, 10.0], [theta1[0], 10.0 * theta1[1]]);
        let moment = |i: usize| {
            let m = b1 * (1.0 - b1) * g1[i] + (1.0 - b1) * g2[i];
            let v = b2 * (1.0 - b2) * g1[i] * g1[i] + (1.0 - b2) * g2[i] * g2[i];
            (m / (1.0 - b1 * b1), v / (1.0 - b2 * b2))
        };
        let ((mx, vx), (my, vy)) = (moment(0), moment(1));
        let pair = |a: f64, b: f64| format!("({}, {})", num(a), num(b));
        let text = gd.explain();
        let expected = [
            format!("m̂ = m₂/(1 − β₁²) = {}", pair(mx, my)),
            format!("v̂ = v₂/(1 − β₂²) = {}", pair(vx, vy)),
            format!(
                "− 0.1·{} = ",
                pair(mx / (vx.sqrt() + eps), my / (vy.sqrt() + eps))
            ),
        ];
        for part in expected {
            assert!(text.contains(&part), "{part:?} not in {text:?}");
        }
        assert!(!text.contains("0.1·m̂"), "the step has numbers: {text}");
    }

    #[test]
    fn learning_rate_retunes_mid_run_but_rule_change_does_not() {
        let settings = StrategySettings::default();
        let mut gd = GradientDescent::new(&settings, &[1.0, 1.0]);
        assert!(gd.retune(&StrategySettings {
            learning_rate: 0.2,
            ..settings.clone()
        }));
        assert!(!gd.retune(&StrategySettings {
            rule: UpdateRule::Adam,
            ..settings
        }));
    }
}
