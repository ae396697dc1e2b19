//! Number filters as Shopify's Liquid computes them, in place of the crate's stricter ones:
//! anything that is not a number counts as 0 (`nil`, `"abc"`, a hash) instead of failing the
//! whole email, numeric strings are numbers, integers stay integers, and with a float on either
//! side the operation runs on decimals as Ruby's BigDecimal does ([`Decimal`]: `10 | minus: 2.1`
//! is `7.9`, not `7.8999999999999995`). Integer division or any modulo by zero is an error; a
//! float divided by zero is `Infinity` (or `NaN`), as in Ruby.

use super::decimal::Decimal;
use liquid_core::parser::{FilterArguments, FilterParametersReflection, ParameterReflection};
use liquid_core::{
    Display_filter, Expression, Filter, FilterParameters, FilterReflection, FromFilterParameters,
    ParseFilter, Result, Runtime, Value, ValueView,
};

/// A Liquid number: Ruby keeps integers and floats apart, and so do we.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    fn float(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    /// As Ruby's `Utils.to_number` hands it to BigDecimal (`None`: not finite).
    fn decimal(self) -> Option<Decimal> {
        match self {
            Num::Int(i) => Some(Decimal::from_int(i)),
            Num::Float(f) => Decimal::from_float(f),
        }
    }

    fn value(self) -> Value {
        match self {
            Num::Int(i) => Value::scalar(i),
            Num::Float(f) => Value::scalar(f),
        }
    }
}

/// Ruby's `Utils.to_number`.
pub fn to_number(value: &dyn ValueView) -> Num {
    let Some(scalar) = value.as_scalar() else {
        return Num::Int(0);
    };
    match value.type_name() {
        "whole number" => return Num::Int(scalar.to_integer().unwrap_or(0)),
        "fractional number" => return Num::Float(scalar.to_float().unwrap_or(0.0)),
        "string" => {}
        _ => return Num::Int(0),
    }
    let text = scalar.to_kstr();
    let text = text.trim();
    let digits = text.strip_prefix('-').unwrap_or(text);
    let is_decimal = digits.split_once('.').is_some_and(|(i, f)| {
        !i.is_empty()
            && !f.is_empty()
            && i.bytes().all(|b| b.is_ascii_digit())
            && f.bytes().all(|b| b.is_ascii_digit())
    });
    if is_decimal {
        return Num::Float(text.parse().unwrap_or(0.0));
    }
    // `to_i`: the leading integer, if any.
    let end = text
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && (c == '-' || c == '+'))))
        .map_or(text.len(), |(i, _)| i);
    let lead = text.get(..end).unwrap_or("");
    lead.parse::<i64>()
        .map(Num::Int)
        .or_else(|_| lead.parse::<f64>().map(Num::Float))
        .unwrap_or(Num::Int(0))
}

/// Ruby's `apply_operation`: two integers stay integers (a float when the result overflows);
/// otherwise BigDecimal arithmetic, then a float (float arithmetic past 38 digits).
fn operate(
    a: Num,
    b: Num,
    int: fn(i64, i64) -> Option<i64>,
    decimal: fn(Decimal, Decimal) -> Option<Decimal>,
    float: fn(f64, f64) -> f64,
) -> Num {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => {
            int(x, y).map_or_else(|| Num::Float(float(x as f64, y as f64)), Num::Int)
        }
        _ => {
            let floats = float(a.float(), b.float());
            let exact = a
                .decimal()
                .zip(b.decimal())
                .and_then(|(x, y)| decimal(x, y))
                .map(Decimal::to_f64);
            // A decimal zero has no sign; BigDecimal's does (`0 | times: -1.5` is `-0.0`).
            Num::Float(match exact {
                Some(x) if x == 0.0 && floats == 0.0 => floats,
                Some(x) => x,
                None => floats,
            })
        }
    }
}

fn is_zero(n: Num) -> bool {
    n.float() == 0.0
}

#[derive(Debug, FilterParameters)]
struct OperandArgs {
    #[parameter(description = "The other number.")]
    operand: Expression,
}

/// One arithmetic operation.
type Operation = fn(Num, Num) -> Result<Num>;

/// A filter of one number argument (`plus`, `minus`, ...): one type for all of them.
#[derive(Clone)]
pub struct Binary {
    name: &'static str,
    description: &'static str,
    operation: Operation,
}

impl FilterReflection for Binary {
    fn name(&self) -> &str {
        self.name
    }
    fn description(&self) -> &str {
        self.description
    }
    fn positional_parameters(&self) -> &'static [ParameterReflection] {
        <OperandArgs as FilterParametersReflection>::positional_parameters()
    }
    fn keyword_parameters(&self) -> &'static [ParameterReflection] {
        <OperandArgs as FilterParametersReflection>::keyword_parameters()
    }
}

impl ParseFilter for Binary {
    fn parse(&self, arguments: FilterArguments<'_>) -> Result<Box<dyn Filter>> {
        Ok(Box::new(BinaryFilter {
            name: self.name,
            operation: self.operation,
            args: OperandArgs::from_args(arguments)?,
        }))
    }

    fn reflection(&self) -> &dyn FilterReflection {
        self
    }
}

#[derive(Debug)]
struct BinaryFilter {
    name: &'static str,
    operation: Operation,
    args: OperandArgs,
}

impl std::fmt::Display for BinaryFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.name, self.args)
    }
}

impl Filter for BinaryFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
        let operand = to_number(args.operand.as_view());
        (self.operation)(to_number(input), operand).map(Num::value)
    }
}

fn zero_division(name: &str) -> liquid_core::Error {
    liquid_core::Error::with_msg(format!("{name}: divided by 0"))
}

/// The arithmetic filters, with Ruby's semantics.
pub fn arithmetic_filters() -> Vec<Binary> {
    let binary = |name, description, operation| Binary {
        name,
        description,
        operation,
    };
    vec![
        binary("plus", "Adds a number.", |a, b| {
            Ok(operate(a, b, i64::checked_add, Decimal::add, |x, y| x + y))
        }),
        binary("minus", "Subtracts a number.", |a, b| {
            Ok(operate(a, b, i64::checked_sub, Decimal::sub, |x, y| x - y))
        }),
        binary("times", "Multiplies by a number.", |a, b| {
            Ok(operate(a, b, i64::checked_mul, Decimal::mul, |x, y| x * y))
        }),
        binary(
            "divided_by",
            "Divides by a number (integer division, rounding down, for two integers).",
            |a, b| match (a, b) {
                (Num::Int(_), Num::Int(0)) => Err(zero_division("divided_by")),
                // BigDecimal: a float divided by zero is infinite (NaN for zero itself).
                _ if is_zero(b) => Ok(Num::Float(a.float() / b.float())),
                _ => Ok(operate(
                    a,
                    b,
                    |x, y| x.checked_div(y).map(|_| floor_div(x, y)),
                    Decimal::div,
                    |x, y| x / y,
                )),
            },
        ),
        binary(
            "modulo",
            "The remainder of a division; its sign follows the divisor, as in Ruby.",
            |a, b| {
                if is_zero(b) {
                    return Err(zero_division("modulo"));
                }
                Ok(operate(
                    a,
                    b,
                    |x, y| {
                        x.checked_rem(y).map(|r| {
                            if r != 0 && (r < 0) != (y < 0) {
                                r + y
                            } else {
                                r
                            }
                        })
                    },
                    Decimal::rem_floor,
                    |x, y| {
                        // BigDecimal's remainder zero has no sign.
                        let r = x % y + 0.0;
                        if r != 0.0 && (r < 0.0) != (y < 0.0) {
                            r + y
                        } else {
                            r
                        }
                    },
                ))
            },
        ),
        binary("at_least", "Limits a number to a minimum.", |a, b| {
            Ok(if b.float() > a.float() { b } else { a })
        }),
        binary("at_most", "Limits a number to a maximum.", |a, b| {
            Ok(if b.float() < a.float() { b } else { a })
        }),
    ]
}

/// Ruby's integer division rounds towards negative infinity.
fn floor_div(x: i64, y: i64) -> i64 {
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

macro_rules! unary_filter {
    ($plugin:ident, $parsed:ident, $name:literal, $description:literal, |$a:ident| $body:expr) => {
        #[doc = $description]
        #[derive(Clone, ParseFilter, FilterReflection)]
        #[filter(name = $name, description = $description, parsed($parsed))]
        pub struct $plugin;

        #[derive(Debug, Default, Display_filter)]
        #[name = $name]
        struct $parsed;

        impl Filter for $parsed {
            fn evaluate(&self, input: &dyn ValueView, _runtime: &dyn Runtime) -> Result<Value> {
                let $a = to_number(input);
                Ok(Num::value($body))
            }
        }
    };
}

/// BigDecimal's `to_i`: an infinite or undefined number is an error, as in Ruby.
fn to_int(f: f64) -> Result<Num> {
    if !f.is_finite() {
        return Err(liquid_core::Error::with_msg(
            "Computation results in 'Infinity' or 'NaN'",
        ));
    }
    Ok(if f.abs() < 9.0e18 {
        Num::Int(f as i64)
    } else {
        Num::Float(f)
    })
}

unary_filter!(Abs, AbsFilter, "abs", "The absolute value.", |a| match a {
    Num::Int(i) => i
        .checked_abs()
        .map_or(Num::Float((i as f64).abs()), Num::Int),
    Num::Float(f) => Num::Float(f.abs()),
});
unary_filter!(
    Ceil,
    CeilFilter,
    "ceil",
    "Rounds up to an integer.",
    |a| match a {
        Num::Int(i) => Num::Int(i),
        Num::Float(f) => to_int(f.ceil())?,
    }
);
unary_filter!(
    Floor,
    FloorFilter,
    "floor",
    "Rounds down to an integer.",
    |a| match a {
        Num::Int(i) => Num::Int(i),
        Num::Float(f) => to_int(f.floor())?,
    }
);

#[derive(Debug, FilterParameters)]
struct RoundArgs {
    #[parameter(description = "Decimal places (default 0).")]
    decimal_places: Option<Expression>,
}

/// `round`: to `n` decimal places (an integer for 0; negative `n` rounds to tens, hundreds...).
#[derive(Clone, ParseFilter, FilterReflection)]
#[filter(
    name = "round",
    description = "Rounds to a number of decimal places.",
    parameters(RoundArgs),
    parsed(RoundFilter)
)]
pub struct Round;

#[derive(Debug, FromFilterParameters, Display_filter)]
#[name = "round"]
struct RoundFilter {
    #[parameters]
    args: RoundArgs,
}

impl Filter for RoundFilter {
    fn evaluate(&self, input: &dyn ValueView, runtime: &dyn Runtime) -> Result<Value> {
        let args = self.args.evaluate(runtime)?;
        let places = args
            .decimal_places
            .map_or(0, |p| match to_number(p.as_view()) {
                Num::Int(i) => i,
                Num::Float(f) => f.trunc() as i64,
            })
            .clamp(-300, 300);
        let n = to_number(input);
        // Ruby: an integer rounds as an integer; a float as BigDecimal (halves away from
        // zero), back to a float, and to an integer for 0 places.
        let result = match n {
            Num::Int(i) if places >= 0 => Num::Int(i),
            _ => {
                let rounded = n
                    .decimal()
                    .and_then(|d| d.round(places as i32))
                    .map_or_else(|| n.float(), Decimal::to_f64);
                if places <= 0 {
                    to_int(rounded)?
                } else if rounded == 0.0 && n.float().is_sign_negative() {
                    // BigDecimal rounds a negative number to a negative zero.
                    Num::Float(-0.0)
                } else {
                    Num::Float(rounded)
                }
            }
        };
        Ok(result.value())
    }
}

/// Ruby's `Float#to_s`: `5.0`, `7.9`, `1.0e-05`, `1.0e+15`.
pub fn ruby_float(f: f64) -> String {
    // The vendored liquid-core prints floats as Ruby does (vendor/liquid-core/PATCHES.md).
    f.render().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_coerce_like_ruby() {
        assert_eq!(to_number(&Value::scalar("10")), Num::Int(10));
        assert_eq!(to_number(&Value::scalar(" 2.5 ")), Num::Float(2.5));
        assert_eq!(to_number(&Value::scalar("12abc")), Num::Int(12));
        assert_eq!(to_number(&Value::scalar("abc")), Num::Int(0));
        assert_eq!(to_number(&Value::Nil), Num::Int(0));
        assert_eq!(floor_div(-7, 2), -4);
    }

    #[test]
    fn floats_print_like_ruby() {
        assert_eq!(ruby_float(5.0), "5.0");
        assert_eq!(ruby_float(-0.5), "-0.5");
        assert_eq!(ruby_float(0.00001), "1.0e-05");
        assert_eq!(ruby_float(1e20), "1.0e+20");
        assert_eq!(ruby_float(1e15), "1.0e+15");
        assert_eq!(ruby_float(999_999_999_999_999.9), "999999999999999.9");
        assert_eq!(ruby_float(9.99e-5), "9.99e-05");
        assert_eq!(ruby_float(2.857142857142857), "2.857142857142857");
    }
}
