//! Grid search: every point of the space's grid, once each, one per step. Every hidden layer
//! of a grid point has the same width (the grid of widths per layer would explode).

use super::candidate::Architecture;
use super::protocol::{ArchitectureStrategy, Proposal, check_tell};
use super::space::SearchSpace;
use crate::Result;
use crate::rng::Rng;

/// Grid search has no settings beyond the space's grid steps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GridSettings;

/// Walks the grid in a fixed order: shape slowest, then activation, rule, learning rate, L2.
pub struct GridSearch {
    points: Vec<Architecture>,
    next: usize,
    asked: usize,
}

impl GridSearch {
    /// Lists the grid of `space`, refusing a grid of more than
    /// [`MAX_GRID_POINTS`](super::space::MAX_GRID_POINTS) points.
    pub fn new(space: &SearchSpace, _settings: GridSettings) -> Result<GridSearch> {
        space.check_grid()?;
        let widths = space.neurons.grid();
        let shapes: Vec<Vec<usize>> = space
            .layers
            .grid()
            .into_iter()
            .flat_map(|depth| {
                let widths: &[usize] = if depth == 0 { &[0] } else { &widths };
                widths.iter().map(move |&w| vec![w; depth])
            })
            .collect();
        let (rates, penalties) = (space.learning_rate.grid(), space.l2.grid());
        let mut points = Vec::with_capacity(space.grid_size());
        for hidden in &shapes {
            for &activation in &space.activations {
                for &rule in &space.rules {
                    for &learning_rate in &rates {
                        for &l2 in &penalties {
                            points.push(Architecture {
                                hidden: hidden.clone(),
                                activation,
                                rule,
                                learning_rate,
                                l2,
                            });
                        }
                    }
                }
            }
        }
        Ok(GridSearch {
            points,
            next: 0,
            asked: 0,
        })
    }
}

impl ArchitectureStrategy for GridSearch {
    fn ask(&mut self, space: &SearchSpace, _rng: &mut Rng) -> Result<Vec<Proposal>> {
        let Some(point) = self.points.get(self.next) else {
            return Ok(Vec::new());
        };
        self.next += 1;
        self.asked = 1;
        Ok(vec![Proposal {
            architecture: point.clone(),
            epochs: space.epochs,
            parents: Vec::new(),
        }])
    }

    fn tell(&mut self, scores: &[f64]) -> Result<()> {
        check_tell(std::mem::take(&mut self.asked), scores.len())
    }

    fn planned(&self) -> usize {
        self.points.len()
    }
}
