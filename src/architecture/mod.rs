//! Searching for the model itself: architectures and training hyperparameters as points of a
//! [`SearchSpace`], strategies over them speaking their own ask/tell protocol (grid, random,
//! evolution, successive halving), and the [`ArchitectureSearch`] that scores every candidate
//! by k-fold cross-validation.

mod candidate;
pub mod catalog;
pub mod evolution;
mod grid;
pub mod halving;
mod protocol;
mod random;
mod search;
mod space;

pub use candidate::Architecture;
pub use evolution::{Evolution, EvolutionSettings};
pub use grid::{GridSearch, GridSettings};
pub use halving::{Halving, HalvingSettings};
pub use protocol::{ArchitectureStrategy, Proposal};
pub use random::{MAX_CANDIDATES, RandomSearch, RandomSettings};
pub use search::{
    ArchitectureSearch, Candidate, PICTURE_SIZE, SearchSettings, StrategyChoice, Winner,
};
pub use space::{
    IntRange, L2_LIMITS, LEARNING_RATE_LIMITS, LogRange, MAX_EPOCHS, MAX_GRID_POINTS,
    MAX_GRID_STEPS, SearchSpace,
};
