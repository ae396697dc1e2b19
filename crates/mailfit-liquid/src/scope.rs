//! Variable scopes as Shopify has them:
//! - [`Lenient`]: what is not found is nil, at the root and in every loop or `include` frame
//!   (the crate's frames error on `forloop.nosuchthing`); `strict` renders still error;
//! - [`Root`]: the root of a render, and of each `render`ed partial, which sees only its
//!   arguments and keeps its own assigns, counters and loop stack;
//! - [`within`]: the enclosing loops, for `forloop.parentloop` (a `render`ed partial starts
//!   without any).

use std::cell::RefCell;
use std::collections::BTreeSet;

use liquid_core::model::{
    DisplayCow, KString, KStringCow, KStringRef, ObjectRender, ObjectSource, ScalarCow, State,
    Value, ValueCow, try_find,
};
use liquid_core::runtime::{PartialStore, Registers};
use liquid_core::{Error, ObjectView, Result, Runtime, ValueView};

use super::budget;
use super::paths::ROOT;

/// Looks `path` up; not found is nil unless the render is strict.
fn get_or_nil<'a>(found: Option<ValueCow<'a>>, path: &[ScalarCow<'_>]) -> Result<ValueCow<'a>> {
    match found {
        Some(value) => Ok(value),
        None if budget::strict() => Err(Error::with_msg("Unknown variable").context(
            "requested variable",
            path.iter()
                .map(|p| p.to_kstr().into_owned().to_string())
                .collect::<Vec<_>>()
                .join("."),
        )),
        None => Ok(ValueCow::Owned(Value::Nil)),
    }
}

/// A path segment as text, borrowed (`to_kstr` would copy it).
fn name_of<'a>(segment: &'a ScalarCow<'_>) -> std::borrow::Cow<'a, str> {
    segment.as_ref().into_cow_str()
}

/// The rest of a path the path rewrite marked with [`ROOT`] (names the grammar cannot read);
/// `None` for other paths. Asked only after a lookup missed, so ordinary lookups pay nothing.
fn rooted<'p, 's>(path: &'p [ScalarCow<'s>]) -> Option<&'p [ScalarCow<'s>]> {
    match path.split_first() {
        Some((first, rest)) if !rest.is_empty() && name_of(first) == ROOT => Some(rest),
        _ => None,
    }
}

/// A runtime whose unknown variables and keys read as nil.
pub struct Lenient<R: Runtime>(pub R);

impl<R: Runtime> Runtime for Lenient<R> {
    fn partials(&self) -> &dyn PartialStore {
        self.0.partials()
    }

    fn name(&self) -> Option<KStringRef<'_>> {
        self.0.name()
    }

    fn roots(&self) -> BTreeSet<KStringCow<'_>> {
        self.0.roots()
    }

    fn try_get(&self, path: &[ScalarCow<'_>]) -> Option<ValueCow<'_>> {
        self.0
            .try_get(path)
            .or_else(|| self.0.try_get(rooted(path)?))
    }

    fn get(&self, path: &[ScalarCow<'_>]) -> Result<ValueCow<'_>> {
        match self.try_get(path) {
            Some(value) => Ok(value),
            None if budget::strict() => self.0.get(path),
            None => Ok(ValueCow::Owned(Value::Nil)),
        }
    }

    fn set_global(&self, name: KString, val: Value) -> Option<Value> {
        self.0.set_global(name, val)
    }

    fn set_index(&self, name: KString, val: Value) -> Option<Value> {
        self.0.set_index(name, val)
    }

    fn get_index<'a>(&'a self, name: &str) -> Option<ValueCow<'a>> {
        self.0.get_index(name)
    }

    fn registers(&self) -> &Registers {
        self.0.registers()
    }
}

/// One enclosing loop: its position, length and name.
#[derive(Debug, Clone)]
pub struct LoopPosition {
    pub index: usize,
    pub length: usize,
    pub name: String,
}

thread_local! {
    // NOTE: a thread-local rather than a runtime register: registers are a hash map looked up
    // per access, and loops touch this at every iteration. `None` marks a `render`ed partial,
    // whose loops do not see the caller's.
    static LOOPS: RefCell<Vec<Option<LoopPosition>>> = const { RefCell::new(Vec::new()) };
}

/// How many loops and `render`ed partials are open: a loop started now sits at this depth.
pub fn loop_depth() -> usize {
    LOOPS.with(|l| l.borrow().len())
}

/// Is the loop at `depth` inside another (with no `render` between)?
pub fn is_nested_at(depth: usize) -> bool {
    LOOPS.with(|l| {
        let loops = l.borrow();
        depth
            .checked_sub(1)
            .and_then(|i| loops.get(i))
            .is_some_and(Option::is_some)
    })
}

/// The loops around the one at `depth`, outermost first (up to the nearest `render`).
pub fn enclosing_loops_below(depth: usize) -> Vec<LoopPosition> {
    LOOPS.with(|l| {
        let loops = l.borrow();
        let below = loops.get(..depth).unwrap_or(&loops[..]);
        let start = below.iter().rposition(Option::is_none).map_or(0, |i| i + 1);
        below
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .flatten()
            .cloned()
            .collect()
    })
}

/// Runs `body` inside a loop (`Some`) or a `render`ed partial (`None`); `at` moves the loop on.
pub fn within<T>(frame: Option<LoopPosition>, body: impl FnOnce(&dyn Fn(usize)) -> T) -> T {
    LOOPS.with(|l| l.borrow_mut().push(frame));
    let at = |index: usize| {
        LOOPS.with(|l| {
            if let Some(Some(top)) = l.borrow_mut().last_mut() {
                top.index = index;
            }
        });
    };
    let result = body(&at);
    LOOPS.with(|l| l.borrow_mut().pop());
    result
}

/// A few names bound for one frame (a loop's item and `forloop`, an `include`'s arguments),
/// looked up by a linear scan: cheaper than the `HashMap` the crate's frames are usually
/// given, for the two or three names a frame holds.
pub struct Names<'a>(pub &'a [(&'a str, &'a dyn ValueView)]);

impl std::fmt::Debug for Names<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|(k, _)| k))
            .finish()
    }
}

impl ValueView for Names<'_> {
    fn as_debug(&self) -> &dyn std::fmt::Debug {
        self
    }

    fn render(&self) -> DisplayCow<'_> {
        DisplayCow::Owned(Box::new(ObjectRender::new(self)))
    }

    fn source(&self) -> DisplayCow<'_> {
        DisplayCow::Owned(Box::new(ObjectSource::new(self)))
    }

    fn type_name(&self) -> &'static str {
        "object"
    }

    fn query_state(&self, state: State) -> bool {
        match state {
            State::Truthy => true,
            State::DefaultValue | State::Empty | State::Blank => self.0.is_empty(),
        }
    }

    fn to_kstr(&self) -> KStringCow<'_> {
        KStringCow::from_string(self.render().to_string())
    }

    fn to_value(&self) -> Value {
        Value::Object(
            self.0
                .iter()
                .map(|(k, v)| (KString::from_ref(k), v.to_value()))
                .collect(),
        )
    }

    fn as_object(&self) -> Option<&dyn ObjectView> {
        Some(self)
    }
}

impl ObjectView for Names<'_> {
    fn as_value(&self) -> &dyn ValueView {
        self
    }

    fn size(&self) -> i64 {
        self.0.len() as i64
    }

    fn keys<'k>(&'k self) -> Box<dyn Iterator<Item = KStringCow<'k>> + 'k> {
        Box::new(self.0.iter().map(|(k, _)| KStringCow::from_ref(k)))
    }

    fn values<'k>(&'k self) -> Box<dyn Iterator<Item = &'k dyn ValueView> + 'k> {
        Box::new(self.0.iter().map(|(_, v)| *v))
    }

    fn iter<'k>(&'k self) -> Box<dyn Iterator<Item = (KStringCow<'k>, &'k dyn ValueView)> + 'k> {
        Box::new(self.0.iter().map(|(k, v)| (KStringCow::from_ref(k), *v)))
    }

    fn contains_key(&self, index: &str) -> bool {
        self.0.iter().any(|(k, _)| *k == index)
    }

    fn get<'s>(&'s self, index: &str) -> Option<&'s dyn ValueView> {
        self.0.iter().find(|(k, _)| *k == index).map(|(_, v)| *v)
    }
}

/// The root of a render: what the template assigns, then the host's data, then the template's
/// counters. Lookups scan short lists instead of hashing the name at every level, as the
/// crate's stacked root frames do.
pub struct Root<'a> {
    /// The partial's name, for a `render`ed partial (whose root this also is).
    name: Option<KString>,
    globals: &'a dyn ObjectView,
    partials: &'a dyn PartialStore,
    assigns: RefCell<Vec<(KString, Value)>>,
    counters: RefCell<Vec<(KString, Value)>>,
    registers: Registers,
}

impl<'a> Root<'a> {
    pub fn new(globals: &'a dyn ObjectView, partials: &'a dyn PartialStore) -> Self {
        Root {
            name: None,
            globals,
            partials,
            assigns: RefCell::default(),
            counters: RefCell::default(),
            registers: Registers::default(),
        }
    }

    /// The scope of a `render`ed partial: it sees only its arguments (and keeps its own assigns,
    /// counters and registers), as a template's root does.
    pub fn isolated(
        name: KString,
        arguments: &'a dyn ObjectView,
        partials: &'a dyn PartialStore,
    ) -> Self {
        Root {
            name: Some(name),
            ..Root::new(arguments, partials)
        }
    }

    fn lookup(&self, path: &[ScalarCow<'_>]) -> Option<ValueCow<'_>> {
        let (first, rest) = path.split_first()?;
        let key = name_of(first);
        {
            let assigns = self.assigns.borrow();
            if let Some((_, value)) = assigns.iter().find(|(k, _)| k.as_str() == key) {
                return try_find(value, rest).map(|v| copied(v.into_owned()));
            }
        }
        // `increment`/`decrement` counters live in Ruby's outermost environment, the data
        // itself: one shadows the data's variable of its name once it has counted.
        {
            let counters = self.counters.borrow();
            if let Some((_, value)) = counters.iter().find(|(k, _)| k.as_str() == key) {
                return try_find(value, rest).map(|v| copied(v.into_owned()));
            }
        }
        // One scan of the data: its objects answer a missing key with a shared nil.
        match self.globals.get(&key) {
            Some(value) if !super::data::is_missing(value) => try_find(value, rest),
            _ => None,
        }
    }
}

/// An assigned value, copied out of its cell (a borrow cannot outlive it) and counted as
/// processed bytes: a breach fails the render at its next loop iteration, filter or `assign`.
fn copied(value: Value) -> ValueCow<'static> {
    // A number, a boolean or a short string costs less to copy than to count.
    let small = match &value {
        Value::Scalar(scalar) => scalar.as_str().is_none_or(|text| text.len() <= 256),
        Value::Nil | Value::State(_) => true,
        _ => false,
    };
    if !small {
        // NOTE: a lookup cannot fail; the count stays past the limit for the next check.
        let _ = budget::charge_copy(&value);
    }
    ValueCow::Owned(value)
}

fn set(list: &RefCell<Vec<(KString, Value)>>, name: KString, value: Value) -> Option<Value> {
    let mut list = list.borrow_mut();
    match list.iter_mut().find(|(k, _)| *k == name) {
        Some(slot) => Some(std::mem::replace(&mut slot.1, value)),
        None => {
            list.push((name, value));
            None
        }
    }
}

impl Runtime for Root<'_> {
    fn partials(&self) -> &dyn PartialStore {
        self.partials
    }

    fn name(&self) -> Option<KStringRef<'_>> {
        self.name.as_ref().map(|n| n.as_ref())
    }

    fn roots(&self) -> BTreeSet<KStringCow<'_>> {
        let mut roots: BTreeSet<KStringCow<'_>> = self.globals.keys().collect();
        roots.extend(
            self.assigns
                .borrow()
                .iter()
                .map(|(k, _)| KStringCow::from(k.clone())),
        );
        roots
    }

    fn try_get(&self, path: &[ScalarCow<'_>]) -> Option<ValueCow<'_>> {
        self.lookup(path).or_else(|| self.lookup(rooted(path)?))
    }

    fn get(&self, path: &[ScalarCow<'_>]) -> Result<ValueCow<'_>> {
        get_or_nil(self.try_get(path), path)
    }

    fn set_global(&self, name: KString, val: Value) -> Option<Value> {
        set(&self.assigns, name, val)
    }

    fn set_index(&self, name: KString, val: Value) -> Option<Value> {
        set(&self.counters, name, val)
    }

    fn get_index<'a>(&'a self, name: &str) -> Option<ValueCow<'a>> {
        let counted = self
            .counters
            .borrow()
            .iter()
            .find(|(k, _)| k.as_str() == name)
            .map(|(_, v)| ValueCow::Owned(v.clone()));
        // A counter starts from the data's variable of its name, as in Ruby, where both are
        // the same entry of the outermost environment.
        counted.or_else(|| {
            self.globals
                .get(name)
                .filter(|v| v.type_name() == "whole number")
                .map(|v| ValueCow::Owned(v.to_value()))
        })
    }

    fn registers(&self) -> &Registers {
        &self.registers
    }
}
