//! Training a model on a dataset, step by step, with everything the training view draws:
//! the data in a 2-D display plane, the model's output over that plane, loss and score
//! curves for training, validation and test rows, and the searched parameters.

pub mod catalog;
mod config;
mod cv;
mod fit;
mod history;
mod model_file;
mod picture;
mod plane;
mod run;
mod trainer;

pub use config::{
    BatchMode, DisplayMode, InputMode, MAX_BATCH_SIZE, ModelSettings, RegularizationKind, StepUnit,
    TrainingConfig,
};
pub use cv::{
    CrossValidation, FoldCurves, FoldPlan, FoldResult, MAX_FOLDS, cross_validate, fit_fold,
    fold_of_rows, make_folds, record_fold, summarize, validate_fold,
};
pub use fit::{FitSettings, FittedModel, Scores, Snapshot, fit, fit_watched, score};
pub use history::History;
pub use model_file::{MODEL_FORMAT, MODEL_VERSION, ModelFile, ModelInputs};
pub use picture::{Picture, Shows};
pub use plane::Plane;
pub(crate) use run::padded_bounds;
pub use run::{Role, RunSnapshot, TrainingRun};
pub use trainer::{Progress, TargetCoding, Trainer, TrainerSnapshot, WeightSearch, model_spec};
