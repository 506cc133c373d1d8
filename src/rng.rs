//! The one seeded random generator. Nothing else in the crate creates randomness:
//! every algorithm takes `&mut Rng`, so the same seed gives the same run, bit for bit.

use rand::{RngExt, SeedableRng};

/// The project's generator: ChaCha8, whose stream is stable across crate versions.
pub type Rng = rand_chacha::ChaCha8Rng;

/// A generator seeded from `seed`.
pub fn seeded(seed: u64) -> Rng {
    Rng::seed_from_u64(seed)
}

/// A seed derived from `seed` and a path of indices (e.g. candidate, fold), so that each part
/// of a search draws its own stream whatever order the parts are computed in. SplitMix64
/// finalization of each step: nearby inputs give unrelated seeds.
pub fn derive_seed(seed: u64, path: &[u64]) -> u64 {
    let mix = |mut z: u64| {
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    path.iter().fold(mix(seed), |acc, &i| {
        mix(acc ^ i.wrapping_add(0x9e37_79b9_7f4a_7c15))
    })
}

/// A fresh seed from the operating system (the browser's crypto in wasm); only used when the
/// user asks for a new seed. Falls back to 1 if no entropy source is available.
pub fn fresh_seed() -> u32 {
    let mut bytes = [0u8; 4];
    match getrandom::fill(&mut bytes) {
        Ok(()) => u32::from_le_bytes(bytes),
        Err(_) => 1,
    }
}

/// A uniform draw from `[low, high)`.
pub fn uniform(rng: &mut Rng, low: f64, high: f64) -> f64 {
    low + (high - low) * rng.random::<f64>()
}

/// A standard normal draw (Box–Muller; one of the pair is discarded to stay stateless).
pub fn standard_normal(rng: &mut Rng) -> f64 {
    // 1 - u lies in (0, 1], so the logarithm is finite.
    let u1 = 1.0 - rng.random::<f64>();
    let u2 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A uniform index in `0..n` (`n > 0`).
pub fn index(rng: &mut Rng, n: usize) -> usize {
    rng.random_range(0..n)
}

/// Shuffles `items` in place (Fisher–Yates).
pub fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = rng.random_range(0..=i);
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_seeds_depend_on_every_part_of_the_path() {
        let seeds = [
            derive_seed(1, &[]),
            derive_seed(1, &[0]),
            derive_seed(1, &[1]),
            derive_seed(2, &[0]),
            derive_seed(1, &[0, 0]),
            derive_seed(1, &[0, 1]),
            derive_seed(1, &[1, 0]),
        ];
        for (i, a) in seeds.iter().enumerate() {
            for b in &seeds[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(derive_seed(7, &[3, 4]), derive_seed(7, &[3, 4]));
    }

    #[test]
    fn same_seed_same_stream_different_seed_different_stream() {
        let draw = |seed| {
            let mut rng = seeded(seed);
            (0..8)
                .map(|_| standard_normal(&mut rng))
                .collect::<Vec<_>>()
        };
        assert_eq!(draw(7), draw(7));
        assert_ne!(draw(7), draw(8));
    }

    #[test]
    fn normal_draws_have_unit_variance() {
        let mut rng = seeded(1);
        let n = 50_000;
        let xs: Vec<f64> = (0..n).map(|_| standard_normal(&mut rng)).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.02, "mean {mean}");
        assert!((var - 1.0).abs() < 0.03, "variance {var}");
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut rng = seeded(3);
        let mut items: Vec<usize> = (0..100).collect();
        shuffle(&mut rng, &mut items);
        assert_ne!(items, (0..100).collect::<Vec<_>>());
        items.sort();
        assert_eq!(items, (0..100).collect::<Vec<_>>());
    }
}
