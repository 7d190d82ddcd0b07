//! Identifiers a report names — phone numbers, email addresses, messaging
//! and social handles, vehicle plates — found in its free text and
//! normalised, so that two reports naming one perpetrator in different
//! ways can be linked. Each is a kind, a normalised value and the text as
//! written; only a keyed digest of "kind:value" is ever stored.
//!
//! Extraction errs towards missing an identifier rather than inventing
//! one: a false link costs a caseworker's time and, worse, suggests a
//! pattern that is not there. Dates, times, amounts and ordinary words
//! after "WeChat" are not identifiers.

use zeroize::Zeroize;

/// What an identifier is. The code is part of what is digested.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdentifierKind {
    Phone,
    Email,
    WeChat,
    Telegram,
    Signal,
    /// A social-media handle (`@name`, a profile address) or an account
    /// name given without its platform.
    Handle,
    Plate,
}

impl IdentifierKind {
    pub const ALL: &'static [IdentifierKind] = &[
        IdentifierKind::Phone,
        IdentifierKind::Email,
        IdentifierKind::WeChat,
        IdentifierKind::Telegram,
        IdentifierKind::Signal,
        IdentifierKind::Handle,
        IdentifierKind::Plate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IdentifierKind::Phone => "phone",
            IdentifierKind::Email => "email",
            IdentifierKind::WeChat => "wechat",
            IdentifierKind::Telegram => "telegram",
            IdentifierKind::Signal => "signal",
            IdentifierKind::Handle => "handle",
            IdentifierKind::Plate => "plate",
        }
    }
}

/// One identifier found in a report. Personal data: never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Identifier {
    pub kind: IdentifierKind,
    /// Normalised: E.164 for phone numbers, lower case for addresses and
    /// handles, upper case without spaces for plates.
    value: String,
    /// As the report wrote it (trimmed).
    written: String,
}

impl Identifier {
    fn new(kind: IdentifierKind, value: String, written: &str) -> Self {
        Self {
            kind,
            value,
            written: written.trim().to_string(),
        }
    }

    /// What the blind index digests: `kind:value`.
    pub fn digest_input(&self) -> String {
        format!("{}:{}", self.kind.as_str(), self.value)
    }

    /// The normalised value.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The identifier as the report wrote it.
    pub fn written(&self) -> &str {
        &self.written
    }
}

impl Drop for Identifier {
    fn drop(&mut self) {
        self.value.zeroize();
        self.written.zeroize();
    }
}

impl std::fmt::Debug for Identifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Identifier({}, [redacted])", self.kind.as_str())
    }
}

/// Every identifier in the free text of a report (`texts`: its narrative
/// and "who was involved") and in its structured field (`listed`: one
/// identifier or name a line, or separated by commas). Each (kind, value)
/// once, as first written.
pub fn extract(texts: &[&str], listed: &str) -> Vec<Identifier> {
    let mut found = Vec::new();
    for text in texts {
        scan(text, &mut found);
    }
    for item in listed
        .split(['\n', ',', ';', '，', '；', '、'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let before = found.len();
        scan(item, &mut found);
        if found.len() == before {
            listed_item(item, &mut found);
        }
    }
    let mut seen = std::collections::HashSet::new();
    let first: Vec<bool> = found
        .iter()
        .map(|id| seen.insert((id.kind, id.value.as_str())))
        .collect();
    found
        .into_iter()
        .zip(first)
        .filter_map(|(id, first)| first.then_some(id))
        .collect()
}

/// An item of the structured field that names no identifier the text
/// scanner recognises: an account name on its own (`zhang_wei88`).
/// Personal names are not indexed: a common name would link strangers.
fn listed_item(item: &str, found: &mut Vec<Identifier>) {
    let chars: Vec<char> = item.chars().map(fold).collect();
    let token = handle_token(&chars, 0);
    if token.end == chars.len() && token.len() >= 4 && token.has_digit_or_mark {
        let value: String = chars[..token.end].iter().collect();
        found.push(Identifier::new(
            IdentifierKind::Handle,
            value.to_ascii_lowercase(),
            item,
        ));
    }
}

/// Full-width forms (as typed with Chinese input methods) read as ASCII.
fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn scan(text: &str, found: &mut Vec<Identifier>) {
    let original: Vec<char> = text.chars().collect();
    let chars: Vec<char> = original.iter().copied().map(fold).collect();
    let lower: Vec<char> = chars.iter().map(char::to_ascii_lowercase).collect();
    let written = |from: usize, to: usize| -> String { original[from..to].iter().collect() };
    // Spans already taken by an identifier, so that the digits of an
    // email address or a plate are not read again as a phone number.
    let mut taken: Vec<(usize, usize)> = Vec::new();
    emails(&chars, &mut taken, found, &written);
    urls(&lower, &chars, &mut taken, found, &written);
    keyworded(&lower, &chars, &mut taken, found, &written);
    at_handles(&chars, &mut taken, found, &written);
    phones(&chars, &taken, found, &written);
}

fn overlaps(taken: &[(usize, usize)], from: usize, to: usize) -> bool {
    taken.iter().any(|&(a, b)| from < b && a < to)
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

// Email addresses ------------------------------------------------------------

fn is_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || "._%+-".contains(c)
}

fn is_domain(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.' || c == '-'
}

fn emails(
    chars: &[char],
    taken: &mut Vec<(usize, usize)>,
    found: &mut Vec<Identifier>,
    written: &dyn Fn(usize, usize) -> String,
) {
    for at in (0..chars.len()).filter(|&i| chars[i] == '@') {
        let mut start = at;
        while start > 0 && is_local(chars[start - 1]) {
            start -= 1;
        }
        while start < at && chars[start] == '.' {
            start += 1;
        }
        let mut end = at + 1;
        while end < chars.len() && is_domain(chars[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(chars[end - 1], '.' | '-') {
            end -= 1;
        }
        if start == at || end == at + 1 {
            continue;
        }
        let domain: String = chars[at + 1..end].iter().collect();
        let Some((host, tld)) = domain.rsplit_once('.') else {
            continue;
        };
        if host.is_empty()
            || host.starts_with(['.', '-'])
            || domain.contains("..")
            || tld.len() < 2
            || !tld.chars().all(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        let value: String = chars[start..end].iter().collect();
        taken.push((start, end));
        found.push(Identifier::new(
            IdentifierKind::Email,
            value.to_ascii_lowercase(),
            &written(start, end),
        ));
    }
}

// Handles --------------------------------------------------------------------

/// A run of handle characters from `from`: letters, digits, `_`, `.`, `-`
/// (a trailing `.` or `-` is punctuation, not part of it).
struct Token {
    end: usize,
    start: usize,
    has_digit_or_mark: bool,
    starts_with_letter: bool,
}

impl Token {
    fn len(&self) -> usize {
        self.end - self.start
    }
}

fn handle_token(chars: &[char], from: usize) -> Token {
    let mut end = from;
    while end < chars.len() && (is_word(chars[end]) || chars[end] == '.' || chars[end] == '-') {
        end += 1;
    }
    while end > from && matches!(chars[end - 1], '.' | '-') {
        end -= 1;
    }
    let token = &chars[from..end];
    Token {
        start: from,
        end,
        has_digit_or_mark: token
            .iter()
            .any(|c| c.is_ascii_digit() || matches!(c, '_' | '.' | '-')),
        starts_with_letter: token.first().is_some_and(|c| c.is_ascii_alphabetic()),
    }
}

/// Words that follow a platform's name in ordinary prose: never a handle.
const PROSE: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "by",
    "but",
    "call",
    "called",
    "calls",
    "chat",
    "contact",
    "contacted",
    "did",
    "for",
    "from",
    "group",
    "groups",
    "had",
    "has",
    "have",
    "he",
    "her",
    "him",
    "his",
    "how",
    "i",
    "in",
    "is",
    "it",
    "me",
    "message",
    "messaged",
    "messages",
    "my",
    "not",
    "of",
    "on",
    "or",
    "our",
    "she",
    "said",
    "says",
    "saying",
    "sent",
    "so",
    "that",
    "the",
    "their",
    "them",
    "then",
    "they",
    "this",
    "to",
    "too",
    "told",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "who",
    "with",
    "you",
    "your",
    "account",
    "accounts",
    "video",
    "voice",
    "again",
    "about",
    "after",
    "before",
    "also",
    "only",
    "just",
    "every",
    "many",
    "some",
    "all",
    "il",
    "elle",
    "et",
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "mon",
    "ma",
    "mes",
    "sur",
    "par",
    "avec",
    "pour",
    "dans",
    "qui",
    "que",
    "est",
    "ont",
    "m'a",
    "nous",
    "vous",
    "ils",
    "elles",
];

/// Platform names, what they stand for, and whether they need a word
/// boundary before them (Latin names do; CJK names do not).
const PLATFORMS: &[(&str, IdentifierKind)] = &[
    ("wechat", IdentifierKind::WeChat),
    ("weixin", IdentifierKind::WeChat),
    ("微信", IdentifierKind::WeChat),
    ("telegram", IdentifierKind::Telegram),
    ("signal", IdentifierKind::Signal),
    ("whatsapp", IdentifierKind::Handle),
    ("instagram", IdentifierKind::Handle),
    ("twitter", IdentifierKind::Handle),
    ("facebook", IdentifierKind::Handle),
    ("tiktok", IdentifierKind::Handle),
    ("douyin", IdentifierKind::Handle),
    ("抖音", IdentifierKind::Handle),
    ("weibo", IdentifierKind::Handle),
    ("微博", IdentifierKind::Handle),
    ("plate", IdentifierKind::Plate),
    ("plates", IdentifierKind::Plate),
    ("plaque", IdentifierKind::Plate),
    ("车牌", IdentifierKind::Plate),
    ("車牌", IdentifierKind::Plate),
];

/// Words between a platform's name and the value: they mark what follows
/// as the value (`WeChat ID: xyz`).
const MARKERS: &[&str] = &[
    "id",
    "account",
    "acct",
    "handle",
    "username",
    "user",
    "name",
    "number",
    "no",
    "num",
    "nr",
    "is",
    "was",
    "d'immatriculation",
    "immatriculation",
    "号",
    "号码",
    "號碼",
    "账号",
    "帳號",
    "帐号",
    "名",
    "licence",
    "license",
];

fn matches_at(lower: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| lower.get(i) == Some(&w))
}

fn keyworded(
    lower: &[char],
    chars: &[char],
    taken: &mut Vec<(usize, usize)>,
    found: &mut Vec<Identifier>,
    written: &dyn Fn(usize, usize) -> String,
) {
    let mut i = 0;
    while i < lower.len() {
        let hit = PLATFORMS.iter().find(|(name, _)| {
            matches_at(lower, i, name)
                && (!name.is_ascii()
                    || ((i == 0 || !lower[i - 1].is_ascii_alphabetic())
                        && lower
                            .get(i + name.chars().count())
                            .is_none_or(|c| !c.is_ascii_alphabetic())))
        });
        let Some(&(name, kind)) = hit else {
            i += 1;
            continue;
        };
        let after = i + name.chars().count();
        let (value_at, marked) = skip_markers(lower, after);
        let took = if kind == IdentifierKind::Plate {
            plate(chars, value_at, taken, found, written)
        } else {
            handle_after(chars, kind, value_at, marked, taken, found, written)
        };
        i = took.unwrap_or(after);
    }
}

/// Skips spaces, separators and marker words after a platform's name;
/// where the value starts, and whether something marked it as the value.
fn skip_markers(lower: &[char], mut at: usize) -> (usize, bool) {
    let mut marked = false;
    for _ in 0..4 {
        let before = at;
        while at < lower.len() && (lower[at].is_whitespace() || ":=#-.—'’".contains(lower[at]))
        {
            if ":=#".contains(lower[at]) {
                marked = true;
            }
            at += 1;
        }
        if let Some(word) = MARKERS.iter().find(|m| {
            matches_at(lower, at, m)
                && (!m.is_ascii()
                    || lower
                        .get(at + m.chars().count())
                        .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != '_'))
        }) {
            at += word.chars().count();
            marked = true;
        }
        if at == before {
            break;
        }
    }
    (at, marked)
}

fn handle_after(
    chars: &[char],
    kind: IdentifierKind,
    at: usize,
    marked: bool,
    taken: &mut Vec<(usize, usize)>,
    found: &mut Vec<Identifier>,
    written: &dyn Fn(usize, usize) -> String,
) -> Option<usize> {
    let (at, marked) = match chars.get(at) {
        Some('@') => (at + 1, true),
        _ => (at, marked),
    };
    let token = handle_token(chars, at);
    if !token.starts_with_letter || !(3..=32).contains(&token.len()) {
        return None;
    }
    let value: String = chars[at..token.end]
        .iter()
        .collect::<String>()
        .to_ascii_lowercase();
    if !(marked || token.has_digit_or_mark) || PROSE.contains(&value.as_str()) {
        return None;
    }
    if overlaps(taken, at, token.end) {
        return None;
    }
    taken.push((at, token.end));
    found.push(Identifier::new(kind, value, &written(at, token.end)));
    Some(token.end)
}

/// `@name` on its own: a social-media handle.
fn at_handles(
    chars: &[char],
    taken: &mut Vec<(usize, usize)>,
    found: &mut Vec<Identifier>,
    written: &dyn Fn(usize, usize) -> String,
) {
    for at in (0..chars.len()).filter(|&i| chars[i] == '@') {
        if at > 0 && (is_word(chars[at - 1]) || chars[at - 1] == '.') {
            continue;
        }
        let token = handle_token(chars, at + 1);
        let starts_ok = chars
            .get(at + 1)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == '_');
        if !starts_ok || !(3..=30).contains(&token.len()) || overlaps(taken, at, token.end) {
            continue;
        }
        let value: String = chars[at + 1..token.end].iter().collect();
        taken.push((at, token.end));
        found.push(Identifier::new(
            IdentifierKind::Handle,
            value.to_ascii_lowercase(),
            &written(at, token.end),
        ));
    }
}

/// Profile addresses: `t.me/name`, `instagram.com/name`, `wa.me/1416…`.
fn urls(
    lower: &[char],
    chars: &[char],
    taken: &mut Vec<(usize, usize)>,
    found: &mut Vec<Identifier>,
    written: &dyn Fn(usize, usize) -> String,
) {
    const SITES: &[(&str, IdentifierKind)] = &[
        ("t.me/", IdentifierKind::Telegram),
        ("telegram.me/", IdentifierKind::Telegram),
        ("instagram.com/", IdentifierKind::Handle),
        ("twitter.com/", IdentifierKind::Handle),
        ("x.com/", IdentifierKind::Handle),
        ("facebook.com/", IdentifierKind::Handle),
        ("tiktok.com/@", IdentifierKind::Handle),
        ("wa.me/", IdentifierKind::Phone),
    ];
    for i in 0..lower.len() {
        if i > 0 && (is_word(lower[i - 1]) || lower[i - 1] == '.') {
            continue;
        }
        let Some(&(site, kind)) = SITES.iter().find(|(s, _)| matches_at(lower, i, s)) else {
            continue;
        };
        let at = i + site.len();
        let token = handle_token(chars, at);
        if overlaps(taken, i, token.end) {
            continue;
        }
        let value: String = chars[at..token.end].iter().collect();
        let identifier = if kind == IdentifierKind::Phone {
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            e164(&format!("+{digits}")).map(|v| Identifier::new(kind, v, &written(i, token.end)))
        } else if token.starts_with_letter && (3..=32).contains(&token.len()) {
            Some(Identifier::new(
                kind,
                value.to_ascii_lowercase(),
                &written(i, token.end),
            ))
        } else {
            None
        };
        if let Some(identifier) = identifier {
            taken.push((i, token.end));
            found.push(identifier);
        }
    }
}

// Vehicle plates -----------------------------------------------------------------

fn plate_group(chars: &[char], from: usize) -> usize {
    let mut end = from;
    while end < chars.len() && chars[end].is_ascii_alphanumeric() {
        end += 1;
    }
    end
}

/// A plate after "plate": one or two groups of letters and digits
/// (`ABCD 123`, `ABCD-123`, `7ABC123`, `123 ABC`), 4 to 8 of them, with a
/// digit.
fn plate(
    chars: &[char],
    at: usize,
    taken: &mut Vec<(usize, usize)>,
    found: &mut Vec<Identifier>,
    written: &dyn Fn(usize, usize) -> String,
) -> Option<usize> {
    let first_end = plate_group(chars, at);
    if first_end == at || (first_end < chars.len() && is_word(chars[first_end])) {
        return None;
    }
    let first: String = chars[at..first_end].iter().collect();
    let mut value = first.to_ascii_uppercase();
    let mut end = first_end;
    if first_end + 1 < chars.len() && matches!(chars[first_end], ' ' | '-') {
        let second_end = plate_group(chars, first_end + 1);
        let second: String = chars[first_end + 1..second_end].iter().collect();
        let alpha = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic());
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        let has_digit = |s: &str| s.chars().any(|c| c.is_ascii_digit());
        let joins = !second.is_empty()
            && second.len() <= 4
            && ((alpha(&first) && has_digit(&second))
                || (digits(&first) && alpha(&second))
                || (first.len() < 4 && has_digit(&second)));
        if joins && first.len() + second.len() <= 8 {
            value.push_str(&second.to_ascii_uppercase());
            end = second_end;
        }
    }
    if !(4..=8).contains(&value.len()) || !value.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if overlaps(taken, at, end) {
        return None;
    }
    taken.push((at, end));
    found.push(Identifier::new(
        IdentifierKind::Plate,
        value,
        &written(at, end),
    ));
    Some(end)
}

// Phone numbers --------------------------------------------------------------

fn is_phone_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '+' | '\u{00A0}')
}

/// The most a phone number is written with: 15 digits (E.164's limit) in
/// 24 characters (`+86 (138) 0013-8000 …`, with its spaces and brackets).
/// A candidate never reads further, so a long run of digits and
/// punctuation costs at most this much per place a number could start.
const PHONE_DIGITS: usize = 15;
const PHONE_CHARS: usize = 24;

/// Candidates tried from one place, the longest first.
const PHONE_TRIES: usize = 4;

/// Runs of digits and phone punctuation with enough digits to be a full
/// number; each normalised to E.164 (Canada the default region) if it is
/// a valid number. Returns the work done (characters read and candidates
/// parsed), which grows with the text, never with its square.
fn phones(
    chars: &[char],
    taken: &[(usize, usize)],
    found: &mut Vec<Identifier>,
    written: &dyn Fn(usize, usize) -> String,
) -> usize {
    // How many characters before each position an identifier already
    // holds, so that whether a span overlaps one costs one subtraction.
    let mut depth = vec![0i32; chars.len() + 1];
    for &(a, b) in taken {
        depth[a.min(chars.len())] += 1;
        depth[b.min(chars.len())] -= 1;
    }
    let mut held = vec![0usize; chars.len() + 1];
    let mut open = 0;
    for k in 0..chars.len() {
        open += depth[k];
        held[k + 1] = held[k] + usize::from(open > 0);
    }
    let is_taken = |from: usize, to: usize| held[to] > held[from];

    let mut work = 0;
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit() || chars[i] == '+' || chars[i] == '(';
        if !starts || (i > 0 && (chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '_')) {
            i += 1;
            continue;
        }
        // Where a number starting here could end: after a group of
        // digits, within the bounds.
        let mut ends: Vec<usize> = Vec::new();
        let mut end = i;
        let mut digits = 0;
        while end < chars.len()
            && end - i < PHONE_CHARS
            && is_phone_char(chars[end])
            && !(end > i && chars[end] == '+')
        {
            work += 1;
            // A space ends the number unless more of it follows.
            let space = matches!(chars[end], ' ' | '\u{00A0}');
            if space
                && !chars
                    .get(end + 1)
                    .is_some_and(|c| c.is_ascii_digit() || *c == '(')
            {
                break;
            }
            if chars[end].is_ascii_digit() {
                digits += 1;
                if digits > PHONE_DIGITS {
                    break;
                }
                if !chars.get(end + 1).is_some_and(char::is_ascii_digit) {
                    ends.push(end + 1);
                }
            }
            end += 1;
        }
        let mut hit = None;
        for &end in ends.iter().rev().take(PHONE_TRIES) {
            // Glued to a word (`4165550199abc`): not a number.
            let glued = chars
                .get(end)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_');
            if glued || is_taken(i, end) {
                continue;
            }
            work += end - i;
            if let Some(value) = phone(&chars[i..end]) {
                hit = Some((end, value));
                break;
            }
        }
        if let Some((end, value)) = hit {
            found.push(Identifier::new(
                IdentifierKind::Phone,
                value,
                &written(i, end),
            ));
            i = end;
            continue;
        }
        // Not a number from here (a date before it, an account number):
        // try again from its next group of digits.
        let mut next = i;
        while next < chars.len() && !chars[next].is_ascii_digit() && next - i < PHONE_CHARS {
            next += 1;
        }
        while next < chars.len() && chars[next].is_ascii_digit() && next - i < PHONE_CHARS {
            next += 1;
        }
        i = next.max(i + 1);
    }
    work
}

/// A candidate run as a phone number in E.164, if it is one.
fn phone(run: &[char]) -> Option<String> {
    let text: String = run.iter().collect();
    let digits: String = run.iter().filter(|c| c.is_ascii_digit()).collect();
    let international = text.starts_with('+');
    if looks_like_date(&text) || digits.len() > 15 {
        return None;
    }
    if international {
        return (8..=15)
            .contains(&digits.len())
            .then(|| e164(&format!("+{digits}")))?;
    }
    // Written without a country code, a number is grouped the way its
    // country writes it: 416-555-0199 (or 1-416-…) here, 138 0013 8000
    // for a Chinese mobile; `2023-123456` is a file number.
    let groups: Vec<usize> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(str::len)
        .collect();
    let groups = match groups.as_slice() {
        [1, rest @ ..] if digits.starts_with('1') => rest,
        all => all,
    };
    let north_american = matches!(groups, [10] | [3, 3, 4] | [3, 7] | [6, 4]);
    if north_american && let Some(v) = parsed(phonenumber::country::Id::CA, &digits) {
        return Some(v);
    }
    // A Chinese mobile number written without its country code.
    let chinese_mobile = digits.len() == 11
        && digits.starts_with('1')
        && (b'3'..=b'9').contains(&digits.as_bytes()[1])
        && matches!(groups, [11] | [3, 4, 4] | [3, 8]);
    if chinese_mobile {
        return parsed(phonenumber::country::Id::CN, &digits);
    }
    None
}

fn e164(international: &str) -> Option<String> {
    let number = phonenumber::parse(None, international).ok()?;
    phonenumber::is_valid(&number)
        .then(|| number.format().mode(phonenumber::Mode::E164).to_string())
}

fn parsed(region: phonenumber::country::Id, digits: &str) -> Option<String> {
    let number = phonenumber::parse(Some(region), digits).ok()?;
    phonenumber::is_valid(&number)
        .then(|| number.format().mode(phonenumber::Mode::E164).to_string())
}

/// `2024-05-12`, `2024.05.12 1030`, `12-05-2024 …`: a date, not a number.
fn looks_like_date(text: &str) -> bool {
    let groups: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let year = |g: &str| g.len() == 4 && (g.starts_with("19") || g.starts_with("20"));
    let small = |g: &str| g.len() <= 2 && g.parse::<u32>().is_ok_and(|n| (1..=31).contains(&n));
    groups.windows(3).any(|w| {
        (year(w[0]) && small(w[1]) && small(w[2])) || (small(w[0]) && small(w[1]) && year(w[2]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        extract(&[text], "")
            .iter()
            .map(Identifier::digest_input)
            .collect()
    }

    fn listed(items: &str) -> Vec<String> {
        extract(&[], items)
            .iter()
            .map(Identifier::digest_input)
            .collect()
    }

    #[test]
    fn one_phone_number_written_many_ways_is_one_value() {
        for text in [
            "+1 (416) 555-0199",
            "416.555.0199",
            "4165550199",
            "(416) 555-0199",
            "416-555-0199",
            "1-416-555-0199",
            "+14165550199",
            "416 555 0199",
            "call him at 416.555.0199.",
            "他的电话是4165550199，每天打来",
            "ئۇ 416-555-0199 دىن تېلېفون قىلدى",
            "ཁོས་ 416 555 0199 ནས་ཁ་པར་བཏང་།",
            "＋１ ４１６ ５５５ ０１９９",
        ] {
            assert_eq!(found(text), vec!["phone:+14165550199"], "{text}");
        }
    }

    #[test]
    fn numbers_abroad_are_found_with_their_country_code() {
        assert_eq!(found("+86 138 0013 8000"), vec!["phone:+8613800138000"]);
        assert_eq!(found("手机13800138000"), vec!["phone:+8613800138000"]);
        assert_eq!(found("wa.me/8613800138000"), vec!["phone:+8613800138000"]);
    }

    #[test]
    fn the_text_as_written_is_kept() {
        let ids = extract(&["He called from +1 (416) 555-0199 twice."], "");
        assert_eq!(ids.len(), 1);
        assert_eq!(ids[0].written(), "+1 (416) 555-0199");
        assert_eq!(ids[0].kind, IdentifierKind::Phone);
    }

    #[test]
    fn dates_times_amounts_and_prose_are_not_identifiers() {
        for text in [
            "It happened on 2024-05-12 at 10:30.",
            "On 2024-05-12 10 men came to the vigil.",
            "Between 2019 and 2023 they called 12 times.",
            "They demanded $4,000 and 20 names by 12/05/2024.",
            "My case number is 2023-123456.",
            "He contacted me on WeChat and said my parents are watched.",
            "They sent messages on Telegram to all of us.",
            "They used Signal: they said nothing else.",
            "I was photographed at the template demonstration.",
            "The plate was covered.",
            "Meet @ the station at 5.",
            "Room 1203, 45 King Street, postal code M5V 2T6.",
            "2024.05.12 2024.06.01",
            "In 1989, 4 June, we remember.",
            "我在2024年5月12日参加了活动，有人拍照。",
            "ئۇلار 2024-يىلى 5-ئايدا ئۆيۈمگە كەلدى.",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn a_phone_number_after_a_date_is_still_found() {
        assert_eq!(
            found("On 2024-05-12 4165550199 called me."),
            vec!["phone:+14165550199"]
        );
    }

    #[test]
    fn email_addresses_are_lower_cased() {
        assert_eq!(
            found("Write to Zhang.Wei@Example.COM."),
            vec!["email:zhang.wei@example.com"]
        );
        assert_eq!(
            found("邮箱zhangwei88@qq.com联系"),
            vec!["email:zhangwei88@qq.com"]
        );
        assert_eq!(found("not an address: a@b, x@y.z1"), Vec::<String>::new());
    }

    #[test]
    fn messaging_handles_match_whatever_the_wording() {
        for text in [
            "WeChat ID: Zhang_Wei88",
            "wechat zhang_wei88",
            "his Wechat id is zhang_wei88",
            "微信号：zhang_wei88",
            "微信 Zhang_Wei88",
            "Weixin: zhang_wei88.",
        ] {
            assert_eq!(found(text), vec!["wechat:zhang_wei88"], "{text}");
        }
        assert_eq!(found("wechat id xyz"), vec!["wechat:xyz"]);
        assert_eq!(found("t.me/Consul_Helper"), vec!["telegram:consul_helper"]);
        assert_eq!(
            found("Telegram @consul_helper"),
            vec!["telegram:consul_helper"]
        );
        assert_eq!(found("Signal username: wolf.42"), vec!["signal:wolf.42"]);
        assert_eq!(
            found("they wrote from @HomeTownAssoc"),
            vec!["handle:hometownassoc"]
        );
        assert_eq!(
            found("instagram.com/patriot.voice"),
            vec!["handle:patriot.voice"]
        );
    }

    #[test]
    fn plates_are_upper_case_without_separators() {
        for text in [
            "plate ABCD 123",
            "licence plate ABCD-123",
            "License plate: abcd123.",
            "a grey van, plate number ABCD 123, parked outside",
            "车牌 ABCD-123",
        ] {
            assert_eq!(found(text), vec!["plate:ABCD123"], "{text}");
        }
        assert_eq!(found("plate ABC123 on a black car"), vec!["plate:ABC123"]);
        assert_eq!(found("plate 123 ABC"), vec!["plate:123ABC"]);
    }

    #[test]
    fn an_email_address_is_not_also_a_handle_or_a_number() {
        assert_eq!(
            found("from 4165550199@example.org"),
            vec!["email:4165550199@example.org"]
        );
    }

    #[test]
    fn the_structured_field_takes_accounts_on_their_own() {
        assert_eq!(
            listed("zhang_wei88\n416-555-0199, WeChat: li_ming\nMr Wang"),
            vec!["handle:zhang_wei88", "phone:+14165550199", "wechat:li_ming"]
        );
        // A personal name alone is not indexed.
        assert_eq!(listed("Wang Li\n王先生"), Vec::<String>::new());
    }

    #[test]
    fn each_identifier_once_as_first_written() {
        let ids = extract(&["416.555.0199", "4165550199"], "+1 416 555 0199");
        assert_eq!(ids.len(), 1);
        assert_eq!(ids[0].written(), "416.555.0199");
    }

    #[test]
    fn numbers_in_a_list_are_each_found() {
        assert_eq!(
            found("416-555-0199 416-555-0198, and 416 555 0197 2nd floor"),
            vec![
                "phone:+14165550199",
                "phone:+14165550198",
                "phone:+14165550197"
            ]
        );
    }

    #[test]
    fn scanning_for_phone_numbers_takes_time_in_proportion_to_the_text() {
        // Runs of digits and phone punctuation as long as a narrative may
        // be: each place a number could start is read at most a number's
        // length ahead and parsed a few times, never to the end of the run
        // (which took some 10^8 steps, seconds of a worker's time).
        let bound = |n: usize| PHONE_CHARS * (1 + PHONE_TRIES) * n;
        for unit in ["1(", "1 ", "1-", "+1 ", "(1) ", "12-", "1.1 "] {
            let text: Vec<char> = unit.chars().cycle().take(20_000).collect();
            let mut found = Vec::new();
            let work = phones(&text, &[], &mut found, &|a, b| text[a..b].iter().collect());
            assert!(
                work <= bound(text.len()),
                "{unit:?}: {work} steps for {} characters",
                text.len()
            );
        }
        // An identifier already taken costs nothing more to look up.
        let text: Vec<char> = "a@b.cc 1 ".chars().cycle().take(20_000).collect();
        let taken: Vec<(usize, usize)> = (0..text.len()).step_by(9).map(|i| (i, i + 6)).collect();
        let mut found = Vec::new();
        let work = phones(&text, &taken, &mut found, &|a, b| {
            text[a..b].iter().collect()
        });
        assert!(work <= bound(text.len()), "{work}");
    }

    #[test]
    fn debug_does_not_print_the_value() {
        let ids = extract(&["4165550199"], "");
        assert_eq!(format!("{:?}", ids[0]), "Identifier(phone, [redacted])");
    }
}
