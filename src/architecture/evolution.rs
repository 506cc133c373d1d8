//! Evolution of architectures: a population scored by cross-validation; parents picked by
//! tournament, children bred by layer-wise crossover and mutation (add or remove a layer,
//! grow or shrink one, another activation or rule, a nudged learning rate or L2), the best
//! kept unchanged (elitism). One step is one generation; elites are not trained again.

use super::candidate::Architecture;
use super::protocol::{ArchitectureStrategy, Proposal, check_tell};
use super::random::MAX_CANDIDATES;
use super::space::{SearchSpace, pick};
use crate::Result;
use crate::error::{check_count, check_range};
use crate::ranking;
use crate::rng::{Rng, index, standard_normal, uniform};

/// Evolution's settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EvolutionSettings {
    /// Candidates trained in all (the budget), at least one population.
    pub candidates: usize,
    /// Architectures per generation, 4 to 50.
    pub population: usize,
    /// Tournament size, 2 to the population.
    pub tournament: usize,
    /// The best this many pass to the next generation unchanged, 0 to population − 1.
    pub elitism: usize,
    /// After a child's first mutation, the chance of each further one, 0 to 0.9.
    pub mutation_rate: f64,
}

impl Default for EvolutionSettings {
    fn default() -> Self {
        EvolutionSettings {
            candidates: 40,
            population: 8,
            tournament: 3,
            elitism: 2,
            mutation_rate: 0.3,
        }
    }
}

impl EvolutionSettings {
    /// Checks every setting against its range.
    pub fn validate(&self) -> Result<()> {
        check_count("population", self.population, 4, 50)?;
        check_count(
            "candidates",
            self.candidates,
            self.population,
            MAX_CANDIDATES,
        )?;
        check_count("tournament size", self.tournament, 2, self.population)?;
        check_count("elitism", self.elitism, 0, self.population - 1)?;
        check_range("mutation rate", self.mutation_rate, 0.0, 0.9)?;
        Ok(())
    }
}

/// A scored member of the population.
#[derive(Debug, Clone)]
struct Member {
    /// Its index among all proposals.
    index: usize,
    architecture: Architecture,
    score: f64,
}

/// Evolves a population within a budget of candidates.
pub struct Evolution {
    settings: EvolutionSettings,
    population: Vec<Member>,
    pending: Vec<Member>,
    proposed: usize,
}

impl Evolution {
    /// Refuses settings outside their ranges.
    pub fn new(settings: EvolutionSettings) -> Result<Evolution> {
        settings.validate()?;
        Ok(Evolution {
            settings,
            population: Vec::new(),
            pending: Vec::new(),
            proposed: 0,
        })
    }

    /// The population ranked best first (NaN scores last).
    fn ranked(&self) -> Vec<&Member> {
        let scores: Vec<f64> = self.population.iter().map(|m| m.score).collect();
        ranking::descending(&scores)
            .into_iter()
            .map(|i| &self.population[i])
            .collect()
    }

    /// The winner of a tournament of `settings.tournament` members drawn with replacement.
    fn tournament(&self, rng: &mut Rng) -> &Member {
        let mut best = &self.population[index(rng, self.population.len())];
        for _ in 1..self.settings.tournament {
            let rival = &self.population[index(rng, self.population.len())];
            if rival.score > best.score || best.score.is_nan() && !rival.score.is_nan() {
                best = rival;
            }
        }
        best
    }

    /// A child of the two parents' layers and hyperparameters, mutated, inside the space.
    fn breed(
        &self,
        a: &Architecture,
        b: &Architecture,
        space: &SearchSpace,
        rng: &mut Rng,
    ) -> Architecture {
        let mut child = crossover(a, b, rng);
        mutate(&mut child, space, rng);
        while uniform(rng, 0.0, 1.0) < self.settings.mutation_rate {
            mutate(&mut child, space, rng);
        }
        child
    }
}

/// Layer-wise crossover: the depth of either parent; each layer's width from either parent's
/// layer at that depth (when both have one); every hyperparameter from either parent.
pub fn crossover(a: &Architecture, b: &Architecture, rng: &mut Rng) -> Architecture {
    let coin = |rng: &mut Rng| index(rng, 2) == 0;
    let depth = if coin(rng) {
        a.hidden.len()
    } else {
        b.hidden.len()
    };
    let hidden = (0..depth)
        .map(|i| match (a.hidden.get(i), b.hidden.get(i)) {
            (Some(&x), Some(&y)) => {
                if coin(rng) {
                    x
                } else {
                    y
                }
            }
            (Some(&x), None) | (None, Some(&x)) => x,
            (None, None) => unreachable!("depth is one parent's"),
        })
        .collect();
    Architecture {
        hidden,
        activation: if coin(rng) {
            a.activation
        } else {
            b.activation
        },
        rule: if coin(rng) { a.rule } else { b.rule },
        learning_rate: if coin(rng) {
            a.learning_rate
        } else {
            b.learning_rate
        },
        l2: if coin(rng) { a.l2 } else { b.l2 },
    }
}

/// The mutations evolution may apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutation {
    /// A new hidden layer at a random depth.
    AddLayer,
    /// One hidden layer fewer.
    RemoveLayer,
    /// A layer about 1.5× wider.
    Grow,
    /// A layer about 1.5× narrower.
    Shrink,
    /// Another activation.
    Activation,
    /// Another update rule.
    Rule,
    /// α × e^(N(0, ½²)).
    LearningRate,
    /// L2 × e^(N(0, 1)), or to or from 0.
    L2,
}

/// The mutations that can change `a` within `space`.
pub fn applicable(a: &Architecture, space: &SearchSpace) -> Vec<Mutation> {
    let depth = a.hidden.len();
    let widths = space.neurons;
    [
        (Mutation::AddLayer, depth < space.layers.max),
        (Mutation::RemoveLayer, depth > space.layers.min),
        (Mutation::Grow, a.hidden.iter().any(|&n| n < widths.max)),
        (Mutation::Shrink, a.hidden.iter().any(|&n| n > widths.min)),
        (
            Mutation::Activation,
            space.activations.len() > 1 && depth > 0,
        ),
        (Mutation::Rule, space.rules.len() > 1),
        (Mutation::LearningRate, space.learning_rate.searched()),
        (Mutation::L2, space.l2.searched()),
    ]
    .into_iter()
    .filter_map(|(m, ok)| ok.then_some(m))
    .collect()
}

/// Applies one applicable mutation, drawn uniformly (none if the space is fixed).
pub fn mutate(a: &mut Architecture, space: &SearchSpace, rng: &mut Rng) {
    let options = applicable(a, space);
    if options.is_empty() {
        return;
    }
    let layer = |a: &Architecture, rng: &mut Rng| index(rng, a.hidden.len().max(1));
    match pick(&options, rng) {
        Mutation::AddLayer => {
            let at = index(rng, a.hidden.len() + 1);
            a.hidden.insert(at, space.neurons.sample(rng));
        }
        Mutation::RemoveLayer => {
            let at = layer(a, rng);
            a.hidden.remove(at);
        }
        Mutation::Grow => {
            let candidates: Vec<usize> = (0..a.hidden.len())
                .filter(|&i| a.hidden[i] < space.neurons.max)
                .collect();
            let i = pick(&candidates, rng);
            a.hidden[i] = space
                .neurons
                .clamp((a.hidden[i] * 3).div_ceil(2).max(a.hidden[i] + 1));
        }
        Mutation::Shrink => {
            let candidates: Vec<usize> = (0..a.hidden.len())
                .filter(|&i| a.hidden[i] > space.neurons.min)
                .collect();
            let i = pick(&candidates, rng);
            a.hidden[i] = space
                .neurons
                .clamp((a.hidden[i] * 2 / 3).min(a.hidden[i] - 1));
        }
        Mutation::Activation => {
            let others: Vec<_> = space
                .activations
                .iter()
                .copied()
                .filter(|&x| x != a.activation)
                .collect();
            a.activation = pick(&others, rng);
        }
        Mutation::Rule => {
            let others: Vec<_> = space
                .rules
                .iter()
                .copied()
                .filter(|&x| x != a.rule)
                .collect();
            a.rule = pick(&others, rng);
        }
        Mutation::LearningRate => {
            let factor = (0.5 * standard_normal(rng)).exp();
            a.learning_rate = space.learning_rate.clamp(a.learning_rate * factor);
        }
        Mutation::L2 => {
            a.l2 = if a.l2 == 0.0 || index(rng, 4) == 0 {
                space.l2.sample(rng)
            } else {
                space.l2.clamp(a.l2 * standard_normal(rng).exp())
            };
        }
    }
}

impl ArchitectureStrategy for Evolution {
    fn ask(&mut self, space: &SearchSpace, rng: &mut Rng) -> Result<Vec<Proposal>> {
        let s = self.settings;
        let left = s.candidates - self.proposed;
        let fresh = self.population.is_empty();
        let count = if fresh {
            s.population
        } else {
            (s.population - s.elitism).min(left)
        };
        if left == 0 || count == 0 {
            return Ok(Vec::new());
        }
        let mut proposals = Vec::with_capacity(count);
        for i in 0..count {
            let (architecture, parents) = if fresh {
                (space.sample(rng), Vec::new())
            } else {
                let (a, b) = (self.tournament(rng).clone(), self.tournament(rng).clone());
                (
                    self.breed(&a.architecture, &b.architecture, space, rng),
                    vec![a.index, b.index],
                )
            };
            self.pending.push(Member {
                index: self.proposed + i,
                architecture: architecture.clone(),
                score: f64::NAN,
            });
            proposals.push(Proposal {
                architecture,
                epochs: space.epochs,
                parents,
            });
        }
        self.proposed += count;
        Ok(proposals)
    }

    fn tell(&mut self, scores: &[f64]) -> Result<()> {
        check_tell(self.pending.len(), scores.len())?;
        let mut children = std::mem::take(&mut self.pending);
        for (child, &score) in children.iter_mut().zip(scores) {
            child.score = score;
        }
        let elites: Vec<Member> = self
            .ranked()
            .into_iter()
            .take(self.settings.elitism)
            .cloned()
            .collect();
        self.population = elites.into_iter().chain(children).collect();
        Ok(())
    }

    fn planned(&self) -> usize {
        self.settings.candidates
    }

    fn survivors(&self) -> Vec<usize> {
        self.ranked()
            .iter()
            .take(self.settings.elitism)
            .map(|m| m.index)
            .collect()
    }
}

impl Evolution {
    /// The current population's proposal indices, best first (the elites lead).
    pub fn population(&self) -> Vec<usize> {
        self.ranked().iter().map(|m| m.index).collect()
    }
}
