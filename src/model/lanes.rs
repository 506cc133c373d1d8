//! Rows go through the network in blocks of [`LANES`], one lane per row: every weight is then
//! loaded once per block and the arithmetic over the lanes is independent, so it maps onto
//! one two-lane SIMD register, [`F2`]. Up to [`BLOCKS`] blocks (a chunk of [`CHUNK`] rows) go
//! through each layer together, so that the per-layer bookkeeping is paid once per chunk, and
//! the workspace stores them neuron by neuron: neuron `j` of block `b` at `j · blocks + b`,
//! where `blocks` is the chunk's number of blocks. A layer's values for the whole chunk are
//! then one contiguous run.
//!
//! [`F2`] uses the target's 128-bit vectors when it has them (WebAssembly `simd128`, x86-64's
//! SSE2) and a pair of scalars elsewhere. It only offers operations that round exactly like
//! their scalar counterparts (no fused multiply-add), so every target computes the same bits.
//! The dense kernels (in [`super::dense`]) spell their register tiles out with [`F2`]'s
//! operations inlined, so they do not depend on LLVM's vectoriser and unroller, which do not
//! run at the size-oriented `opt-level`s the WebAssembly build uses.

use std::ops::{Add, Div, Mul, Sub};

/// Rows per block.
pub(crate) const LANES: usize = 2;

/// Blocks per chunk.
pub(crate) const BLOCKS: usize = 8;

/// Rows per chunk.
pub(crate) const CHUNK: usize = LANES * BLOCKS;

/// One value per lane, as stored in the workspace.
pub(crate) type Lanes = [f64; LANES];

/// The number of blocks `rows` rows take.
pub(crate) fn blocks(rows: usize) -> usize {
    rows.div_ceil(LANES)
}

/// Calls `f` on consecutive chunks of at most [`CHUNK`] rows from `rows` (only the last chunk
/// may be short); returns the number of rows. Generic, so keep `f` a thin call.
#[inline]
pub(crate) fn for_each_chunk(
    rows: impl IntoIterator<Item = usize>,
    mut f: impl FnMut(&[usize]),
) -> usize {
    let mut rows = rows.into_iter();
    let mut chunk = [0; CHUNK];
    let mut total = 0;
    loop {
        let mut count = 0;
        while count < CHUNK {
            let Some(row) = rows.next() else {
                break;
            };
            chunk[count] = row;
            count += 1;
        }
        if count > 0 {
            f(&chunk[..count]);
            total += count;
        }
        if count < CHUNK {
            return total;
        }
    }
}

/// Copies row `j`'s lane of consecutive neurons (`values` starts at the first of them, laid out
/// for `blocks` blocks) into `row`, one value per neuron.
pub(crate) fn gather(values: &[Lanes], blocks: usize, j: usize, row: &mut [f64]) {
    let (block, lane) = (j / LANES, j % LANES);
    for (k, r) in row.iter_mut().enumerate() {
        *r = values[k * blocks + block][lane];
    }
}

/// Copies `row` into row `j`'s lane of consecutive neurons (the reverse of [`gather`]).
pub(crate) fn scatter(row: &[f64], blocks: usize, j: usize, values: &mut [Lanes]) {
    let (block, lane) = (j / LANES, j % LANES);
    for (k, &r) in row.iter().enumerate() {
        values[k * blocks + block][lane] = r;
    }
}

/// Sets row `j`'s lane of `count` consecutive neurons to zero (a block's unused lane).
pub(crate) fn clear(values: &mut [Lanes], blocks: usize, j: usize, count: usize) {
    let (block, lane) = (j / LANES, j % LANES);
    for k in 0..count {
        values[k * blocks + block][lane] = 0.0;
    }
}

/// Two `f64` lanes in one register where the target has SIMD.
#[derive(Clone, Copy, Debug)]
pub(crate) struct F2(imp::Raw);

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod imp {
    use super::Lanes;
    use core::arch::wasm32::*;

    pub type Raw = v128;

    #[inline(always)]
    pub fn load(x: &Lanes) -> Raw {
        // SAFETY: `x` is 16 readable bytes, and v128.load has no alignment requirement.
        unsafe { v128_load(x.as_ptr().cast()) }
    }
    #[inline(always)]
    pub fn store(v: Raw, x: &mut Lanes) {
        // SAFETY: `x` is 16 writable bytes, and v128.store has no alignment requirement.
        unsafe { v128_store(x.as_mut_ptr().cast(), v) }
    }
    #[inline(always)]
    pub fn splat(x: f64) -> Raw {
        f64x2_splat(x)
    }
    #[inline(always)]
    pub fn to_array(v: Raw) -> Lanes {
        [f64x2_extract_lane::<0>(v), f64x2_extract_lane::<1>(v)]
    }
    #[inline(always)]
    pub fn add(a: Raw, b: Raw) -> Raw {
        f64x2_add(a, b)
    }
    #[inline(always)]
    pub fn sub(a: Raw, b: Raw) -> Raw {
        f64x2_sub(a, b)
    }
    #[inline(always)]
    pub fn mul(a: Raw, b: Raw) -> Raw {
        f64x2_mul(a, b)
    }
    #[inline(always)]
    pub fn div(a: Raw, b: Raw) -> Raw {
        f64x2_div(a, b)
    }
    /// `a < lo ? lo : a`, keeping NaN (pmax is `a < b ? b : a`).
    #[inline(always)]
    pub fn at_least(a: Raw, lo: Raw) -> Raw {
        f64x2_pmax(a, lo)
    }
    /// `hi < a ? hi : a`, keeping NaN (pmin is `b < a ? b : a`).
    #[inline(always)]
    pub fn at_most(a: Raw, hi: Raw) -> Raw {
        f64x2_pmin(a, hi)
    }
    /// 1.0 where `a > 0`, else 0.0.
    #[inline(always)]
    pub fn positive(a: Raw) -> Raw {
        v128_and(f64x2_gt(a, f64x2_splat(0.0)), f64x2_splat(1.0))
    }
    /// Reinterprets the bits as integers, shifts them left by 52 and adds `bias`.
    #[inline(always)]
    pub fn shl52_add(a: Raw, bias: u64) -> Raw {
        i64x2_add(i64x2_shl(a, 52), u64x2_splat(bias))
    }
    /// `[a₀, b₀]`.
    #[inline(always)]
    pub fn low_lanes(a: Raw, b: Raw) -> Raw {
        i64x2_shuffle::<0, 2>(a, b)
    }
    /// `[a₁, b₁]`.
    #[inline(always)]
    pub fn high_lanes(a: Raw, b: Raw) -> Raw {
        i64x2_shuffle::<1, 3>(a, b)
    }
}

#[cfg(target_arch = "x86_64")]
mod imp {
    use super::Lanes;
    use core::arch::x86_64::*;

    // SAFETY (every `unsafe` below): SSE2 is part of the x86-64 baseline, so its instructions
    // are always available; loads and stores go through `&Lanes`, 16 valid bytes, and the
    // `u` forms have no alignment requirement.

    pub type Raw = __m128d;

    #[inline(always)]
    pub fn load(x: &Lanes) -> Raw {
        unsafe { _mm_loadu_pd(x.as_ptr()) }
    }
    #[inline(always)]
    pub fn store(v: Raw, x: &mut Lanes) {
        unsafe { _mm_storeu_pd(x.as_mut_ptr(), v) }
    }
    #[inline(always)]
    pub fn splat(x: f64) -> Raw {
        unsafe { _mm_set1_pd(x) }
    }
    #[inline(always)]
    pub fn to_array(v: Raw) -> Lanes {
        let mut out = [0.0; 2];
        store(v, &mut out);
        out
    }
    #[inline(always)]
    pub fn add(a: Raw, b: Raw) -> Raw {
        unsafe { _mm_add_pd(a, b) }
    }
    #[inline(always)]
    pub fn sub(a: Raw, b: Raw) -> Raw {
        unsafe { _mm_sub_pd(a, b) }
    }
    #[inline(always)]
    pub fn mul(a: Raw, b: Raw) -> Raw {
        unsafe { _mm_mul_pd(a, b) }
    }
    #[inline(always)]
    pub fn div(a: Raw, b: Raw) -> Raw {
        unsafe { _mm_div_pd(a, b) }
    }
    /// `lo > a ? lo : a`, keeping NaN (maxpd returns its second operand on NaN).
    #[inline(always)]
    pub fn at_least(a: Raw, lo: Raw) -> Raw {
        unsafe { _mm_max_pd(lo, a) }
    }
    /// `hi < a ? hi : a`, keeping NaN (minpd returns its second operand on NaN).
    #[inline(always)]
    pub fn at_most(a: Raw, hi: Raw) -> Raw {
        unsafe { _mm_min_pd(hi, a) }
    }
    /// 1.0 where `a > 0`, else 0.0.
    #[inline(always)]
    pub fn positive(a: Raw) -> Raw {
        unsafe { _mm_and_pd(_mm_cmpgt_pd(a, _mm_setzero_pd()), _mm_set1_pd(1.0)) }
    }
    /// Reinterprets the bits as integers, shifts them left by 52 and adds `bias`.
    #[inline(always)]
    pub fn shl52_add(a: Raw, bias: u64) -> Raw {
        unsafe {
            let bits = _mm_slli_epi64::<52>(_mm_castpd_si128(a));
            _mm_castsi128_pd(_mm_add_epi64(bits, _mm_set1_epi64x(bias as i64)))
        }
    }
    /// `[a₀, b₀]`.
    #[inline(always)]
    pub fn low_lanes(a: Raw, b: Raw) -> Raw {
        unsafe { _mm_unpacklo_pd(a, b) }
    }
    /// `[a₁, b₁]`.
    #[inline(always)]
    pub fn high_lanes(a: Raw, b: Raw) -> Raw {
        unsafe { _mm_unpackhi_pd(a, b) }
    }
}

#[cfg(not(any(
    all(target_arch = "wasm32", target_feature = "simd128"),
    target_arch = "x86_64"
)))]
mod imp {
    use super::Lanes;

    pub type Raw = Lanes;

    #[inline(always)]
    fn zip(a: Raw, b: Raw, f: impl Fn(f64, f64) -> f64) -> Raw {
        [f(a[0], b[0]), f(a[1], b[1])]
    }
    #[inline(always)]
    pub fn load(x: &Lanes) -> Raw {
        *x
    }
    #[inline(always)]
    pub fn store(v: Raw, x: &mut Lanes) {
        *x = v;
    }
    #[inline(always)]
    pub fn splat(x: f64) -> Raw {
        [x; 2]
    }
    #[inline(always)]
    pub fn to_array(v: Raw) -> Lanes {
        v
    }
    #[inline(always)]
    pub fn add(a: Raw, b: Raw) -> Raw {
        zip(a, b, |a, b| a + b)
    }
    #[inline(always)]
    pub fn sub(a: Raw, b: Raw) -> Raw {
        zip(a, b, |a, b| a - b)
    }
    #[inline(always)]
    pub fn mul(a: Raw, b: Raw) -> Raw {
        zip(a, b, |a, b| a * b)
    }
    #[inline(always)]
    pub fn div(a: Raw, b: Raw) -> Raw {
        zip(a, b, |a, b| a / b)
    }
    #[inline(always)]
    pub fn at_least(a: Raw, lo: Raw) -> Raw {
        zip(a, lo, |a, lo| if a < lo { lo } else { a })
    }
    #[inline(always)]
    pub fn at_most(a: Raw, hi: Raw) -> Raw {
        zip(a, hi, |a, hi| if hi < a { hi } else { a })
    }
    #[inline(always)]
    pub fn positive(a: Raw) -> Raw {
        a.map(|a| if a > 0.0 { 1.0 } else { 0.0 })
    }
    #[inline(always)]
    pub fn shl52_add(a: Raw, bias: u64) -> Raw {
        a.map(|a| f64::from_bits((a.to_bits() << 52).wrapping_add(bias)))
    }
    #[inline(always)]
    pub fn low_lanes(a: Raw, b: Raw) -> Raw {
        [a[0], b[0]]
    }
    #[inline(always)]
    pub fn high_lanes(a: Raw, b: Raw) -> Raw {
        [a[1], b[1]]
    }
}

impl F2 {
    /// Both lanes set to `x`.
    #[inline(always)]
    pub fn splat(x: f64) -> F2 {
        F2(imp::splat(x))
    }

    /// Reads a lane pair.
    #[inline(always)]
    pub fn load(x: &Lanes) -> F2 {
        F2(imp::load(x))
    }

    /// Writes the lanes to `x`.
    #[inline(always)]
    pub fn store(self, x: &mut Lanes) {
        imp::store(self.0, x);
    }

    /// The lanes as an array.
    #[inline(always)]
    pub fn to_array(self) -> Lanes {
        imp::to_array(self.0)
    }

    /// Each lane clamped to `[lo, hi]`; NaN stays NaN.
    #[inline(always)]
    pub fn clamp(self, lo: f64, hi: f64) -> F2 {
        F2(imp::at_most(
            imp::at_least(self.0, imp::splat(lo)),
            imp::splat(hi),
        ))
    }

    /// max(0, x) per lane as `x < 0 ? 0 : x` (NaN stays NaN, −0 stays −0).
    #[inline(always)]
    pub fn relu(self) -> F2 {
        F2(imp::at_least(self.0, imp::splat(0.0)))
    }

    /// 1 where the lane is above 0, else 0 (NaN gives 0).
    #[inline(always)]
    pub fn step(self) -> F2 {
        F2(imp::positive(self.0))
    }

    /// `[a₀ + a₁, b₀ + b₁]`.
    #[inline(always)]
    pub fn sum_lanes(a: F2, b: F2) -> F2 {
        F2(imp::add(
            imp::low_lanes(a.0, b.0),
            imp::high_lanes(a.0, b.0),
        ))
    }

    /// Reads each lane's bits as an integer, shifts it left by 52 and adds `bias`.
    #[inline(always)]
    pub fn shl52_add(self, bias: u64) -> F2 {
        F2(imp::shl52_add(self.0, bias))
    }
}

impl Add for F2 {
    type Output = F2;
    #[inline(always)]
    fn add(self, other: F2) -> F2 {
        F2(imp::add(self.0, other.0))
    }
}

impl Sub for F2 {
    type Output = F2;
    #[inline(always)]
    fn sub(self, other: F2) -> F2 {
        F2(imp::sub(self.0, other.0))
    }
}

impl Mul for F2 {
    type Output = F2;
    #[inline(always)]
    fn mul(self, other: F2) -> F2 {
        F2(imp::mul(self.0, other.0))
    }
}

impl Div for F2 {
    type Output = F2;
    #[inline(always)]
    fn div(self, other: F2) -> F2 {
        F2(imp::div(self.0, other.0))
    }
}

/// What the elementary functions need from a number: plain `f64` for one value, [`F2`] for a
/// pair of lanes. Both round identically, so a value comes out the same either way.
pub(crate) trait Real:
    Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Div<Output = Self>
{
    /// A constant.
    fn splat(x: f64) -> Self;
    /// Clamped to `[lo, hi]`; NaN stays NaN.
    fn clamp(self, lo: f64, hi: f64) -> Self;
    /// The bits read as an integer, shifted left by 52, plus `bias`, read back as a float.
    fn shl52_add(self, bias: u64) -> Self;
}

impl Real for f64 {
    #[inline(always)]
    fn splat(x: f64) -> f64 {
        x
    }
    #[inline(always)]
    fn clamp(self, lo: f64, hi: f64) -> f64 {
        f64::clamp(self, lo, hi)
    }
    #[inline(always)]
    fn shl52_add(self, bias: u64) -> f64 {
        f64::from_bits((self.to_bits() << 52).wrapping_add(bias))
    }
}

impl Real for F2 {
    #[inline(always)]
    fn splat(x: f64) -> F2 {
        F2::splat(x)
    }
    #[inline(always)]
    fn clamp(self, lo: f64, hi: f64) -> F2 {
        F2::clamp(self, lo, hi)
    }
    #[inline(always)]
    fn shl52_add(self, bias: u64) -> F2 {
        F2::shl52_add(self, bias)
    }
}

// `map` and `scale` want closures (each one its own function, inlined at its single call
// site) rather than shared function items, which LLVM may leave as a call per element.

/// Replaces each lane pair `v` of `values` by `f(v)`.
#[inline(always)]
pub(crate) fn map(values: &mut [Lanes], f: impl Fn(F2) -> F2) {
    let mut i = 0;
    while i < values.len() {
        f(F2::load(&values[i])).store(&mut values[i]);
        i += 1;
    }
}

/// Multiplies each lane pair of `values` by `f` of the same pair of `by`.
#[inline(always)]
pub(crate) fn scale(values: &mut [Lanes], by: &[Lanes], f: impl Fn(F2) -> F2) {
    let by = &by[..values.len()];
    let mut i = 0;
    while i < values.len() {
        (F2::load(&values[i]) * f(F2::load(&by[i]))).store(&mut values[i]);
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_rows_in_order() {
        let mut seen = Vec::new();
        let rows: Vec<usize> = (0..40).rev().collect();
        let total = for_each_chunk(rows.iter().copied(), |chunk| seen.push(chunk.to_vec()));
        assert_eq!(total, 40);
        assert_eq!(seen.concat(), rows);
        assert_eq!(seen.iter().map(Vec::len).collect::<Vec<_>>(), [16, 16, 8]);
        let mut calls = 0;
        assert_eq!(for_each_chunk(0..32, |_| calls += 1), 32);
        assert_eq!(calls, 2);
        assert_eq!(for_each_chunk(0..0, |_| calls += 1), 0);
        assert_eq!(calls, 2);
        assert_eq!(
            (blocks(1), blocks(2), blocks(5), blocks(CHUNK)),
            (1, 1, 3, BLOCKS)
        );
    }

    #[test]
    fn gather_scatter_and_clear_move_one_row() {
        // Two neurons, three blocks: neuron k of block b at k·3 + b; row 3 is block 1, lane 1.
        let mut values: Vec<Lanes> = (0..6).map(|k| [k as f64, 10.0 + k as f64]).collect();
        let mut row = [0.0; 2];
        gather(&values, 3, 3, &mut row);
        assert_eq!(row, [11.0, 14.0]);
        scatter(&[7.0, 8.0], 3, 4, &mut values);
        assert_eq!((values[2], values[5]), ([7.0, 12.0], [8.0, 15.0]));
        clear(&mut values, 3, 3, 2);
        assert_eq!((values[1], values[4]), ([1.0, 0.0], [4.0, 0.0]));
    }

    #[test]
    fn lane_arithmetic_matches_scalar_arithmetic() {
        let (a, b) = ([1.5, -2.0], [0.25, 3.0]);
        let (x, y) = (F2::load(&a), F2::load(&b));
        let each = |f: fn(f64, f64) -> f64| [f(a[0], b[0]), f(a[1], b[1])];
        assert_eq!((x + y).to_array(), each(|a, b| a + b));
        assert_eq!((x - y).to_array(), each(|a, b| a - b));
        assert_eq!((x * y).to_array(), each(|a, b| a * b));
        assert_eq!((x / y).to_array(), each(|a, b| a / b));
        assert_eq!(F2::sum_lanes(x, y).to_array(), [a[0] + a[1], b[0] + b[1]]);
        let mut out = [0.0; 2];
        F2::splat(4.0).store(&mut out);
        assert_eq!(out, [4.0, 4.0]);
        map(std::slice::from_mut(&mut out), |v| v * v);
        assert_eq!(out, [16.0, 16.0]);
    }

    #[test]
    fn clamp_relu_and_step_keep_nan_and_signed_zero() {
        let v = F2::load(&[f64::NAN, -0.0]);
        let c = v.clamp(-1.0, 1.0).to_array();
        assert!(c[0].is_nan() && c[1] == 0.0 && c[1].is_sign_negative());
        let r = v.relu().to_array();
        assert!(r[0].is_nan() && r[1].is_sign_negative());
        assert_eq!(
            F2::load(&[5.0, -5.0]).clamp(-1.0, 1.0).to_array(),
            [1.0, -1.0]
        );
        assert_eq!(F2::load(&[-3.0, 2.0]).relu().to_array(), [0.0, 2.0]);
        assert_eq!(F2::load(&[0.5, 0.0]).step().to_array(), [1.0, 0.0]);
        assert_eq!(v.step().to_array(), [0.0, 0.0]);
    }

    #[test]
    fn shl52_add_matches_the_scalar_bit_trick() {
        let xs = [6_755_399_441_055_747.0, 6_755_399_441_055_740.0];
        let bias = 1023 << 52;
        let got = F2::load(&xs).shl52_add(bias).to_array();
        assert_eq!(got, [xs[0].shl52_add(bias), xs[1].shl52_add(bias)]);
        assert_eq!(got, [8.0, 0.0625]);
    }
}
