//! Ruby's BigDecimal as Shopify's Liquid uses it for arithmetic: a float operand becomes the
//! decimal it prints as (`0.1` is exactly one tenth), sums, differences, products and
//! remainders are exact, quotients keep at least 20 significant digits, and the result becomes
//! a float once, at the end (`0.1 | plus: 0.2` is `0.3`; `0.5 | divided_by: 3 | times: 17` is
//! `2.833333333333333`, where float arithmetic gives `2.8333333333333335`). Anything that does
//! not fit 38 digits is `None`, and the caller falls back to float arithmetic.

/// `mantissa` × 10^`exponent`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    mantissa: i128,
    exponent: i32,
}

/// Digits the dividend is widened to before dividing (an i128 holds 38).
const DIVIDEND_DIGITS: i32 = 37;

fn pow10(n: i32) -> Option<i128> {
    10i128.checked_pow(u32::try_from(n).ok()?)
}

fn digits(m: i128) -> i32 {
    m.unsigned_abs()
        .checked_ilog10()
        .map_or(1, |d| d as i32 + 1)
}

impl Decimal {
    /// An integer, exactly.
    pub fn from_int(i: i64) -> Self {
        Decimal {
            mantissa: i128::from(i),
            exponent: 0,
        }
    }

    /// The decimal a finite float prints as (its shortest round-trip digits, as Ruby's
    /// `Float#to_s` and so `BigDecimal(float.to_s)`); `None` for infinities and NaN.
    pub fn from_float(f: f64) -> Option<Self> {
        if !f.is_finite() {
            return None;
        }
        let text = format!("{f:e}");
        let (mantissa, exponent) = text.split_once('e')?;
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let exponent: i32 = exponent.parse().ok()?;
        Some(Decimal {
            mantissa: format!("{int}{frac}").parse().ok()?,
            exponent: exponent.checked_sub(i32::try_from(frac.len()).ok()?)?,
        })
    }

    /// The nearest float.
    pub fn to_f64(self) -> f64 {
        format!("{}e{}", self.mantissa, self.exponent)
            .parse()
            .unwrap_or(f64::NAN)
    }

    /// Both mantissas at the smaller exponent.
    fn aligned(self, other: Self) -> Option<(i128, i128, i32)> {
        let exponent = self.exponent.min(other.exponent);
        let scale = |d: Self| d.mantissa.checked_mul(pow10(d.exponent - exponent)?);
        Some((scale(self)?, scale(other)?, exponent))
    }

    pub fn add(self, other: Self) -> Option<Self> {
        let (a, b, exponent) = self.aligned(other)?;
        Some(Decimal {
            mantissa: a.checked_add(b)?,
            exponent,
        })
    }

    pub fn sub(self, other: Self) -> Option<Self> {
        let (a, b, exponent) = self.aligned(other)?;
        Some(Decimal {
            mantissa: a.checked_sub(b)?,
            exponent,
        })
    }

    pub fn mul(self, other: Self) -> Option<Self> {
        Some(Decimal {
            mantissa: self.mantissa.checked_mul(other.mantissa)?,
            exponent: self.exponent.checked_add(other.exponent)?,
        })
    }

    /// The quotient, truncated after 20 or more significant digits; `None` for a zero divisor.
    pub fn div(self, other: Self) -> Option<Self> {
        if other.mantissa == 0 {
            return None;
        }
        let shift = (DIVIDEND_DIGITS - digits(self.mantissa)).max(0);
        let dividend = self.mantissa.checked_mul(pow10(shift)?)?;
        Some(Decimal {
            mantissa: dividend / other.mantissa,
            exponent: self
                .exponent
                .checked_sub(shift)?
                .checked_sub(other.exponent)?,
        })
    }

    /// The remainder with the divisor's sign (Ruby's `%`); `None` for a zero divisor.
    pub fn rem_floor(self, other: Self) -> Option<Self> {
        let (a, b, exponent) = self.aligned(other)?;
        if b == 0 {
            return None;
        }
        let mut r = a % b;
        if r != 0 && (r < 0) != (b < 0) {
            r += b;
        }
        Some(Decimal {
            mantissa: r,
            exponent,
        })
    }

    /// Rounded to `places` decimal places (negative: tens, hundreds...), halves away from zero
    /// (BigDecimal's default `ROUND_HALF_UP`).
    pub fn round(self, places: i32) -> Option<Self> {
        let drop = places.checked_neg()?.checked_sub(self.exponent)?;
        if drop <= 0 {
            return Some(self);
        }
        let Some(unit) = pow10(drop) else {
            // Every digit is dropped, and the half is more than the number.
            return Some(Decimal {
                mantissa: 0,
                exponent: -places,
            });
        };
        let (q, r) = (self.mantissa / unit, self.mantissa % unit);
        let up = r.unsigned_abs().checked_mul(2)? >= unit.unsigned_abs();
        Some(Decimal {
            mantissa: q + if up { self.mantissa.signum() } else { 0 },
            exponent: -places,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(f: f64) -> Decimal {
        Decimal::from_float(f).unwrap()
    }

    #[test]
    fn floats_are_the_decimals_they_print_as() {
        assert_eq!(d(0.1).add(d(0.2)).unwrap().to_f64(), 0.3);
        assert_eq!(Decimal::from_int(10).sub(d(2.1)).unwrap().to_f64(), 7.9);
        assert_eq!(d(1.1).mul(d(1.1)).unwrap().to_f64(), 1.21);
        let third = d(0.5).div(Decimal::from_int(3)).unwrap().to_f64();
        assert_eq!(
            d(third).mul(Decimal::from_int(17)).unwrap().to_f64(),
            2.833333333333333
        );
        let two_thirds = Decimal::from_int(2).div(d(3.0)).unwrap().to_f64();
        assert_eq!(
            d(two_thirds).mul(Decimal::from_int(3)).unwrap().to_f64(),
            1.9999999999999998
        );
        assert_eq!(
            d(-7.5).rem_floor(Decimal::from_int(2)).unwrap().to_f64(),
            0.5
        );
        assert_eq!(d(1.005).round(2).unwrap().to_f64(), 1.01);
        assert_eq!(d(-2.5).round(0).unwrap().to_f64(), -3.0);
        assert_eq!(d(0.125).round(2).unwrap().to_f64(), 0.13);
        assert_eq!(d(1234.5).round(-2).unwrap().to_f64(), 1200.0);
        assert_eq!(d(1e300).round(-400).unwrap().to_f64(), 0.0);
        assert!(
            d(1e20).add(d(1e-20)).is_none(),
            "past 38 digits the caller uses floats"
        );
        assert!(d(1.0).div(d(0.0)).is_none());
    }
}
