//! A `for` loop's `forloop` object. Its counters move in place at each item, and its
//! `parentloop` (the enclosing loop's `forloop`, with its own parents) is built only when a
//! template reads it: building the chain at every nested loop's start cost a render of deeply
//! nested loops most of its time, for a key templates seldom read.

use std::cell::OnceCell;
use std::fmt;

use liquid_core::model::{DisplayCow, KStringCow, ObjectView, Scalar, State, Value, ValueView};

use super::data::Data;
use super::loops::{loop_object, text};
use super::scope::{enclosing_loops_below, is_nested_at};

/// How Ruby Liquid prints a `forloop` and its `parentloop`s (a drop prints as its class name).
/// Constant work, too: printing the object with its chain of parents took 2 s for a 2 KB
/// template of 63 nested loops (the fuzzer's finding).
static PRINTED: &str = "Liquid::ForloopDrop";

/// `forloop` of the loop at `depth` in the loop stack (see [`super::scope::within`]).
#[derive(Debug)]
pub(super) struct Forloop {
    /// `length`, `index`, `index0`, `rindex`, `rindex0`, `first`, `last`, then `name`.
    counters: Data,
    depth: usize,
    nested: bool,
    /// Built at the first read; `None` for an outermost loop.
    parent: OnceCell<Option<ParentLoop>>,
}

/// An enclosing loop's `forloop`, fixed while the inner loop runs.
#[derive(Debug)]
struct ParentLoop {
    counters: Data,
    parent: Option<Box<ParentLoop>>,
}

impl Forloop {
    /// The `forloop` of a loop named `name` of `length` items, about to start at `depth`.
    pub(super) fn new(length: usize, name: &str, depth: usize) -> Forloop {
        let mut counters = loop_object(0, length);
        counters.insert("name", text(name));
        Forloop {
            counters,
            depth,
            nested: is_nested_at(depth),
            parent: OnceCell::new(),
        }
    }

    /// Moves the counters to item `i` (the first seven entries of [`loop_object`]).
    pub(super) fn move_to(&mut self, i: usize, length: usize) {
        let (i, length) = (i as i64, length as i64);
        let values = [
            Scalar::new(length),
            Scalar::new(i + 1),
            Scalar::new(i),
            Scalar::new(length - i),
            Scalar::new(length - i - 1),
            Scalar::new(i == 0),
            Scalar::new(i == length - 1),
        ];
        if let Data::Object(entries) = &mut self.counters {
            for ((_, slot), value) in entries.iter_mut().zip(values) {
                *slot = Data::Scalar(value);
            }
        }
    }

    /// The enclosing loop's `forloop`, built at the first read (the enclosing loops do not move
    /// while this one runs).
    fn parent(&self) -> Option<&ParentLoop> {
        if !self.nested {
            return None;
        }
        self.parent
            .get_or_init(|| parent_chain(self.depth))
            .as_ref()
    }
}

/// The `forloop` objects of the loops enclosing the one at `depth`, each holding its own parent.
fn parent_chain(depth: usize) -> Option<ParentLoop> {
    let mut parent: Option<ParentLoop> = None;
    for position in &enclosing_loops_below(depth) {
        let mut counters = loop_object(position.index, position.length);
        counters.insert("name", text(&position.name));
        parent = Some(ParentLoop {
            counters,
            parent: parent.map(Box::new),
        });
    }
    parent
}

/// A loop object's reads, shared by [`Forloop`] and [`ParentLoop`]: its counters, then
/// `parentloop` when it is nested.
struct Loop<'a> {
    counters: &'a Data,
    parent: Option<&'a ParentLoop>,
}

impl<'a> Loop<'a> {
    fn size(&self) -> i64 {
        ObjectView::size(self.counters) + i64::from(self.parent.is_some())
    }

    fn keys(self) -> Box<dyn Iterator<Item = KStringCow<'a>> + 'a> {
        let parent = self.parent.map(|_| KStringCow::from_static("parentloop"));
        Box::new(ObjectView::keys(self.counters).chain(parent))
    }

    fn values(self) -> Box<dyn Iterator<Item = &'a dyn ValueView> + 'a> {
        let parent = self.parent.map(|p| p as &dyn ValueView);
        Box::new(ObjectView::values(self.counters).chain(parent))
    }

    fn iter(self) -> Box<dyn Iterator<Item = (KStringCow<'a>, &'a dyn ValueView)> + 'a> {
        let parent = self
            .parent
            .map(|p| (KStringCow::from_static("parentloop"), p as &dyn ValueView));
        Box::new(ObjectView::iter(self.counters).chain(parent))
    }

    /// A copy (`assign`, filters): an object of the counters and the parents'.
    fn to_value(&self) -> Value {
        let mut value = self.counters.to_value();
        if let (Value::Object(object), Some(parent)) = (&mut value, self.parent) {
            object.insert("parentloop".into(), parent.to_value());
        }
        value
    }
}

/// [`ValueView`] and [`ObjectView`] for a loop object, through [`Loop`].
macro_rules! loop_views {
    ($type:ty) => {
        impl ValueView for $type {
            fn as_debug(&self) -> &dyn fmt::Debug {
                self
            }

            fn render(&self) -> DisplayCow<'_> {
                DisplayCow::Borrowed(&PRINTED)
            }

            fn source(&self) -> DisplayCow<'_> {
                DisplayCow::Borrowed(&PRINTED)
            }

            fn type_name(&self) -> &'static str {
                "object"
            }

            fn query_state(&self, state: State) -> bool {
                // Never empty, so only truthy.
                matches!(state, State::Truthy)
            }

            fn to_kstr(&self) -> KStringCow<'_> {
                KStringCow::from_static(PRINTED)
            }

            fn to_value(&self) -> Value {
                self.view().to_value()
            }

            fn as_object(&self) -> Option<&dyn ObjectView> {
                Some(self)
            }
        }

        impl ObjectView for $type {
            fn as_value(&self) -> &dyn ValueView {
                self
            }

            fn size(&self) -> i64 {
                self.view().size()
            }

            fn keys<'k>(&'k self) -> Box<dyn Iterator<Item = KStringCow<'k>> + 'k> {
                self.view().keys()
            }

            fn values<'k>(&'k self) -> Box<dyn Iterator<Item = &'k dyn ValueView> + 'k> {
                self.view().values()
            }

            fn iter<'k>(
                &'k self,
            ) -> Box<dyn Iterator<Item = (KStringCow<'k>, &'k dyn ValueView)> + 'k> {
                self.view().iter()
            }

            // A counter is read without building the parents (`forloop.index` in a nested
            // loop is the common read; `parentloop` the rare one).
            fn contains_key(&self, index: &str) -> bool {
                match index {
                    "parentloop" => self.view().parent.is_some(),
                    _ => ObjectView::contains_key(&self.counters, index),
                }
            }

            fn get<'s>(&'s self, index: &str) -> Option<&'s dyn ValueView> {
                match index {
                    "parentloop" => self.view().parent.map(|p| p as &dyn ValueView),
                    _ => ObjectView::get(&self.counters, index),
                }
            }
        }
    };
}

impl Forloop {
    fn view(&self) -> Loop<'_> {
        Loop {
            counters: &self.counters,
            parent: self.parent(),
        }
    }
}

impl ParentLoop {
    fn view(&self) -> Loop<'_> {
        Loop {
            counters: &self.counters,
            parent: self.parent.as_deref(),
        }
    }
}

loop_views!(Forloop);
loop_views!(ParentLoop);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scope::{LoopPosition, loop_depth, within};

    fn int(view: Option<&dyn ValueView>) -> Option<i64> {
        view.and_then(|v| v.as_scalar())
            .and_then(|s| s.to_integer())
    }

    #[test]
    fn an_outermost_loop_has_no_parentloop() {
        let forloop = Forloop::new(3, "i-items", loop_depth());
        assert!(!ObjectView::contains_key(&forloop, "parentloop"));
        assert_eq!(ObjectView::size(&forloop), 8);
        assert!(ObjectView::get(&forloop, "parentloop").is_none_or(|v| v.is_nil()));
        assert_eq!(ObjectView::keys(&forloop).count(), 8);
    }

    #[test]
    fn parentloop_reads_the_enclosing_loops_where_they_stand() {
        let outer = LoopPosition {
            index: 0,
            length: 4,
            name: "a-list".into(),
        };
        within(Some(outer), |at| {
            at(2);
            let mut forloop = Forloop::new(2, "b-x", loop_depth());
            let inner = LoopPosition {
                index: 0,
                length: 2,
                name: "b-x".into(),
            };
            within(Some(inner), |at| {
                at(1);
                forloop.move_to(1, 2);
                assert_eq!(int(ObjectView::get(&forloop, "index")), Some(2));
                // A counter's read leaves the parents unbuilt.
                assert!(forloop.parent.get().is_none());
                assert!(ObjectView::contains_key(&forloop, "parentloop"));
                assert_eq!(ObjectView::size(&forloop), 9);
                let parent = ObjectView::get(&forloop, "parentloop")
                    .and_then(ValueView::as_object)
                    .expect("a parentloop object");
                assert_eq!(int(parent.get("index")), Some(3));
                assert_eq!(int(parent.get("rindex0")), Some(1));
                assert_eq!(
                    parent.get("name").map(|n| n.to_kstr().to_string()),
                    Some("a-list".into())
                );
                // The outermost loop's forloop has no parent of its own.
                assert!(!parent.contains_key("parentloop"));
                // Read whole, the object is the counters, the name and the parent, in order.
                let keys: Vec<String> = ObjectView::keys(&forloop).map(|k| k.to_string()).collect();
                assert_eq!(
                    keys,
                    [
                        "length",
                        "index",
                        "index0",
                        "rindex",
                        "rindex0",
                        "first",
                        "last",
                        "name",
                        "parentloop"
                    ]
                );
            });
        });
    }
}
