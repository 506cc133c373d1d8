//! Grid search: the box cut into n equal cells per axis, every cell's centre evaluated once,
//! a few per step, in a fixed order (the first axis fastest). Bergstra and Bengio's point: with
//! a budget of n² points on a 2-D problem where only one axis matters, a grid tries just n
//! values of that axis, random search n² of them.

use super::explain::{num, vector};
use super::protocol::{Pending, StepMarks, Strategy};
use super::random::argmin;
use super::settings::StrategySettings;
use crate::error::check_count;
use crate::rng::Rng;
use crate::{Error, Result};
use serde::Serialize;

/// Allowed points per axis.
pub const POINTS_RANGE: [usize; 2] = [2, 100];
/// The most points a grid may have in all (so a grid over a model's many weights is refused).
pub const MAX_GRID_POINTS: usize = 1_000_000;

/// Grid search's own settings (how many points it evaluates per step is the random searches'
/// `samples_per_step`). Written as its one number.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct GridSettings {
    /// Points per axis n: the grid has nᵈ points.
    pub grid_points: usize,
}

impl Default for GridSettings {
    fn default() -> Self {
        GridSettings { grid_points: 10 }
    }
}

impl GridSettings {
    /// Checks the points per axis against [`POINTS_RANGE`].
    pub fn validate(&self) -> Result<()> {
        let [min, max] = POINTS_RANGE;
        check_count("grid points per axis", self.grid_points, min, max).map(|_| ())
    }
}

/// The `index`-th point of the grid with `n` points per axis over `bounds` (the first axis
/// fastest): coordinate j is the centre of cell ⌊index / nʲ⌋ mod n, lo + (i + ½)(hi − lo)/n.
pub fn grid_point(bounds: &[(f64, f64)], n: usize, index: usize, out: &mut Vec<f64>) {
    let mut rest = index;
    for &(lo, hi) in bounds {
        let i = rest % n;
        rest /= n;
        out.push(lo + (i as f64 + 0.5) * (hi - lo) / n as f64);
    }
}

/// Visits every point of the grid once, `samples_per_step` per step, and keeps the best.
/// Like global sampling, it stands at the start point until its first points are scored.
#[derive(Clone)]
pub struct GridSearch {
    settings: StrategySettings,
    bounds: Vec<(f64, f64)>,
    total: usize,
    next: usize,
    asked: Vec<f64>,
    best: Vec<f64>,
    best_value: f64,
    pending: Pending,
}

impl GridSearch {
    /// A grid over `bounds` with `settings.grid.grid_points` per axis; refused when it would
    /// have more than [`MAX_GRID_POINTS`] points.
    pub fn new(settings: &StrategySettings, start: &[f64], bounds: &[(f64, f64)]) -> Result<Self> {
        let n = settings.grid.grid_points;
        let total = (0..bounds.len()).try_fold(1usize, |acc, _| {
            acc.checked_mul(n).filter(|&t| t <= MAX_GRID_POINTS)
        });
        let Some(total) = total else {
            return Err(Error::setting(
                "grid points per axis",
                "too many points for this many parameters (at most 1000000 in all): a grid suits a 2-D landscape",
            ));
        };
        Ok(GridSearch {
            settings: settings.clone(),
            bounds: bounds.to_vec(),
            total,
            next: 0,
            asked: Vec::new(),
            best: start.to_vec(),
            best_value: f64::INFINITY,
            pending: Pending::default(),
        })
    }
}

impl Strategy for GridSearch {
    fn dim(&self) -> usize {
        self.bounds.len()
    }

    fn wants_gradient(&self) -> bool {
        false
    }

    /// The next `samples_per_step` grid points (fewer at the end of the grid).
    fn ask(&mut self, _rng: &mut Rng) -> Result<&[f64]> {
        let k = self.settings.samples_per_step.min(self.total - self.next);
        self.pending.ask(k)?;
        self.asked.clear();
        for index in self.next..self.next + k {
            grid_point(
                &self.bounds,
                self.settings.grid.grid_points,
                index,
                &mut self.asked,
            );
        }
        Ok(&self.asked)
    }

    fn tell(&mut self, values: &[f64], gradients: &[f64]) -> Result<()> {
        self.pending
            .tell(values.len(), gradients.len(), self.dim(), false)?;
        self.next += values.len();
        if let Some((i, v)) = argmin(values).filter(|&(_, v)| v < self.best_value) {
            let d = self.dim();
            self.best.copy_from_slice(&self.asked[i * d..(i + 1) * d]);
            self.best_value = v;
        }
        Ok(())
    }

    fn exhausted(&self) -> bool {
        self.next >= self.total
    }

    fn snapshot(&self) -> Box<dyn Strategy> {
        Box::new(self.clone())
    }

    fn position(&self) -> &[f64] {
        &self.best
    }

    fn explain(&self) -> String {
        let n = self.settings.grid.grid_points;
        let head = format!(
            "θ on a {n}-per-axis grid of cell centres: {} of {} points visited",
            self.next, self.total
        );
        if self.next == 0 {
            return head;
        }
        format!(
            "{head}\nbest so far θ* = {}, J(θ*) = {}",
            vector(&self.best),
            num(self.best_value)
        )
    }

    fn marks(&self) -> StepMarks {
        StepMarks::default()
    }

    /// The points per step apply mid-run; another grid size restarts it.
    fn retune(&mut self, settings: &StrategySettings) -> bool {
        if settings.kind != self.settings.kind || settings.grid != self.settings.grid {
            return false;
        }
        self.settings = settings.clone();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::seeded;
    use crate::search::StrategyKind;

    fn settings(points: usize, per_step: usize) -> StrategySettings {
        StrategySettings {
            kind: StrategyKind::Grid,
            samples_per_step: per_step,
            grid: GridSettings {
                grid_points: points,
            },
            ..Default::default()
        }
    }

    /// J(x, y) = (x − 0.3)² + (y + 1.1)², a bowl whose minimum is off every grid below.
    fn bowl(points: &[f64]) -> Vec<f64> {
        points
            .chunks(2)
            .map(|p| (p[0] - 0.3).powi(2) + (p[1] + 1.1).powi(2))
            .collect()
    }

    #[test]
    fn it_visits_exactly_the_cell_centres_of_the_box_once_and_keeps_the_grid_minimum() {
        let bounds = [(-2.0, 2.0), (-3.0, 1.0)];
        let n = 7;
        let mut s = GridSearch::new(&settings(n, 4), &[0.0, 0.0], &bounds).unwrap();
        let mut rng = seeded(1);
        let mut visited = Vec::new();
        let mut steps = 0;
        while !s.exhausted() {
            let points = s.ask(&mut rng).unwrap().to_vec();
            s.tell(&bowl(&points), &[]).unwrap();
            visited.extend(points.chunks(2).map(|p| (p[0], p[1])));
            steps += 1;
        }
        assert_eq!(steps, 13, "49 points, 4 a step: the last step asks 1");
        // The definition: x = −2 + (i + ½)·4/7, y = −3 + (j + ½)·4/7, for i, j in 0..7.
        let mut expected = Vec::new();
        for j in 0..n {
            for i in 0..n {
                let x = -2.0 + (i as f64 + 0.5) * 4.0 / 7.0;
                let y = -3.0 + (j as f64 + 0.5) * 4.0 / 7.0;
                expected.push((x, y));
            }
        }
        let close = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() + (a.1 - b.1).abs() < 1e-12;
        assert_eq!(visited.len(), expected.len());
        for e in &expected {
            let hits = visited.iter().filter(|v| close(**v, *e)).count();
            assert_eq!(hits, 1, "{e:?}");
        }
        let grid_min = expected
            .iter()
            .map(|&(x, y)| bowl(&[x, y])[0])
            .fold(f64::INFINITY, f64::min);
        assert_eq!(bowl(s.position())[0], grid_min);
        assert!(grid_min > 0.0, "the true minimum is not on the grid");
    }

    #[test]
    fn a_grid_too_large_for_the_parameters_is_refused_by_name() {
        let bounds = vec![(-1.0, 1.0); 9];
        let error = GridSearch::new(&settings(10, 5), &[0.0; 9], &bounds)
            .err()
            .unwrap()
            .to_string();
        assert!(error.starts_with("grid points per axis"), "{error}");
        let three = vec![(-1.0, 1.0); 3];
        assert!(GridSearch::new(&settings(10, 5), &[0.0; 3], &three).is_ok());
    }
}
