//! Race steps per second on a race on weights: plain descent (α 0.1), Adam (α 0.01), a GA of
//! 50 and random search (5 samples a step), each from 5 seeds, on a 6 × 32 tanh network
//! learning 2000 points of the circle. A step brings every lane to one more evaluation: one
//! gradient step per descent lane, a generation of the GA every 50 steps, a batch of random
//! samples every 5.
//!
//! Prints, as the medians over the runs of the wall-clock and of the CPU time (on a shared
//! machine the CPU time is the steadier): the time to open the race (the first seed's lanes
//! are built), its first step (which builds the other seeds' lanes and the GA's first
//! generation) and the mean of the next `--steps` steps; then the median best training loss
//! per strategy at the end (the same on every run: same seeds).
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

/// This thread's time on the CPU so far in ms (Linux's `/proc/thread-self/schedstat`; NaN
/// elsewhere): on a shared machine it moves far less with the load than the wall clock.
fn cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(f64::NAN, |ns| ns / 1e6)
}

/// Times `f`: wall-clock and CPU ms.
fn timed(f: impl FnOnce()) -> [f64; 2] {
    let (wall, cpu) = (Instant::now(), cpu_ms());
    f();
    [wall.elapsed().as_secs_f64() * 1e3, cpu_ms() - cpu]
}

fn main() {
    let (steps, runs, seeds) = (
        option("--steps", 100),
        option("--runs", 5),
        option("--seeds", 5),
    );
    // Per measure (open, first step, a later step): wall and CPU ms of every run.
    let mut times = vec![[Vec::new(), Vec::new()]; 3];
    let mut medians = Vec::new();
    for _ in 0..runs {
        let mut race = None;
        let open = timed(|| race = Some(Race::new(workload(seeds)).expect("the workload fits")));
        let mut race = race.expect("built");
        let first = timed(|| {
            black_box(race.step(1).expect("a step"));
        });
        let later = timed(|| {
            for _ in 0..steps {
                black_box(race.step(1).expect("a step"));
            }
        })
        .map(|t| t / steps as f64);
        for (measure, t) in times.iter_mut().zip([open, first, later]) {
            measure[0].push(t[0]);
            measure[1].push(t[1]);
        }
        medians = (0..4).map(|s| race.bands(s).last().unwrap()[0]).collect();
    }
    println!(
        "race on weights, 4 strategies × {seeds} seeds, 6 × 32 network, 2000 points, {runs} runs \
         (median of wall-clock and of CPU ms):"
    );
    let names = [
        "open",
        "first step",
        &format!("each of the next {steps} steps"),
    ];
    for (name, [wall, cpu]) in names.iter().zip(times) {
        println!(
            "  {name:28} wall {:9.3} ms  cpu {:9.3} ms",
            median(wall),
            median(cpu)
        );
    }
    println!("  median best loss after {} steps: {medians:?}", steps + 1);
}
