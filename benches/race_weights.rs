//! Race steps per second on a race on weights: plain descent (α 0.1), Adam (α 0.01), a GA of
//! 50 and random search (5 samples a step), each from 5 seeds, on a 6 × 32 tanh network
//! learning 2000 points of the circle. A step brings every lane to one more evaluation: one
//! gradient step per descent lane, a generation of the GA every 50 steps, a batch of random
//! samples every 5.
//!
//! Prints, as the median and the best of the runs (on a shared machine the best is the least
//! disturbed): the time to open the race (the first seed's lanes are built), its first step
//! (which builds the other seeds' lanes) and the mean of the next `--steps` steps; then the
//! median best training loss per strategy at the end (the same on every run: same seeds).
//!
//! `cargo bench --bench race_weights [-- --steps N --runs R --seeds S]`

use std::hint::black_box;
use std::time::Instant;

mod common;
use common::{median, option};

use automl_playground::race::{Problem, Race, RaceSettings, WeightsProblem};
use automl_playground::search::settings::UpdateRule;
use automl_playground::search::{StrategyKind, StrategySettings};
use automl_playground::training::ModelSettings;

/// The workload's race from `seeds` seeds.
fn workload(seeds: usize) -> RaceSettings {
    let gradient = |rule, learning_rate| StrategySettings {
        rule,
        learning_rate,
        ..Default::default()
    };
    RaceSettings {
        problem: Problem::Weights,
        weights: WeightsProblem {
            data: "circle".into(),
            points: 2000,
            noise: 0.1,
            data_seed: 1,
            model: ModelSettings {
                hidden: vec![32; 6],
                ..Default::default()
            },
        },
        strategies: vec![
            gradient(UpdateRule::Plain, 0.1),
            gradient(UpdateRule::Adam, 0.01),
            StrategySettings {
                kind: StrategyKind::Genetic,
                population: 50,
                ..Default::default()
            },
            StrategySettings {
                kind: StrategyKind::RandomGlobal,
                samples_per_step: 5,
                ..Default::default()
            },
        ],
        seeds,
        budget: 2000,
        seed: 1,
        ..Default::default()
    }
}

fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let (steps, runs, seeds) = (
        option("--steps", 100),
        option("--runs", 5),
        option("--seeds", 5),
    );
    let (mut open, mut first, mut per_step) = (Vec::new(), Vec::new(), Vec::new());
    let mut medians = Vec::new();
    for _ in 0..runs {
        let started = Instant::now();
        let mut race = Race::new(workload(seeds)).expect("the workload fits");
        open.push(ms(started));
        let started = Instant::now();
        black_box(race.step(1).expect("a step"));
        first.push(ms(started));
        let started = Instant::now();
        for _ in 0..steps {
            black_box(race.step(1).expect("a step"));
        }
        per_step.push(ms(started) / steps as f64);
        medians = (0..4).map(|s| race.bands(s).last().unwrap()[0]).collect();
    }
    let best = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "race on weights, 4 strategies × {seeds} seeds, 6 × 32 network, 2000 points, {runs} runs \
         (median, best):"
    );
    println!(
        "  open        {:8.2} ms {:8.2} ms",
        median(open.clone()),
        best(&open)
    );
    println!(
        "  first step  {:8.2} ms {:8.2} ms",
        median(first.clone()),
        best(&first)
    );
    println!(
        "  next {steps} steps, each {:8.3} ms {:8.3} ms",
        median(per_step.clone()),
        best(&per_step)
    );
    println!("  median best loss after {} steps: {medians:?}", steps + 1);
}
