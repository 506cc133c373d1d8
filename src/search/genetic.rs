//! A genetic algorithm over θ: tournament selection, uniform or blend crossover, Gaussian
//! mutation and elitism. One step is one generation: the first ask is the initial population
//! around the start point; every later ask breeds the next generation from the told values.

use super::explain::{num, vector};
use super::protocol::{Pending, StepMarks, Strategy};
use super::random::argmin;
use super::settings::{Crossover, StrategySettings};
use crate::Result;
use crate::rng::{Rng, index, standard_normal, uniform};

/// The GA's population and its operators' settings.
#[derive(Clone)]
pub struct Genetic {
    settings: StrategySettings,
    bounds: Vec<(f64, f64)>,
    centre: Vec<f64>,
    population: Vec<f64>,
    values: Vec<f64>,
    next: Vec<f64>,
    parents: Vec<u32>,
    order: Vec<usize>,
    best: Vec<f64>,
    best_value: f64,
    generation: usize,
    /// Children of the next generation bred so far (`None`: breeding has not begun).
    bred: Option<usize>,
    pending: Pending,
}

impl Genetic {
    /// A GA whose first generation is spread around `start` inside `bounds`.
    pub fn new(settings: &StrategySettings, start: &[f64], bounds: &[(f64, f64)]) -> Self {
        Genetic {
            settings: settings.clone(),
            bounds: bounds.to_vec(),
            centre: start.to_vec(),
            population: Vec::new(),
            values: Vec::new(),
            next: Vec::new(),
            parents: Vec::new(),
            bred: None,
            order: Vec::new(),
            best: start.to_vec(),
            best_value: f64::INFINITY,
            generation: 0,
            pending: Pending::default(),
        }
    }

    /// The population of the last told generation (before `ask` breeds the next one).
    pub fn population(&self) -> &[f64] {
        &self.population
    }

    /// One member of the first generation: a normal spread around the centre, in the box.
    fn initial_member(&mut self, rng: &mut Rng) {
        let spread = self.settings.initial_spread;
        for (c, &(lo, hi)) in self.centre.iter().zip(&self.bounds) {
            let gene = c + spread * (hi - lo) * standard_normal(rng);
            // max/min rather than f64::clamp, whose panic message would pull float formatting
            // into the wasm module.
            self.next.push(gene.max(lo).min(hi));
        }
    }

    /// Tournament selection: the best of k individuals drawn with replacement.
    fn select(&self, rng: &mut Rng) -> usize {
        let n = self.values.len();
        let mut winner = index(rng, n);
        for _ in 1..self.settings.tournament {
            let challenger = index(rng, n);
            if self.values[challenger] < self.values[winner] {
                winner = challenger;
            }
        }
        winner
    }

    /// Starts the next generation: the first is drawn around the centre (each member its own
    /// parent); a later one ranks the population and copies the elites.
    fn begin_breeding(&mut self) {
        // Room for the whole generation at once: growing by doubling would copy up to the
        // whole population in the one slice that outgrows it (about 70 MB for 2000 × 5 574 genes).
        self.next.clear();
        self.next
            .reserve_exact(self.settings.population * self.dim());
        if self.generation == 0 {
            let n = self.settings.population as u32;
            self.parents = (0..n).flat_map(|i| [i, i]).collect();
            self.bred = Some(0);
            return;
        }
        let d = self.dim();
        self.order = crate::ranking::ascending(&self.values);
        self.parents.clear();
        for &elite in &self.order[..self.settings.elitism] {
            self.next
                .extend_from_slice(&self.population[elite * d..(elite + 1) * d]);
            self.parents.extend([elite as u32, elite as u32]);
        }
        self.bred = Some(self.settings.elitism);
    }

    /// Breeds (or, first, draws) members of the next generation until it is complete or `budget` is spent
    /// (a child costs its genes × [`CHILD_COST`]); `true` when the generation is complete.
    fn breed(&mut self, rng: &mut Rng, budget: &mut usize) -> bool {
        if self.bred.is_none() {
            self.begin_breeding();
        }
        let d = self.dim();
        let n = self.settings.population;
        let mut bred = self.bred.unwrap_or(n);
        while bred < n {
            if *budget == 0 {
                self.bred = Some(bred);
                return false;
            }
            if self.generation == 0 {
                self.initial_member(rng);
            } else {
                self.breed_child(rng);
            }
            bred += 1;
            *budget = budget.saturating_sub(d * CHILD_COST);
        }
        self.bred = Some(n);
        true
    }

    /// One child: two parents by tournament, crossover gene by gene, mutation, the box.
    fn breed_child(&mut self, rng: &mut Rng) {
        let d = self.dim();
        let s = &self.settings;
        let (a, b) = (self.select(rng), self.select(rng));
        self.parents.extend([a as u32, b as u32]);
        for gene in 0..d {
            let (pa, pb) = (self.population[a * d + gene], self.population[b * d + gene]);
            let mut child = match s.crossover {
                Crossover::Uniform => {
                    if uniform(rng, 0.0, 1.0) < 0.5 {
                        pa
                    } else {
                        pb
                    }
                }
                Crossover::Blend => {
                    let (lo, hi) = (pa.min(pb), pa.max(pb));
                    let widen = s.blend_alpha * (hi - lo);
                    uniform(rng, lo - widen, hi + widen)
                }
            };
            if uniform(rng, 0.0, 1.0) < s.mutation_rate {
                child += s.mutation_sigma * standard_normal(rng);
            }
            let (lo, hi) = self.bounds[gene];
            self.next.push(child.max(lo).min(hi));
        }
    }
}

/// Work units one gene of a child costs to breed (a few random draws), against one
/// parameter of one row for an evaluation: measured in the browser, a gene takes about as
/// long as 300 such units (the evaluation's are SIMD multiply-adds), so a slice sized for an
/// evaluation breeds a few children, not hundreds.
pub const CHILD_COST: usize = 256;

impl Strategy for Genetic {
    fn dim(&self) -> usize {
        self.bounds.len()
    }

    fn wants_gradient(&self) -> bool {
        false
    }

    fn ask(&mut self, rng: &mut Rng) -> Result<&[f64]> {
        self.pending.ask(self.settings.population)?;
        let mut unlimited = usize::MAX;
        self.breed(rng, &mut unlimited);
        Ok(&self.next)
    }

    fn prepare(&mut self, rng: &mut Rng, budget: &mut usize) -> bool {
        self.breed(rng, budget)
    }

    fn asked(&self) -> Option<&[f64]> {
        Some(&self.next)
    }

    fn preparation(&self) -> Option<(usize, usize)> {
        let n = self.settings.population;
        self.bred.filter(|&bred| bred < n).map(|bred| (bred, n))
    }

    fn tell(&mut self, values: &[f64], gradients: &[f64]) -> Result<()> {
        self.pending
            .tell(values.len(), gradients.len(), self.dim(), false)?;
        self.generation += 1;
        self.bred = None;
        std::mem::swap(&mut self.population, &mut self.next);
        self.values.clear();
        self.values.extend(
            values
                .iter()
                .map(|&v| if v.is_nan() { f64::INFINITY } else { v }),
        );
        if let Some((i, v)) = argmin(&self.values).filter(|&(_, v)| v < self.best_value) {
            let d = self.dim();
            self.best
                .copy_from_slice(&self.population[i * d..(i + 1) * d]);
            self.best_value = v;
        }
        Ok(())
    }

    fn position(&self) -> &[f64] {
        &self.best
    }

    fn explain(&self) -> String {
        let s = &self.settings;
        let ops = format!(
            "tournament k = {}, {} crossover, mutation rate {} with σ = {}, {} elite(s) kept",
            s.tournament,
            match s.crossover {
                Crossover::Uniform => "uniform".to_string(),
                Crossover::Blend => format!("blend (α = {})", num(s.blend_alpha)),
            },
            num(s.mutation_rate),
            num(s.mutation_sigma),
            s.elitism
        );
        if self.generation == 0 {
            return format!(
                "population of {} around {}\n{ops}",
                s.population,
                vector(&self.centre)
            );
        }
        // The mean of the finite values (a member that evaluated to ∞ or NaN is left out).
        let (sum, count) = self
            .values
            .iter()
            .filter(|v| v.is_finite())
            .fold((0.0, 0), |(sum, count), v| (sum + v, count + 1));
        let mean = sum / count as f64;
        format!(
            "generation {}: best J = {} at {}, mean J = {}\n{ops}",
            self.generation,
            num(self.best_value),
            vector(&self.best),
            num(mean)
        )
    }

    fn marks(&self) -> StepMarks {
        let first = self.generation <= 1;
        StepMarks {
            accepted: None,
            parents: if first {
                Vec::new()
            } else {
                self.parents.clone()
            },
            elite_count: if first { 0 } else { self.settings.elitism },
        }
    }

    fn retune(&mut self, settings: &StrategySettings) -> bool {
        let structural =
            settings.kind != self.settings.kind || settings.population != self.settings.population;
        if structural {
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

    fn rastrigin(p: &[f64]) -> f64 {
        p.iter()
            .map(|x| x * x - 10.0 * (std::f64::consts::TAU * x).cos() + 10.0)
            .sum()
    }

    fn run(settings: &StrategySettings, generations: usize, check: impl Fn(&Genetic, &[f64])) {
        let bounds = [(-5.12, 5.12), (-5.12, 5.12)];
        let mut ga = Genetic::new(settings, &[3.0, 3.0], &bounds);
        let mut rng = seeded(11);
        for _ in 0..generations {
            let pop = ga.ask(&mut rng).unwrap().to_vec();
            assert_eq!(
                pop.len(),
                settings.population * 2,
                "population size is constant"
            );
            assert!(pop.iter().all(|g| (-5.12..=5.12).contains(g)));
            let values: Vec<f64> = pop.chunks(2).map(rastrigin).collect();
            ga.tell(&values, &[]).unwrap();
            check(&ga, &values);
        }
    }

    #[test]
    fn a_generation_bred_in_slices_is_the_generation_bred_at_once() {
        let settings = StrategySettings {
            kind: StrategyKind::Genetic,
            population: 40,
            ..Default::default()
        };
        let bounds = [(-5.12, 5.12), (-5.12, 5.12)];
        let generations = |slice: Option<usize>| {
            let mut ga = Genetic::new(&settings, &[3.0, 3.0], &bounds);
            let mut rng = seeded(5);
            let mut all = Vec::new();
            for _ in 0..4 {
                if let Some(units) = slice {
                    let mut slices = 0;
                    while !ga.prepare(&mut rng, &mut units.clone()) {
                        slices += 1;
                    }
                    assert!(slices > 3, "bred in {slices} slices");
                }
                let pop = ga.ask(&mut rng).unwrap().to_vec();
                let values: Vec<f64> = pop.chunks(2).map(rastrigin).collect();
                ga.tell(&values, &[]).unwrap();
                all.extend(pop.iter().map(|g| g.to_bits()));
            }
            all
        };
        assert_eq!(generations(Some(2 * CHILD_COST * 3)), generations(None));
    }

    #[test]
    fn with_elitism_the_generation_best_never_worsens() {
        let settings = StrategySettings {
            kind: StrategyKind::Genetic,
            elitism: 1,
            ..Default::default()
        };
        let best_of_generation = std::cell::Cell::new(f64::INFINITY);
        run(&settings, 60, |_, values| {
            let best = values.iter().copied().fold(f64::INFINITY, f64::min);
            assert!(
                best <= best_of_generation.get(),
                "{best} > {}",
                best_of_generation.get()
            );
            best_of_generation.set(best);
        });
        assert!(best_of_generation.get() < 1.0);
    }

    #[test]
    fn elites_are_copied_and_marked_first() {
        let settings = StrategySettings {
            kind: StrategyKind::Genetic,
            elitism: 3,
            population: 20,
            ..Default::default()
        };
        run(&settings, 5, |ga, _| {
            let marks = ga.marks();
            if ga.generation > 1 {
                assert_eq!(marks.elite_count, 3);
                assert_eq!(marks.parents.len(), 40);
                for e in 0..3 {
                    assert_eq!(marks.parents[2 * e], marks.parents[2 * e + 1]);
                }
            }
        });
    }

    #[test]
    fn retune_keeps_rates_mid_run_and_refuses_a_new_population_size() {
        let settings = StrategySettings {
            kind: StrategyKind::Genetic,
            ..Default::default()
        };
        let mut ga = Genetic::new(&settings, &[0.0, 0.0], &[(-1.0, 1.0), (-1.0, 1.0)]);
        assert!(ga.retune(&StrategySettings {
            mutation_rate: 0.5,
            ..settings.clone()
        }));
        assert!(!ga.retune(&StrategySettings {
            population: 10,
            ..settings
        }));
    }
}
