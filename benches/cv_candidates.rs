//! Candidate evaluations per second on the architecture search's fixed workload: two spirals
//! (300 points, noise 0.1, data seed 1), 20 % held out, 5 stratified folds, one candidate
//! 2-8-8-1 tanh trained for 100 epochs of mini-batch SGD (batch 10, plain rule, α 0.03). One
//! candidate evaluation is its 5 fold trainings and scorings, each with the fold model's
//! picture, as a search's worker does it in the browser (`www/search-bench.html`), so that
//! the two figures count the same work.
//!
//! Prints the median and the best of the runs (on a shared machine the best is the least
//! disturbed) and the candidate's mean CV accuracy (the same on every run: same seeds).
//!
//! `cargo bench --bench cv_candidates [-- --candidates N --runs R]`
//!
//! `-- --reference` prints instead, as JSON, candidate 0's fold results (each fold's loss and
//! score as the bits of their f64) with 5 epochs: the end-to-end tests compare them with the
//! same job trained in a browser worker, bit for bit.

use std::time::Instant;

mod common;
use common::{median, option};

use automl_playground::architecture::{
    ArchitectureSearch, GridSettings, IntRange, LogRange, PICTURE_SIZE, SearchSettings,
    SearchSpace, StrategyChoice,
};
use automl_playground::data;
use automl_playground::model::Activation;
use automl_playground::rng::seeded;
use automl_playground::search::settings::UpdateRule;
use automl_playground::training::FoldPlan;

/// The workload's search: a space of exactly one architecture.
fn workload() -> ArchitectureSearch {
    let fixed = |n| IntRange {
        min: n,
        max: n,
        steps: 1,
    };
    let settings = SearchSettings {
        space: SearchSpace {
            layers: fixed(2),
            neurons: fixed(8),
            activations: vec![Activation::Tanh],
            rules: vec![UpdateRule::Plain],
            learning_rate: LogRange {
                min: 0.03,
                max: 0.03,
                steps: 1,
                zero: false,
            },
            l2: LogRange {
                min: 1e-4,
                max: 1e-4,
                steps: 0,
                zero: true,
            },
            epochs: 100,
        },
        strategy: StrategyChoice::Grid(GridSettings),
        folds: FoldPlan {
            k: 5,
            stratified: true,
        },
        test_share: 0.2,
        seed: 1,
    };
    let spirals = data::generate("spiral", 300, 0.1, &mut seeded(1)).expect("the spiral set");
    ArchitectureSearch::new(spirals, settings).expect("the workload's settings")
}

fn main() {
    let (candidates, runs) = (option("--candidates", 4), option("--runs", 5));
    let mut search = workload();
    if common::flag("--reference") {
        let mut proposal = search.pending().expect("one candidate")[0].clone();
        proposal.epochs = 5;
        let folds: Vec<String> = (0..search.folds().len())
            .map(|f| {
                let r = search.evaluate(&proposal, 0, f).expect("a fold");
                format!(
                    "{{\"loss\":\"{:016x}\",\"score\":\"{:016x}\"}}",
                    r.scores.loss.to_bits(),
                    r.scores.score.to_bits()
                )
            })
            .collect();
        println!("{{\"folds\":[{}]}}", folds.join(","));
        return;
    }
    let proposal = search.pending().expect("one candidate")[0].clone();
    let k = search.folds().len();
    let mut rates = Vec::new();
    let mut score = 0.0;
    for _ in 0..runs {
        let started = Instant::now();
        for c in 0..candidates {
            let folds: Vec<_> = (0..k)
                .map(|f| {
                    let (result, picture) = search
                        .evaluate_with_picture(&proposal, c, f, PICTURE_SIZE)
                        .expect("a fold");
                    assert!(picture.is_some(), "two features give a picture");
                    result
                })
                .collect();
            score = folds.iter().map(|r| r.scores.score).sum::<f64>() / k as f64;
        }
        rates.push(candidates as f64 / started.elapsed().as_secs_f64());
    }
    let best = rates.iter().copied().fold(0.0, f64::max);
    println!(
        "cv_candidates: 2-8-8-1 tanh, 100 epochs SGD (batch 10, α 0.03), 5 folds of 240 spiral rows: \
         {:.2} candidate evaluations/s median, {best:.2} best of {runs} runs ({candidates} candidates each); \
         last candidate's CV accuracy {score:.4}",
        median(rates)
    );
}
