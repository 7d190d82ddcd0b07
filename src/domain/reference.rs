//! The case reference: short, for conversation ("my reference is
//! K7M3-Q9PX"). It names a case but grants nothing: the receipt does.

use crate::crypto::random_symbols;

/// Crockford's base-32 alphabet: no I, L, O or U, so nothing is misread.
const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CaseReference(String);

impl CaseReference {
    /// A new random reference: 8 symbols (40 bits) in two groups of four,
    /// like `K7M3-Q9PX`.
    pub fn generate() -> Self {
        let s = random_symbols(8, ALPHABET);
        Self(format!("{}-{}", &s[..4], &s[4..]))
    }

    /// Reads a reference as a person may type it: any case, with or without
    /// the dash or spaces, with O for 0 and I or L for 1.
    pub fn parse(input: &str) -> Option<Self> {
        let mut symbols = String::with_capacity(8);
        for c in input.chars() {
            let c = match c.to_ascii_uppercase() {
                '-' | ' ' | '\u{3000}' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
                return None;
            }
            symbols.push(c);
        }
        (symbols.len() == 8).then(|| Self(format!("{}-{}", &symbols[..4], &symbols[4..])))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CaseReference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_references_parse_back() {
        for _ in 0..100 {
            let r = CaseReference::generate();
            assert_eq!(r.as_str().len(), 9);
            assert_eq!(CaseReference::parse(r.as_str()), Some(r));
        }
    }

    #[test]
    fn typing_variants_are_forgiven() {
        let r = CaseReference::parse("k7m3 q9px").unwrap();
        assert_eq!(r.as_str(), "K7M3-Q9PX");
        assert_eq!(
            CaseReference::parse("O0IL-ABCD").unwrap().as_str(),
            "0011-ABCD"
        );
    }

    #[test]
    fn garbage_is_refused() {
        assert_eq!(CaseReference::parse(""), None);
        assert_eq!(CaseReference::parse("K7M3-Q9P"), None);
        assert_eq!(CaseReference::parse("K7M3-Q9PXX"), None);
        assert_eq!(CaseReference::parse("K7M3-Q9P'"), None);
        assert_eq!(CaseReference::parse("K7M3-Q9PU"), None);
    }
}
