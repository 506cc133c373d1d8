//! Models whose parameters all live in one flat vector θ, so that gradient descent, random
//! search and the genetic algorithm can all search the same space.
//!
//! Every model is a fully connected network ([`ModelSpec`]): linear and logistic regression
//! are the networks without hidden layers. Data comes as plain slices viewed through
//! [`Samples`]; [`ModelObjective`] wraps a spec and its training data as an
//! [`Objective`](crate::objective::Objective).

mod activation;
mod backprop;
mod dense;
mod exp;
mod lanes;
mod loss;
mod metrics;
mod network;
mod output;
mod regularization;
mod samples;
mod spec;
mod training;

pub use activation::Activation;
pub use loss::Loss;
pub use metrics::{ScorePass, Tally};
pub use network::Workspace;
pub use output::{MAX_CLASSES, Output, most_probable_class};
pub use regularization::{MAX_RATE, Regularization};
pub use samples::Samples;
pub use spec::{MAX_HIDDEN_LAYERS, MAX_INPUTS, MAX_NEURONS, ModelSpec, PARAM_BOUND};
pub use training::{Batching, ModelObjective, RowPass, Rows};
