//! `haven demo`: demonstration data for trying Haven out, and the fast
//! seeding path of the benchmarks (`--cases 1000000`).
//!
//! Every demonstration case is real as far as the rest of Haven can tell:
//! its content is sealed under its own case key, sealed to the casework
//! team's key. To keep seeding fast, only the first three cases get
//! receipts of their own (printed, so follow-up can be tried, their case
//! keys sealed to their receipts too); the others share the hash of a
//! receipt nobody is given. It makes no staff account: the team's key
//! stays in escrow until the first caseworker or admin signs in, who takes
//! it (and grants it to the others at their next sign-in).

use std::io::Write;
use std::time::Instant;

use chrono::{Datelike, Duration, DurationRound, Utc};

use crate::cases::intake::case_row;
use crate::crypto::{Aad, Keyring, PublicKey, SecretKey, hash_split_blocking, random_bytes};
use crate::custody::cases::CaseKeys;
use crate::custody::shared::{self, Scope};
use crate::db::{self, Db, cases::NewCaseRow};
use crate::domain::{
    CaseReference, CaseStatus, Channel, Community, ContactMethod, Demand, IncidentKind,
    IntakeSource, Language, NewReport, OccurredOn, Province, RawIntake, Receipt, ReportContent,
    ReporterRole, StateLink, Support,
};

const BATCH: usize = 1000;

/// A small, fast, non-cryptographic generator: demonstration data needs
/// variety, not secrecy.
struct Xorshift(u64);

impl Xorshift {
    fn new() -> Self {
        Self(u64::from_le_bytes(random_bytes::<8>()) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    fn some<T: Copy + PartialEq>(&mut self, items: &[T], max: usize) -> Vec<T> {
        let mut out = Vec::new();
        for _ in 0..=self.below(max) {
            let v = self.pick(items);
            if !out.contains(&v) {
                out.push(v);
            }
        }
        out
    }
}

const OPENINGS: &[&str] = &[
    "After I spoke at the vigil downtown,",
    "Since I posted about my family on social media,",
    "Last month, outside the community centre,",
    "When I renewed my passport at the consulate,",
    "Every week since the protest,",
    "On campus, after our student association meeting,",
];
const EVENTS: &[&str] = &[
    "two men followed me to the subway and photographed me.",
    "someone called my parents back home and told them I must stop.",
    "I received messages saying they know where I live.",
    "a man who said he was from a hometown association asked me to report on other members.",
    "my email account was accessed from abroad and my contacts received fake messages.",
    "officials told my brother he would lose his job unless I come back.",
];
const CLOSINGS: &[&str] = &[
    "I am afraid for my family.",
    "I do not know who else to tell.",
    "I want this to stop but I am scared to go to the police.",
    "Others in my community have had the same thing happen.",
];

fn narrative(rng: &mut Xorshift) -> String {
    format!(
        "{} {} {}",
        rng.pick(OPENINGS),
        rng.pick(EVENTS),
        rng.pick(CLOSINGS)
    )
}

/// How many "perpetrators" demonstration reports name, and how many of
/// them use WeChat rather than a phone.
const PERPETRATORS: usize = 200;
const ON_WECHAT: usize = 40;

/// One in twenty reports names a perpetrator: a phone number (fictional:
/// 555-01xx) written one of several ways, or a WeChat account. Low numbers
/// are drawn far more often, so that groups of linked cases come in every
/// size. In the narrative, or in the structured field.
fn perpetrator(rng: &mut Xorshift) -> Option<(bool, String)> {
    if !rng.chance(5) {
        return None;
    }
    let spread = rng.below(PERPETRATORS) + 1;
    let k = rng.below(spread);
    let in_narrative = rng.chance(50);
    if k < ON_WECHAT {
        let handle = format!("hometown_{k:02}");
        let written = match rng.below(3) {
            0 => format!("WeChat ID: {handle}"),
            1 => format!("wechat {}", handle.to_uppercase()),
            _ => format!("微信号：{handle}"),
        };
        return Some(if in_narrative {
            (true, format!("He added me on {written} and kept writing."))
        } else {
            (false, written)
        });
    }
    let area = [416, 647][k % 2];
    let line = 100 + k / 2;
    let number = match rng.below(5) {
        0 => format!("+1 ({area}) 555-{line:04}"),
        1 => format!("{area}.555.{line:04}"),
        2 => format!("{area}555{line:04}"),
        3 => format!("{area}-555-{line:04}"),
        _ => format!("({area}) 555 {line:04}"),
    };
    Some(if in_narrative {
        (true, format!("The calls always came from {number}."))
    } else {
        (false, number)
    })
}

fn random_report(rng: &mut Xorshift) -> NewReport {
    let today = Utc::now().date_naive();
    let occurred = today - Duration::days(rng.below(700) as i64);
    let contact = rng.pick(&[
        ContactMethod::None,
        ContactMethod::Email,
        ContactMethod::Signal,
        ContactMethod::Phone,
    ]);
    let mut narrative = narrative(rng);
    let mut identifiers = String::new();
    match perpetrator(rng) {
        Some((true, sentence)) => narrative = format!("{narrative} {sentence}"),
        Some((false, listed)) => identifiers = listed,
        None => {}
    }
    let raw = RawIntake {
        narrative,
        identifiers,
        kinds: rng
            .some(IncidentKind::ALL, 2)
            .iter()
            .map(|k| k.as_str().to_string())
            .collect(),
        reporter_role: rng.pick(ReporterRole::ALL).as_str().to_string(),
        occurred_on: OccurredOn::Month(occurred.with_day(1).unwrap_or(occurred)).to_form_value(),
        city: rng
            .pick(&[
                "Toronto",
                "Vancouver",
                "Montréal",
                "Calgary",
                "Ottawa",
                "Richmond",
                "Markham",
            ])
            .to_string(),
        province: rng
            .pick(&[
                Province::ON,
                Province::ON,
                Province::BC,
                Province::BC,
                Province::QC,
                Province::AB,
            ])
            .as_str()
            .to_string(),
        community: rng.pick(Community::ALL).as_str().to_string(),
        channels: rng
            .some(Channel::ALL, 1)
            .iter()
            .map(|c| c.as_str().to_string())
            .collect(),
        state_link: rng.pick(StateLink::ALL).as_str().to_string(),
        demands: rng
            .some(Demand::ALL, 1)
            .iter()
            .map(|d| d.as_str().to_string())
            .collect(),
        involved: String::new(),
        family_affected: rng.chance(40),
        prior_reports: String::new(),
        immediate_danger: rng.chance(3),
        support: rng
            .some(Support::ALL, 2)
            .iter()
            .map(|s| s.as_str().to_string())
            .collect(),
        contact_method: contact.as_str().to_string(),
        contact_value: match contact {
            ContactMethod::None => String::new(),
            ContactMethod::Email => format!("person{}@example.org", rng.below(100_000)),
            _ => format!("+1 416 555 {:04}", rng.below(10_000)),
        },
        consent_referral: rng.chance(60),
        consent_police: rng.chance(20),
        consent_stats: rng.chance(70),
        lang: rng.pick(Language::ALL).as_str().to_string(),
        ..Default::default()
    };
    NewReport::parse(&raw, today).expect("generated reports are valid")
}

/// A sealed demonstration case: its row, its reference and its keys.
struct SealedCase {
    row: NewCaseRow,
    reference: CaseReference,
    keys: CaseKeys,
    receipt: Option<PublicKey>,
    /// The report's content, to index its identifiers.
    content: ReportContent,
}

fn sealed_row(rng: &mut Xorshift, receipt_hash: &str, receipt: Option<PublicKey>) -> SealedCase {
    let report = random_report(rng);
    let reference = CaseReference::generate();
    let keys = CaseKeys::generate();
    let content = serde_json::to_vec(&report.content).expect("plain data serialises");
    let sealed = keys
        .content
        .seal(&Aad::case_content(reference.as_str()), &content);
    let mut row = case_row(
        &report,
        &reference,
        receipt_hash.to_string(),
        sealed,
        IntakeSource::Web,
    );
    // Received within the last 700 days, to the hour (as intake stores
    // it), and in the status a case of that age would have: the newest
    // new or triaged, older ones mostly referred or closed.
    let age_hours = rng.below(24 * 700) as i64;
    let hour = Utc::now()
        .duration_trunc(Duration::hours(1))
        .expect("an hour divides today's time");
    row.received_at = Some(hour - Duration::hours(age_hours));
    let percent = rng.below(100);
    let (new, triaged, in_progress, referred) = match age_hours / 24 {
        0..=6 => (70, 100, 100, 100),
        7..=29 => (10, 50, 90, 100),
        30..=119 => (0, 5, 40, 70),
        _ => (0, 0, 5, 20),
    };
    row.status = Some(
        if percent < new {
            CaseStatus::New
        } else if percent < triaged {
            CaseStatus::Triaged
        } else if percent < in_progress {
            CaseStatus::InProgress
        } else if percent < referred {
            CaseStatus::Referred
        } else {
            CaseStatus::Closed
        }
        .as_str(),
    );
    SealedCase {
        row,
        reference,
        keys,
        receipt,
        content: report.content,
    }
}

/// Seeds `cases` demonstration cases, printing progress; the first three
/// get receipts of their own, printed at the end.
pub fn seed(db: &Db, keyring: &Keyring, cases: usize) -> anyhow::Result<()> {
    let mut rng = Xorshift::new();
    let shared_hash = hash_split_blocking(Receipt::generate().expose()).0;
    let started = Instant::now();
    let mut done = 0usize;
    let mut printed = Vec::new();
    let mut next_report = cases / 10;
    while done < cases {
        let n = BATCH.min(cases - done);
        let mut cases_now = Vec::with_capacity(n);
        let mut receipts = Vec::new();
        for i in 0..n {
            let own_receipt = done + i < 3;
            let receipt = Receipt::generate();
            let (hash, public) = if own_receipt {
                let (hash, seed) = hash_split_blocking(receipt.expose());
                (hash, Some(SecretKey::from_seed(&seed).public()))
            } else {
                (shared_hash.clone(), None)
            };
            let case = sealed_row(&mut rng, &hash, public);
            if own_receipt {
                receipts.push((case.reference.clone(), receipt));
            }
            cases_now.push(case);
        }
        let inserted = db.run_blocking(|conn| {
            db::transaction(conn, |conn| {
                let mut rows = Vec::with_capacity(cases_now.len());
                let mut keys = Vec::with_capacity(cases_now.len());
                let (team_id, team) = shared::current_public(conn, keyring, Scope::Team)?;
                for case in &cases_now {
                    let mut sealed = crate::custody::cases::seal_to(
                        keyring,
                        (team_id, &team),
                        case.reference.as_str(),
                        &case.keys,
                        case.receipt.as_ref(),
                    );
                    let mut row = case.row.clone();
                    row.master_key_id = sealed.master_key_id.clone();
                    rows.push(row);
                    sealed.case_id = 0;
                    keys.push(sealed);
                }
                let ids = db::cases::insert_many(conn, &rows)?;
                for (sealed, id) in keys.iter_mut().zip(&ids) {
                    sealed.case_id = *id;
                }
                db::people_keys::insert_many_case_keys(conn, &keys)?;
                db::events::record_filed_many(conn, &ids, "web")?;
                Ok(ids)
            })
        });
        if inserted.is_ok() {
            printed.extend(receipts);
        }
        match inserted {
            Ok(ids) => {
                // Indexed now while the team's key is in escrow; else they
                // wait for a caseworker, like any report.
                let seeded: Vec<(i64, &ReportContent)> = ids
                    .iter()
                    .copied()
                    .zip(cases_now.iter().map(|c| &c.content))
                    .collect();
                db.run_blocking(|conn| {
                    Ok(crate::cases::links::index_seeded(conn, keyring, &seeded))
                })?
                .map_err(|e| anyhow::anyhow!("indexing demonstration cases failed: {e}"))?;
                done += ids.len()
            }
            // A reference drawn twice in one batch: draw the batch again.
            Err(db::DbError::Conflict) => continue,
            Err(e) => return Err(e.into()),
        }
        if done >= next_report || done == cases {
            let rate = done as f64 / started.elapsed().as_secs_f64().max(0.001);
            println!(
                "  seeded {done}/{cases} cases ({}%, {rate:.0} per second)",
                done * 100 / cases.max(1)
            );
            let _ = std::io::stdout().flush();
            next_report = done + (cases / 10).max(1);
        }
    }
    println!(
        "Seeded {cases} demonstration cases in {:.1} s.",
        started.elapsed().as_secs_f64()
    );
    if !printed.is_empty() {
        println!("To try follow-up, use one of these (reference, receipt):");
        for (reference, receipt) in printed {
            println!("  {reference}   {}", receipt.grouped());
        }
    }
    let team = db.run_blocking(|conn| db::people_keys::current(conn, None))?;
    if team.is_some_and(|key| key.escrow.is_some()) {
        println!(
            "No one holds the casework team's key yet: it waits in escrow under the master key. \
             The first caseworker or admin to sign in takes it (create one with \
             `haven user create --email E --role admin`), and the cases open for them."
        );
    }
    Ok(())
}
