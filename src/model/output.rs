//! The output layer: its squashing function, how targets are read, and which class an output
//! stands for.

use crate::error::{Error, Result, check_count};
use crate::text::Num;

use super::activation::{sigmoid_in_place, tanh_in_place};
use super::lanes::{LANES, Lanes};

/// The most classes a softmax output accepts.
pub const MAX_CLASSES: usize = 100;

/// What the output layer computes from its pre-activations, and how it reads targets (plain
/// `f64`s):
/// - [`Output::Linear`]: any finite real value (regression).
/// - [`Output::Sigmoid`] and [`Output::Tanh`]: a binary label, `1` for the positive class and
///   `0` or `−1` for the negative one, so both 0/1 class indices and ±1 labels work. The
///   sigmoid is trained towards 0/1, the tanh towards −1/+1.
/// - [`Output::Softmax`]: the class index `0, 1, …, classes − 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// One unbounded value (regression).
    Linear,
    /// One probability of the positive class.
    Sigmoid,
    /// One value in (−1, 1); its sign is the predicted class.
    Tanh,
    /// One probability per class, summing to 1.
    Softmax {
        /// The number of classes, from 2 to [`MAX_CLASSES`].
        classes: usize,
    },
}

/// The class a classifier's probabilities stand for: p > ½ for a single sigmoid output, else
/// the index of the largest probability (the first on a tie). The accuracy, the marks on
/// misclassified points and the colours of the decision boundary all use it, so they agree.
pub fn most_probable_class(probabilities: &[f64]) -> usize {
    if let [p] = probabilities {
        return usize::from(*p > 0.5);
    }
    let mut best = 0;
    for (k, &p) in probabilities.iter().enumerate() {
        if p > probabilities[best] {
            best = k;
        }
    }
    best
}

impl Output {
    /// The number of output neurons.
    pub fn size(self) -> usize {
        match self {
            Output::Softmax { classes } => classes,
            _ => 1,
        }
    }

    /// Whether the output predicts a class (everything but [`Output::Linear`]).
    pub fn is_classifier(self) -> bool {
        self != Output::Linear
    }

    /// Checks the output's own settings.
    pub(crate) fn validate(self) -> Result<Self> {
        if let Output::Softmax { classes } = self {
            check_count("classes", classes, 2, MAX_CLASSES)?;
        }
        Ok(self)
    }

    /// Checks that every target can be read by this output, naming the first bad row (1-based).
    pub(crate) fn check_targets(self, targets: &[f64]) -> Result<()> {
        let bad =
            |row: usize, message: String| Err(Error::data(format!("row {}: {message}", row + 1)));
        for (row, &t) in targets.iter().enumerate() {
            match self {
                Output::Linear if !t.is_finite() => {
                    return bad(
                        row,
                        format!("target must be a finite number (got {})", Num(t)),
                    );
                }
                Output::Sigmoid | Output::Tanh if t != 1.0 && t != 0.0 && t != -1.0 => {
                    return bad(
                        row,
                        format!("binary label must be 1, 0 or -1 (got {})", Num(t)),
                    );
                }
                Output::Softmax { classes }
                    if !(t >= 0.0 && t.fract() == 0.0 && t < classes as f64) =>
                {
                    let last = classes - 1;
                    return bad(
                        row,
                        format!(
                            "class must be a whole number from 0 to {last} (got {})",
                            Num(t)
                        ),
                    );
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Replaces the pre-activations in `values` (per output neuron one lane pair for each of
    /// `blocks` blocks, neuron-major; one lane per row) by the output's values.
    pub(crate) fn activate(self, values: &mut [Lanes], blocks: usize) {
        match self {
            Output::Linear => {}
            Output::Sigmoid => sigmoid_in_place(values),
            Output::Tanh => tanh_in_place(values),
            Output::Softmax { .. } => {
                for (b, lane) in (0..blocks * LANES).map(|j| (j / LANES, j % LANES)) {
                    let row = values.iter().skip(b).step_by(blocks);
                    let max = row.fold(f64::NEG_INFINITY, |m, v| m.max(v[lane]));
                    let mut total = 0.0;
                    for v in values.iter_mut().skip(b).step_by(blocks) {
                        v[lane] = (v[lane] - max).exp();
                        total += v[lane];
                    }
                    for v in values.iter_mut().skip(b).step_by(blocks) {
                        v[lane] /= total;
                    }
                }
            }
        }
    }

    /// The class an output vector stands for (classifiers only): 1/0 for a binary output,
    /// the index of the largest probability for softmax.
    pub(crate) fn class_of(self, outputs: &[f64]) -> f64 {
        match self {
            Output::Linear => outputs[0],
            Output::Sigmoid | Output::Softmax { .. } => most_probable_class(outputs) as f64,
            Output::Tanh => f64::from(u8::from(outputs[0] > 0.0)),
        }
    }

    /// The class a target stands for, in the same coding as [`Output::class_of`].
    pub(crate) fn class_of_target(self, target: f64) -> f64 {
        match self {
            Output::Sigmoid | Output::Tanh => f64::from(u8::from(target > 0.0)),
            _ => target,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_probable_class_breaks_ties_the_same_way_everywhere() {
        assert_eq!(most_probable_class(&[0.5]), 0);
        assert_eq!(most_probable_class(&[0.500_001]), 1);
        assert_eq!(most_probable_class(&[0.2, 0.4, 0.4]), 1);
        assert_eq!(most_probable_class(&[0.1, 0.2, 0.7]), 2);
        assert_eq!(Output::Sigmoid.class_of(&[0.5]), 0.0);
        assert_eq!(
            Output::Softmax { classes: 3 }.class_of(&[0.2, 0.4, 0.4]),
            1.0
        );
    }

    #[test]
    fn softmax_sums_to_one_and_survives_large_inputs() {
        let mut v = [[1000.0; LANES], [1001.0; LANES], [999.0; LANES]];
        v[2][1] = 1002.0;
        Output::Softmax { classes: 3 }.activate(&mut v, 1);
        for lane in 0..LANES {
            assert!((v.iter().map(|p| p[lane]).sum::<f64>() - 1.0).abs() < 1e-12);
        }
        assert!(v[1][0] > v[0][0] && v[0][0] > v[2][0]);
        assert!(v[2][1] > v[1][1]);
    }

    #[test]
    fn targets_are_checked_per_output() {
        assert!(Output::Tanh.check_targets(&[1.0, -1.0, 0.0]).is_ok());
        let err = Output::Sigmoid.check_targets(&[1.0, 0.5]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "row 2: binary label must be 1, 0 or -1 (got 0.5)"
        );
        let softmax = Output::Softmax { classes: 3 };
        assert!(softmax.check_targets(&[0.0, 2.0]).is_ok());
        let err = softmax.check_targets(&[3.0]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "row 1: class must be a whole number from 0 to 2 (got 3)"
        );
        assert!(Output::Linear.check_targets(&[f64::NAN]).is_err());
    }

    #[test]
    fn classes_follow_the_label_coding() {
        assert_eq!(
            Output::Tanh.class_of(&[-0.2]),
            Output::Tanh.class_of_target(-1.0)
        );
        assert_eq!(
            Output::Sigmoid.class_of(&[0.7]),
            Output::Sigmoid.class_of_target(1.0)
        );
        assert_eq!(
            Output::Softmax { classes: 3 }.class_of(&[0.2, 0.1, 0.7]),
            2.0
        );
    }
}
