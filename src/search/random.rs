//! Random search: global uniform sampling in the domain box, and the local walk
//! θ ← θ + ε with ε ~ N(0, σ²I), kept only when it improves J.

use super::explain::{num, vector};
use super::protocol::{Pending, StepMarks, Strategy};
use super::settings::StrategySettings;
use crate::Result;
use crate::rng::{Rng, standard_normal, uniform};

/// The index and value of the smallest finite value, if any.
pub(super) fn argmin(values: &[f64]) -> Option<(usize, f64)> {
    values
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, v)| !v.is_nan())
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

/// Samples k points per step uniformly in the box and keeps the best. Its position is the
/// start point until the first samples are scored (never a point it has not evaluated, such
/// as the box's centre, which is the minimum of several test surfaces).
#[derive(Clone)]
pub struct GlobalSampling {
    settings: StrategySettings,
    bounds: Vec<(f64, f64)>,
    asked: Vec<f64>,
    best: Vec<f64>,
    best_value: f64,
    step: usize,
    pending: Pending,
}

impl GlobalSampling {
    /// Samples inside `bounds`, `settings.samples_per_step` points per step; stands at `start`
    /// before the first step.
    pub fn new(settings: &StrategySettings, start: &[f64], bounds: &[(f64, f64)]) -> Self {
        GlobalSampling {
            settings: settings.clone(),
            bounds: bounds.to_vec(),
            asked: Vec::new(),
            best: start.to_vec(),
            best_value: f64::INFINITY,
            step: 0,
            pending: Pending::default(),
        }
    }
}

impl Strategy for GlobalSampling {
    fn dim(&self) -> usize {
        self.bounds.len()
    }

    fn wants_gradient(&self) -> bool {
        false
    }

    fn ask(&mut self, rng: &mut Rng) -> Result<&[f64]> {
        let k = self.settings.samples_per_step;
        self.pending.ask(k)?;
        self.asked.clear();
        for _ in 0..k {
            for &(lo, hi) in &self.bounds {
                self.asked.push(uniform(rng, lo, hi));
            }
        }
        Ok(&self.asked)
    }

    fn tell(&mut self, values: &[f64], gradients: &[f64]) -> Result<()> {
        self.pending
            .tell(values.len(), gradients.len(), self.dim(), false)?;
        self.step += 1;
        if let Some((i, v)) = argmin(values).filter(|&(_, v)| v < self.best_value) {
            let d = self.dim();
            self.best.copy_from_slice(&self.asked[i * d..(i + 1) * d]);
            self.best_value = v;
        }
        Ok(())
    }

    fn position(&self) -> &[f64] {
        &self.best
    }

    fn explain(&self) -> String {
        let k = self.settings.samples_per_step;
        if self.step == 0 {
            return format!("θ ~ U(domain box), {k} samples per step");
        }
        format!(
            "θ ~ U(domain box), {k} samples per step\nbest so far θ* = {}, J(θ*) = {}",
            vector(&self.best),
            num(self.best_value)
        )
    }

    fn marks(&self) -> StepMarks {
        StepMarks::default()
    }

    fn retune(&mut self, settings: &StrategySettings) -> bool {
        if settings.kind != self.settings.kind {
            return false;
        }
        self.settings = settings.clone();
        true
    }

    fn snapshot(&self) -> Box<dyn Strategy> {
        Box::new(self.clone())
    }
}

/// The local walk: proposes k points θ + ε around the current θ and moves to the best
/// proposal when it improves on J(θ).
#[derive(Clone)]
pub struct LocalWalk {
    settings: StrategySettings,
    bounds: Vec<(f64, f64)>,
    theta: Vec<f64>,
    value: f64,
    asked: Vec<f64>,
    last_accepted: Option<bool>,
    step: usize,
    pending: Pending,
}

impl LocalWalk {
    /// Starts the walk at `start`; proposals are clipped to `bounds`.
    pub fn new(settings: &StrategySettings, start: &[f64], bounds: &[(f64, f64)]) -> Self {
        LocalWalk {
            settings: settings.clone(),
            bounds: bounds.to_vec(),
            theta: start.to_vec(),
            value: f64::INFINITY,
            asked: Vec::new(),
            last_accepted: None,
            step: 0,
            pending: Pending::default(),
        }
    }
}

impl Strategy for LocalWalk {
    fn dim(&self) -> usize {
        self.theta.len()
    }

    fn wants_gradient(&self) -> bool {
        false
    }

    /// The first step evaluates the start point itself; later steps ask k perturbations.
    fn ask(&mut self, rng: &mut Rng) -> Result<&[f64]> {
        let k = if self.step == 0 {
            1
        } else {
            self.settings.samples_per_step
        };
        self.pending.ask(k)?;
        self.asked.clear();
        if self.step == 0 {
            self.asked.extend_from_slice(&self.theta);
        } else {
            for _ in 0..k {
                for (t, &(lo, hi)) in self.theta.iter().zip(&self.bounds) {
                    let proposal = t + self.settings.sigma * standard_normal(rng);
                    // max/min rather than f64::clamp, whose panic message would pull float formatting
                    // into the wasm module.
                    self.asked.push(proposal.max(lo).min(hi));
                }
            }
        }
        Ok(&self.asked)
    }

    fn tell(&mut self, values: &[f64], gradients: &[f64]) -> Result<()> {
        self.pending
            .tell(values.len(), gradients.len(), self.dim(), false)?;
        let first = self.step == 0;
        self.step += 1;
        let best = argmin(values);
        let accepted = matches!(best, Some((_, v)) if v < self.value || first);
        if let Some((i, v)) = best.filter(|_| accepted) {
            let d = self.dim();
            self.theta.copy_from_slice(&self.asked[i * d..(i + 1) * d]);
            self.value = v;
        }
        self.last_accepted = (!first).then_some(accepted);
        Ok(())
    }

    fn position(&self) -> &[f64] {
        &self.theta
    }

    fn explain(&self) -> String {
        let sigma = num(self.settings.sigma);
        let head = format!(
            "θ' = θ + ε, ε ~ N(0, {sigma}²I), {} proposals",
            self.settings.samples_per_step
        );
        match self.last_accepted {
            // Before the first step the start is not scored yet (its value is ∞ until then).
            None if !self.value.is_finite() => {
                format!(
                    "{head}\nstart θ₀ = {}; the first step scores it",
                    vector(&self.theta)
                )
            }
            None => format!(
                "{head}\nstart θ₀ = {}, J = {}",
                vector(&self.theta),
                num(self.value)
            ),
            Some(true) => format!(
                "{head}\naccepted: θ = {}, J = {}",
                vector(&self.theta),
                num(self.value)
            ),
            Some(false) => format!(
                "{head}\nrejected (no proposal beat J = {}): θ stays {}",
                num(self.value),
                vector(&self.theta)
            ),
        }
    }

    fn marks(&self) -> StepMarks {
        StepMarks {
            accepted: self.last_accepted,
            ..Default::default()
        }
    }

    fn retune(&mut self, settings: &StrategySettings) -> bool {
        if settings.kind != self.settings.kind {
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
    use crate::search::StrategyKind;

    fn sphere(points: &[f64]) -> Vec<f64> {
        points
            .chunks(2)
            .map(|p| p[0] * p[0] + p[1] * p[1])
            .collect()
    }

    #[test]
    fn global_samples_stay_in_the_box_and_best_never_worsens() {
        let bounds = [(-2.0, 1.0), (3.0, 4.0)];
        let settings = StrategySettings {
            kind: StrategyKind::RandomGlobal,
            samples_per_step: 7,
            ..Default::default()
        };
        let mut s = GlobalSampling::new(&settings, &[0.0, 3.5], &bounds);
        let mut rng = seeded(5);
        let mut best = f64::INFINITY;
        for _ in 0..200 {
            let points = s.ask(&mut rng).unwrap().to_vec();
            assert_eq!(points.len(), 14);
            for p in points.chunks(2) {
                assert!(
                    (-2.0..1.0).contains(&p[0]) && (3.0..4.0).contains(&p[1]),
                    "{p:?}"
                );
            }
            s.tell(&sphere(&points), &[]).unwrap();
            let now = sphere(s.position())[0];
            assert!(now <= best);
            best = now;
        }
    }

    #[test]
    fn walk_moves_only_when_it_improves() {
        let settings = StrategySettings {
            kind: StrategyKind::RandomWalk,
            sigma: 0.5,
            ..Default::default()
        };
        let mut s = LocalWalk::new(&settings, &[2.0, 2.0], &[(-5.0, 5.0), (-5.0, 5.0)]);
        let mut rng = seeded(9);
        let mut current = f64::INFINITY;
        let mut moves = 0;
        for _ in 0..100 {
            let points = s.ask(&mut rng).unwrap().to_vec();
            let before = s.position().to_vec();
            s.tell(&sphere(&points), &[]).unwrap();
            let value = sphere(s.position())[0];
            assert!(value <= current);
            if s.position() != before.as_slice() {
                moves += 1;
                assert_eq!(
                    s.marks().accepted,
                    if current.is_finite() {
                        Some(true)
                    } else {
                        None
                    }
                );
            }
            current = value;
        }
        assert!(moves > 5 && current < 0.1, "moves {moves}, J {current}");
    }

    #[test]
    fn the_walk_explains_its_start_without_an_infinite_value() {
        let settings = StrategySettings {
            kind: StrategyKind::RandomWalk,
            ..Default::default()
        };
        let mut s = LocalWalk::new(&settings, &[2.0, 2.0], &[(-5.0, 5.0), (-5.0, 5.0)]);
        assert!(
            s.explain()
                .ends_with("start θ₀ = (2, 2); the first step scores it")
        );
        let points = s.ask(&mut seeded(1)).unwrap().to_vec();
        s.tell(&sphere(&points), &[]).unwrap();
        assert!(
            s.explain().ends_with("start θ₀ = (2, 2), J = 8"),
            "{}",
            s.explain()
        );
    }

    #[test]
    fn protocol_misuse_is_a_typed_error() {
        let settings = StrategySettings {
            kind: StrategyKind::RandomGlobal,
            ..Default::default()
        };
        let mut s = GlobalSampling::new(&settings, &[0.5, 0.5], &[(0.0, 1.0), (0.0, 1.0)]);
        let mut rng = seeded(1);
        assert!(matches!(
            s.tell(&[1.0], &[]),
            Err(e) if matches!(e.kind(), crate::ErrorKind::Protocol(_))
        ));
        s.ask(&mut rng).unwrap();
        assert!(
            matches!(s.ask(&mut rng), Err(e) if matches!(e.kind(), crate::ErrorKind::Protocol(_)))
        );
        assert!(matches!(
            s.tell(&[1.0, 2.0], &[]),
            Err(e) if matches!(e.kind(), crate::ErrorKind::Protocol(_))
        ));
    }
}
