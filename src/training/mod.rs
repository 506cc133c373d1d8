//! Training a model on a dataset, step by step, with everything the training view draws:
//! the data in a 2-D display plane, the model's output over that plane, loss and score
//! curves for training, validation and test rows, and the searched parameters.

mod config;
mod history;
mod plane;
mod run;

pub use config::{
    BatchMode, DisplayMode, InputMode, ModelSettings, RegularizationKind, StepUnit, TrainingConfig,
};
pub use history::History;
pub use plane::Plane;
pub use run::{Role, TrainingRun};
