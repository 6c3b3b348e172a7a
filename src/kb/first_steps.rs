//! An automaton's first two steps from its root, remembered by the `Kb`.
//!
//! Every capitalised word of a page is walked from the root of the alias automaton
//! (`Kb::alias_prefix`), many also through the given-name set (`Kb::is_given_name`), and the
//! nodes near a root are the costliest to step through: the most transitions to decode and
//! search. Words share their first letters far more than they share whole spellings, so the
//! `Kb` keeps where each first byte, and each pair of lowercase letters, leads; the walk goes
//! on from there. The steps are filled in as words ask for them rather than built when the
//! knowledge opens, which must stay cheap; they pay off over many scans with one `Kb` (the
//! page's `App` keeps one, and so do `scan_text` and `warm_up` in `web`).

use super::walk;
use fst::raw::{CompiledAddr, Fst, Output};
use std::sync::atomic::{AtomicU64, Ordering};

/// Lowercase ASCII letters only in the second table: most keys start with two of them, and
/// 26 x 26 entries stay cheap to allocate each time the knowledge opens.
const LETTERS: usize = 26;

/// Where one step from the root (or two) leads, unset until a word walks it. Two atomics
/// rather than a lock keep the `Kb` shareable between threads and cost nothing to create or
/// drop: `addr` is `UNWALKED`, `MISSING` (no key starts with those bytes), or the node's
/// address plus `FOUND`; `output`, the output gathered on the way, is written before it.
#[derive(Default)]
struct Step {
    addr: AtomicU64,
    output: AtomicU64,
}

const UNWALKED: u64 = 0;
const MISSING: u64 = 1;
const FOUND: u64 = 2;

impl Step {
    fn get_or_walk(
        &self,
        walk: impl FnOnce() -> Option<(CompiledAddr, Output)>,
    ) -> Option<(CompiledAddr, Output)> {
        match self.addr.load(Ordering::Acquire) {
            UNWALKED => {
                let step = walk();
                match step {
                    Some((addr, output)) => {
                        self.output.store(output.value(), Ordering::Relaxed);
                        self.addr.store(addr as u64 + FOUND, Ordering::Release);
                    }
                    None => self.addr.store(MISSING, Ordering::Release),
                }
                step
            }
            MISSING => None,
            found => {
                let output = Output::new(self.output.load(Ordering::Relaxed));
                Some(((found - FOUND) as CompiledAddr, output))
            }
        }
    }
}

/// Steps from the root of one automaton, filled in lazily.
pub struct FirstSteps {
    /// By first byte.
    one: Box<[Step]>,
    /// By two lowercase letters (`letter_pair`).
    two: Box<[Step]>,
}

impl Default for FirstSteps {
    fn default() -> Self {
        FirstSteps {
            one: (0..256).map(|_| Step::default()).collect(),
            two: (0..LETTERS * LETTERS).map(|_| Step::default()).collect(),
        }
    }
}

/// The index of two lowercase ASCII letters in `FirstSteps::two`.
fn letter_pair(first: u8, second: u8) -> Option<usize> {
    (first.is_ascii_lowercase() && second.is_ascii_lowercase())
        .then(|| usize::from(first - b'a') * LETTERS + usize::from(second - b'a'))
}

impl FirstSteps {
    /// Where `key` leads from the root of `fst` (the node and the output so far), or None
    /// when no key of the automaton starts with it: `walk(fst, root, zero, key)`.
    pub fn walk<'f>(
        &self,
        fst: &'f Fst<&[u8]>,
        key: &[u8],
    ) -> Option<(fst::raw::Node<'f>, Output)> {
        let (addr, output, rest) = match *key {
            [] => return Some((fst.root(), Output::zero())),
            [first, second, ref rest @ ..] if letter_pair(first, second).is_some() => {
                let (addr, output) = self.pair(fst, first, second)?;
                (addr, output, rest)
            }
            [first, ref rest @ ..] => {
                let (addr, output) = self.first(fst, first)?;
                (addr, output, rest)
            }
        };
        walk(fst, fst.node(addr), output, rest)
    }

    /// The step for the first byte `byte`, walked the first time it is asked for.
    fn first(&self, fst: &Fst<&[u8]>, byte: u8) -> Option<(CompiledAddr, Output)> {
        self.one[usize::from(byte)].get_or_walk(|| {
            walk(fst, fst.root(), Output::zero(), &[byte]).map(|(node, out)| (node.addr(), out))
        })
    }

    /// The step for two lowercase letters, from the step for the first.
    fn pair(&self, fst: &Fst<&[u8]>, first: u8, second: u8) -> Option<(CompiledAddr, Output)> {
        self.two[letter_pair(first, second)?].get_or_walk(|| {
            let (addr, output) = self.first(fst, first)?;
            walk(fst, fst.node(addr), output, &[second]).map(|(node, out)| (node.addr(), out))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::Kb;

    #[test]
    fn remembered_steps_lead_where_the_walk_from_the_root_does() {
        let kb = Kb::embedded().unwrap();
        let fst = kb.alias_shard().aliases.as_fst();
        let steps = FirstSteps::default();
        // Twice: the first time fills the steps in, the second reads them.
        for _ in 0..2 {
            for key in [
                "", "a", "t", "te", "tehran", "tehran ", "qx", "1st", "g7", "é", "zürich",
            ] {
                let walked = walk(fst, fst.root(), Output::zero(), key.as_bytes());
                let stepped = steps.walk(fst, key.as_bytes());
                assert_eq!(
                    walked.map(|(node, out)| (node.addr(), out)),
                    stepped.map(|(node, out)| (node.addr(), out)),
                    "{key:?}"
                );
            }
        }
    }

    #[test]
    fn given_names_read_from_remembered_steps_are_the_set_s() {
        let kb = Kb::embedded().unwrap();
        for _ in 0..2 {
            for word in [
                "frank",
                "george",
                "fr",
                "f",
                "",
                "zzqx",
                "josé",
                "mary-jane",
            ] {
                assert_eq!(
                    kb.is_given_name(word),
                    kb.given_names.contains(word.as_bytes()),
                    "{word:?}"
                );
            }
        }
        assert!(kb.is_given_name("frank"));
    }
}
