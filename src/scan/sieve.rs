//! A quick "certainly not" for the words an article remembers (surnames, given names): the
//! rules ask it of every capitalised word, twice per word, and most are none of them. A hash
//! lookup costs a few dozen instructions per word; the sieve's one bit test turns away most
//! words for a handful, and a hit still goes to the map, so answers are unchanged.

/// Bits set by the words inserted, one bit per word chosen from its length and bytes at its
/// ends. A word whose bit is clear was never inserted; a set bit may be another word's.
#[derive(Debug, Default)]
pub struct WordSieve([u64; WORDS]);

/// 1,024 bits: an article that names a hundred people still leaves nine in ten clear.
const WORDS: usize = 16;

impl WordSieve {
    /// The bit of `word`: its length and first, second and last bytes, mixed by one
    /// multiplication (the top bits of the product depend on all of them).
    fn bit(word: &str) -> usize {
        let bytes = word.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return 0;
        };
        let second = bytes.get(1).copied().unwrap_or(0);
        let key = u64::from(first)
            | u64::from(second) << 8
            | u64::from(last) << 16
            | (bytes.len() as u64) << 24;
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 54) as usize
    }

    pub fn insert(&mut self, word: &str) {
        let bit = Self::bit(word);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// False only when `word` was never inserted.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        let bit = Self::bit(word);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserted_words_are_always_found() {
        let mut sieve = WordSieve::default();
        let words = ["", "a", "kamen", "messina", "o'brien", "zürich", "frank"];
        for word in words {
            sieve.insert(word);
        }
        for word in words {
            assert!(sieve.may_contain(word), "{word}");
        }
    }

    #[test]
    fn an_empty_sieve_turns_every_word_away() {
        let sieve = WordSieve::default();
        assert!(!sieve.may_contain("kamen"));
        assert!(!sieve.may_contain(""));
    }
}
