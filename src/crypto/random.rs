//! Randomness from the operating system, for keys, tokens, receipts and
//! references.

/// `N` random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    getrandom::fill(&mut out).expect("the operating system's random source is unavailable");
    out
}

/// `n` uniformly random ASCII decimal digits.
pub fn random_decimal_digits(n: usize) -> String {
    random_symbols(n, b"0123456789")
}

/// `n` symbols drawn uniformly from `alphabet` (rejection sampling, so no
/// symbol is more likely than another).
pub fn random_symbols(n: usize, alphabet: &[u8]) -> String {
    assert!(!alphabet.is_empty() && alphabet.len() <= 256);
    let limit = 256 - (256 % alphabet.len());
    let mut out = String::with_capacity(n);
    while out.len() < n {
        for b in random_bytes::<32>() {
            if (b as usize) < limit && out.len() < n {
                out.push(alphabet[b as usize % alphabet.len()] as char);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_digits_and_vary() {
        let a = random_decimal_digits(20);
        assert_eq!(a.len(), 20);
        assert!(a.bytes().all(|b| b.is_ascii_digit()));
        assert_ne!(a, random_decimal_digits(20));
    }

    #[test]
    fn every_symbol_of_the_alphabet_appears() {
        let s = random_symbols(2000, b"ABC");
        for c in ['A', 'B', 'C'] {
            assert!(s.contains(c));
        }
    }
}
