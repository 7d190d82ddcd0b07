//! Packets: a case shared beyond Haven, with the reporter's consent, as a
//! file only its recipient can open.
//!
//! A caseworker chooses a recipient, writes a cover note and picks evidence
//! files; Haven opens the case (with the caseworker's keys, recording the
//! view), renders the report as a self-contained HTML file and a PDF, adds
//! the chosen files, a chain-of-custody extract and a manifest of SHA-256
//! sums, zips them and encrypts the ZIP with age to the recipient's public
//! key — all in memory. Only the ciphertext is stored, until its one
//! download (minutes for a caseworker delivering to an official body, days
//! for a partner group's liaisons) or its expiry. A recipient without a key
//! gets only the notice that a case was shared.
//!
//! What a packet never holds: the reporter's contact details, the receipt,
//! internal notes, messages, or anything of another case.

use std::io::Write;
use std::sync::OnceLock;

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::notify::Notifier;
use super::view::{OpenedCase, open_case, open_evidence};
use crate::auth::Staff;
use crate::context::Ctx;
use crate::crypto::new_token;
use crate::db::{self, Conn, DbError, organisations::OrganisationRow, packets::NewPacket};
use crate::documents::{Field, Fonts, ReportDocument, Section};
use crate::domain::{AgeRecipient, CaseReference, Language, RecipientKind};
use crate::error::ServiceError;
use crate::i18n::Tr;

/// How long a caseworker has to download a packet for an official body.
pub const DOWNLOAD_MINUTES: i64 = 10;
/// How long a partner group's liaisons have to download theirs.
pub const GROUP_DAYS: i64 = 14;
/// At most this many packets are built at once: rendering and encrypting
/// are work for the processor, and a burst must not starve the pages.
const BUILDING_AT_ONCE: usize = 2;

/// Why a packet was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum PacketRefusal {
    /// No recipient was chosen, or it is unknown or inactive.
    NoRecipient,
    /// The reporter did not give the consent this recipient needs.
    NoConsent,
    /// A partner group receives packets through an open referral.
    NoReferral,
    /// The cover note is empty, too long or holds control characters.
    BadCover,
    /// A chosen evidence file is not one of this case's.
    NoSuchFile,
    /// The reporter asked for the case to be deleted.
    DeletionRequested,
}

impl PacketRefusal {
    pub fn message_key(&self) -> &'static str {
        match self {
            PacketRefusal::NoRecipient => "packet-error-recipient",
            PacketRefusal::NoConsent => "packet-error-consent",
            PacketRefusal::NoReferral => "packet-error-referral",
            PacketRefusal::BadCover => "packet-error-cover",
            PacketRefusal::NoSuchFile => "packet-error-file",
            PacketRefusal::DeletionRequested => "packet-error-deletion",
        }
    }

    /// Whether what was typed or chosen is at fault (422), rather than the
    /// state of the case (409).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            PacketRefusal::NoRecipient | PacketRefusal::BadCover | PacketRefusal::NoSuchFile
        )
    }
}

/// What the caseworker asked for.
#[derive(Debug)]
pub struct PacketRequest {
    pub recipient: i64,
    pub cover: String,
    /// Public ids of the evidence files to include, in the case's order.
    pub evidence: Vec<String>,
}

/// What was made.
#[derive(Debug, PartialEq, Eq)]
pub enum Built {
    /// An encrypted packet, by its public id.
    Packet { public_id: String, for_group: bool },
    /// The recipient has no key: only the notice was sent.
    Notice,
}

/// Builds a packet of the case `reference` for the chosen recipient.
pub async fn build(
    state: &Ctx,
    staff: &Staff,
    reference: &CaseReference,
    request: PacketRequest,
) -> Result<Result<Built, PacketRefusal>, ServiceError> {
    if !super::referrals::text_ok(&request.cover) {
        return Ok(Err(PacketRefusal::BadCover));
    }
    let r = reference.as_str().to_string();
    let recipient_id = request.recipient;
    let found = state
        .db
        .run(move |conn| {
            let case = db::cases::find_by_reference(conn, &r)?;
            let org = db::organisations::find(conn, recipient_id)?.filter(|o| o.active);
            Ok((case, org))
        })
        .await?;
    let (Some(case), found_org) = found else {
        return Err(ServiceError::NotFound);
    };
    let Some(org) = found_org else {
        return Ok(Err(PacketRefusal::NoRecipient));
    };
    let kind = RecipientKind::parse(&org.kind).ok_or_else(|| {
        ServiceError::internal(anyhow::anyhow!("organisation {} has no known kind", org.id))
    })?;
    if !kind.allowed(case.consent_referral, case.consent_police) {
        return Ok(Err(PacketRefusal::NoConsent));
    }
    if case.deletion_due_at.is_some() {
        return Ok(Err(PacketRefusal::DeletionRequested));
    }
    let case_id = case.id;
    let org_id = org.id;
    let referral = state
        .db
        .run(move |conn| open_referral(conn, case_id, org_id))
        .await?;
    if kind == RecipientKind::Partner && referral.is_none() {
        return Ok(Err(PacketRefusal::NoReferral));
    }
    let Some(key) = org.age_recipient.as_deref() else {
        return record_notice(state, staff, case_id, org, kind).await;
    };
    let recipient = AgeRecipient::parse(key).map_err(|_| {
        ServiceError::internal(anyhow::anyhow!("organisation {} has a bad age key", org.id))
    })?;
    // A turn to build is taken before anything is opened, and held by the
    // build itself: a request given up half way frees no turn early, and
    // waiting requests hold nothing in clear.
    let turn = building_slots()
        .acquire_owned()
        .await
        .map_err(|e| ServiceError::internal(anyhow::anyhow!("packet queue closed: {e}")))?;
    let (opened, _) = open_case(state, &staff.key, reference)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let mut files = Vec::new();
    for public_id in &request.evidence {
        if !opened.evidence.iter().any(|e| &e.public_id == public_id) || files.len() > 99 {
            return Ok(Err(PacketRefusal::NoSuchFile));
        }
        let file = open_evidence(state, &staff.key, reference, public_id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let received = opened
            .evidence
            .iter()
            .find(|e| &e.public_id == public_id)
            .map(|e| (e.received_at, e.added_by.clone()))
            .unwrap_or((opened.received_at, String::new()));
        files.push(PacketFile {
            public_id: public_id.clone(),
            name: super::evidence::download_name(&file.name, &file.media_type),
            received_at: received.0,
            added_by: received.1,
            bytes: file.bytes,
        });
    }
    let lang = Language::parse(&org.language).unwrap_or(Language::En);
    let contents = PacketContents {
        tr: Tr::new(lang, true),
        lang,
        case: opened,
        recipient: org.name.clone(),
        built_by_role: staff.role.as_str().to_string(),
        cover: request.cover.trim().to_string(),
        files,
        built_at: Utc::now(),
    };
    let sealed = tokio::task::spawn_blocking(move || {
        let sealed = seal(contents, recipient);
        drop(turn);
        sealed
    })
    .await
    .map_err(|e| ServiceError::internal(anyhow::anyhow!("packet builder stopped: {e}")))??;
    record_packet(state, staff, case_id, org, kind, sealed).await
}

fn building_slots() -> std::sync::Arc<tokio::sync::Semaphore> {
    static SLOTS: OnceLock<std::sync::Arc<tokio::sync::Semaphore>> = OnceLock::new();
    SLOTS
        .get_or_init(|| std::sync::Arc::new(tokio::sync::Semaphore::new(BUILDING_AT_ONCE)))
        .clone()
}

/// The fonts PDFs are set in, loaded once.
fn fonts() -> Result<&'static Fonts, ServiceError> {
    static FONTS: OnceLock<Result<Fonts, String>> = OnceLock::new();
    FONTS
        .get_or_init(|| Fonts::load().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| ServiceError::internal(anyhow::anyhow!("the PDF fonts: {e}")))
}

/// The case's referral to `organisation_id` that is still open (pending
/// or accepted), if any: a group's packets go with it.
fn open_referral(
    conn: &mut Conn,
    case_id: i64,
    organisation_id: i64,
) -> Result<Option<i64>, DbError> {
    Ok(db::referrals::for_case(conn, case_id)?
        .into_iter()
        .map(|r| r.referral)
        .find(|r| {
            r.organisation_id == organisation_id
                && (r.status == "pending" || r.status == "accepted")
        })
        .map(|r| r.id))
}

/// One evidence file, opened, as it goes into the packet.
struct PacketFile {
    public_id: String,
    name: String,
    received_at: DateTime<Utc>,
    added_by: String,
    bytes: Zeroizing<Vec<u8>>,
}

/// Everything a packet holds, opened (in memory only).
struct PacketContents {
    tr: Tr,
    lang: Language,
    case: OpenedCase,
    recipient: String,
    built_by_role: String,
    cover: String,
    files: Vec<PacketFile>,
    built_at: DateTime<Utc>,
}

/// A packet, encrypted.
struct Sealed {
    public_id: String,
    /// The short form of the key it was encrypted to, for the audit log.
    key_short: String,
    ciphertext: Vec<u8>,
    sha256: String,
    files: Vec<String>,
}

/// Renders, zips and encrypts; the clear ZIP lives only in memory, and is
/// wiped when dropped.
fn seal(contents: PacketContents, recipient: AgeRecipient) -> Result<Sealed, ServiceError> {
    let zip = zip_packet(&contents)?;
    let ciphertext = encrypt(&zip, &recipient)?;
    let sha256 = hex::encode(Sha256::digest(&ciphertext));
    Ok(Sealed {
        key_short: recipient.short(),
        public_id: new_token()[..32].to_string(),
        ciphertext,
        sha256,
        files: contents.files.iter().map(|f| f.public_id.clone()).collect(),
    })
}

fn internal(what: &str, e: impl std::fmt::Display) -> ServiceError {
    ServiceError::internal(anyhow::anyhow!("packet {what}: {e}"))
}

/// The ZIP: `cover.txt`, `report.html`, `report.pdf`, `evidence/NN-name`,
/// `custody.txt` and `SHA256SUMS` (for `sha256sum -c`), stored without
/// compression and with no file times.
fn zip_packet(c: &PacketContents) -> Result<Zeroizing<Vec<u8>>, ServiceError> {
    let document = report_document(c);
    let html = Zeroizing::new(document.to_html().into_bytes());
    let pdf = Zeroizing::new(document.to_pdf(fonts()?).map_err(|e| internal("PDF", e))?);
    let cover = Zeroizing::new(cover_text(c).into_bytes());
    let custody = Zeroizing::new(custody_text(c).into_bytes());
    let mut entries: Vec<(String, &[u8])> = vec![
        ("cover.txt".into(), cover.as_slice()),
        ("report.html".into(), html.as_slice()),
        ("report.pdf".into(), pdf.as_slice()),
    ];
    for (i, f) in c.files.iter().enumerate() {
        entries.push((evidence_path(i, &f.name), f.bytes.as_slice()));
    }
    entries.push(("custody.txt".into(), custody.as_slice()));
    let sums: String = entries
        .iter()
        .map(|(name, bytes)| format!("{}  {name}\n", hex::encode(Sha256::digest(bytes))))
        .collect();
    entries.push(("SHA256SUMS".into(), sums.as_bytes()));

    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    // Sized up front, so that the buffer never grows and leaves a copy of
    // what it held behind in freed memory.
    let size: usize = entries
        .iter()
        .map(|(name, bytes)| bytes.len() + 2 * name.len() + 200)
        .sum::<usize>()
        + 4096;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(size)));
    for (name, bytes) in &entries {
        writer
            .start_file(format!("haven-packet/{name}"), options)
            .map_err(|e| internal("zip", e))?;
        writer.write_all(bytes).map_err(|e| internal("zip", e))?;
    }
    Ok(Zeroizing::new(
        writer
            .finish()
            .map_err(|e| internal("zip", e))?
            .into_inner(),
    ))
}

/// `evidence/01-name`: numbered, so that two files of one name both go in,
/// and the name kept to safe characters (no path, no control character).
fn evidence_path(i: usize, name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|ch| {
            if ch.is_control() || matches!(ch, '/' | '\\' | ':' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
                '_'
            } else {
                ch
            }
        })
        .take(120)
        .collect();
    let safe = safe.trim_start_matches('.');
    format!(
        "evidence/{:02}-{}",
        i + 1,
        if safe.is_empty() { "file" } else { safe }
    )
}

/// Fluent wraps each argument in bidi isolation marks, for pages; files
/// read in any editor or viewer are better without them (the PDF and the
/// HTML file set their own direction).
fn unmarked(s: String) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

fn hour(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:00 UTC").to_string()
}

fn cover_text(c: &PacketContents) -> String {
    let t = &c.tr;
    unmarked(format!(
        "{}\n\n{}: {}\n{}: {}\n\n{}\n\n{}\n",
        t.t("packet-doc-title"),
        t.t("packet-doc-case"),
        c.case.reference,
        t.t("packet-doc-recipient"),
        c.recipient,
        c.cover,
        t.t("packet-doc-confidential"),
    ))
}

/// When the report and each file arrived, to the hour; who exported the
/// packet, by role; and for whom.
fn custody_text(c: &PacketContents) -> String {
    let t = &c.tr;
    let mut out = format!(
        "{}\n\n{}: {}\n{}: {}\n",
        t.t("packet-custody-title"),
        t.t("packet-doc-case"),
        c.case.reference,
        t.t("packet-custody-report"),
        hour(&c.case.received_at),
    );
    for (i, f) in c.files.iter().enumerate() {
        out.push_str(&format!(
            "{}: {} ({})\n",
            evidence_path(i, &f.name),
            hour(&f.received_at),
            t.code("packet-added-by", &f.added_by),
        ));
    }
    out.push_str(&format!(
        "{}: {} ({})\n{}: {}\n",
        t.t("packet-custody-exported"),
        hour(&c.built_at),
        t.code("role-staff", &c.built_by_role),
        t.t("packet-doc-recipient"),
        c.recipient,
    ));
    unmarked(out)
}

/// The report as a document, labelled in the recipient's language; never
/// the reporter's contact details.
fn report_document(c: &PacketContents) -> ReportDocument {
    let t = &c.tr;
    let case = &c.case;
    let list = |prefix: &str, codes: &[String]| {
        if codes.is_empty() {
            "—".to_string()
        } else {
            codes
                .iter()
                .map(|x| t.code(prefix, x))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let one = |prefix: &str, code: &Option<String>| {
        code.as_deref()
            .map(|x| t.code(prefix, x))
            .unwrap_or_else(|| "—".to_string())
    };
    let text = |s: &str| {
        if s.trim().is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    let yes_no = |b: bool| t.t(if b { "yes" } else { "no" });
    let field = |label: &str, value: String| Field {
        label: t.t(label),
        value,
    };
    let content = &case.content;
    ReportDocument {
        lang: c.lang.as_str().to_string(),
        rtl: c.lang.is_rtl(),
        title: unmarked(t.t1("packet-doc-report", "reference", &case.reference)),
        intro: unmarked(t.t1("packet-doc-intro", "date", &hour(&case.received_at))),
        sections: vec![
            Section {
                heading: t.t("field-narrative"),
                fields: vec![Field {
                    label: String::new(),
                    value: text(content.narrative.expose()),
                }],
            },
            Section {
                heading: t.t("case-report"),
                fields: vec![
                    field("field-kinds", list("kind", &case.kinds)),
                    field("field-reporter-role", one("role", &case.reporter_role)),
                    field(
                        "field-occurred-on",
                        match &content.occurred_on {
                            Some(d) if content.occurred_unsure => {
                                format!("{d} {}", t.t("case-occurred-approximate"))
                            }
                            Some(d) => d.clone(),
                            None => "—".into(),
                        },
                    ),
                    field("field-city", text(content.city.expose())),
                    field("field-province", one("province", &case.province)),
                    field("field-community", one("community", &case.community)),
                    field("field-channels", list("channel", &case.channels)),
                    field("field-state-link", one("state-link", &case.state_link)),
                    field("field-demands", list("demand", &case.demands)),
                    field("field-involved", text(content.involved.expose())),
                    field("field-identifiers", text(content.identifiers.expose())),
                    field("field-family-affected", yes_no(case.family_affected)),
                    field("case-immediate-danger", yes_no(case.immediate_danger)),
                    field("field-prior-reports", text(content.prior_reports.expose())),
                    field("field-support", list("support", &case.support)),
                ],
            },
        ],
    }
}

/// Encrypts `plain` with age to `recipient`.
fn encrypt(plain: &[u8], recipient: &AgeRecipient) -> Result<Vec<u8>, ServiceError> {
    let recipient = recipient.recipient();
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(|e| internal("encryption", e))?;
    let mut out = Vec::with_capacity(plain.len() + 512);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|e| internal("encryption", e))?;
    writer
        .write_all(plain)
        .map_err(|e| internal("encryption", e))?;
    writer.finish().map_err(|e| internal("encryption", e))?;
    Ok(out)
}

/// Whether the case still carries the consent `kind` needs, is not to be
/// deleted, and, for a group, has its referral open; and whether the
/// recipient is still active, of the same kind, with the same key as the
/// packet was sealed to — read under the case's and the recipient's row
/// locks, so that a consent withdrawn or a key changed while the packet
/// was being built wins. `Some(referral)` when it may leave.
fn still_allowed(
    conn: &mut Conn,
    case_id: i64,
    kind: RecipientKind,
    org: &OrganisationRow,
) -> Result<Option<Option<i64>>, DbError> {
    let Some(case) = db::cases::lock(conn, case_id)? else {
        return Ok(None);
    };
    if !kind.allowed(case.consent_referral, case.consent_police) || case.deletion_due_at.is_some() {
        return Ok(None);
    }
    let Some(now) = db::organisations::lock(conn, org.id)? else {
        return Ok(None);
    };
    if !now.active || now.kind != org.kind || now.age_recipient != org.age_recipient {
        return Ok(None);
    }
    let referral = open_referral(conn, case_id, org.id)?;
    if kind == RecipientKind::Partner && referral.is_none() {
        return Ok(None);
    }
    Ok(Some(referral))
}

async fn record_packet(
    state: &Ctx,
    staff: &Staff,
    case_id: i64,
    org: OrganisationRow,
    kind: RecipientKind,
    sealed: Sealed,
) -> Result<Result<Built, PacketRefusal>, ServiceError> {
    let actor = staff.user_id;
    let notifier = Notifier::new(&state.config);
    let for_group = kind == RecipientKind::Partner;
    let expires_at = Utc::now()
        + if for_group {
            Duration::days(GROUP_DAYS)
        } else {
            Duration::minutes(DOWNLOAD_MINUTES)
        };
    let public_id = sealed.public_id.clone();
    let recorded = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let Some(referral_now) = still_allowed(conn, case_id, kind, &org)? else {
                    return Ok(false);
                };
                let referral = if for_group { referral_now } else { None };
                db::packets::replace_earlier(conn, case_id, org.id)?;
                db::packets::insert(
                    conn,
                    &NewPacket {
                        public_id: &sealed.public_id,
                        case_id,
                        organisation_id: org.id,
                        referral_id: referral,
                        built_by: actor,
                        files: sealed.files.len() as i32,
                        sha256: Some(sealed.sha256.as_str()),
                        ciphertext: Some(sealed.ciphertext.as_slice()),
                        expires_at: Some(expires_at),
                    },
                )?;
                db::audit::record(
                    conn,
                    Some(actor),
                    "packet.built",
                    "case",
                    &case_id.to_string(),
                    &format!(
                        "packet={} recipient={} key={} files={} sha256={}",
                        sealed.public_id,
                        org.id,
                        sealed.key_short,
                        if sealed.files.is_empty() {
                            "-".to_string()
                        } else {
                            sealed.files.join(",")
                        },
                        sealed.sha256
                    ),
                )?;
                shared(conn, &notifier, case_id, &org, true)?;
                Ok(true)
            })
        })
        .await?;
    if !recorded {
        return Ok(Err(PacketRefusal::NoConsent));
    }
    tracing::info!(user_id = actor, case_id, packet = %public_id, "packet built");
    Ok(Ok(Built::Packet {
        public_id,
        for_group,
    }))
}

/// A recipient without a key: the notice only, recorded as a packet with
/// no file.
async fn record_notice(
    state: &Ctx,
    staff: &Staff,
    case_id: i64,
    org: OrganisationRow,
    kind: RecipientKind,
) -> Result<Result<Built, PacketRefusal>, ServiceError> {
    let actor = staff.user_id;
    let notifier = Notifier::new(&state.config);
    let public_id = new_token()[..32].to_string();
    let recorded = state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let Some(referral) = still_allowed(conn, case_id, kind, &org)? else {
                    return Ok(false);
                };
                db::packets::insert(
                    conn,
                    &NewPacket {
                        public_id: &public_id,
                        case_id,
                        organisation_id: org.id,
                        referral_id: referral.filter(|_| kind == RecipientKind::Partner),
                        built_by: actor,
                        files: 0,
                        sha256: None,
                        ciphertext: None,
                        expires_at: None,
                    },
                )?;
                db::audit::record(
                    conn,
                    Some(actor),
                    "packet.notice",
                    "case",
                    &case_id.to_string(),
                    &format!("packet={public_id} recipient={}", org.id),
                )?;
                shared(conn, &notifier, case_id, &org, false)?;
                Ok(true)
            })
        })
        .await?;
    if !recorded {
        return Ok(Err(PacketRefusal::NoConsent));
    }
    tracing::info!(user_id = actor, case_id, "case shared: notice only");
    Ok(Ok(Built::Notice))
}

/// The reporter's access list says the case was shared with `org` today;
/// `org` hears a packet is ready, or (`with_file` false) that a case was
/// shared.
fn shared(
    conn: &mut Conn,
    notifier: &Notifier,
    case_id: i64,
    org: &OrganisationRow,
    with_file: bool,
) -> Result<(), DbError> {
    let today = Utc::now().date_naive();
    db::access::record(
        conn,
        case_id,
        "shared",
        db::access::Reader::Group(org.id),
        today,
    )?;
    if with_file {
        notifier.packet_ready(conn, org)
    } else {
        notifier.case_shared(conn, org)
    }
}

/// Why a download gave nothing.
#[derive(Debug, PartialEq, Eq)]
pub enum Gone {
    /// Downloaded already, or expired: build a new one.
    Taken,
}

/// A downloaded packet: its file name and the encrypted bytes.
pub struct Download {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The packet `public_id` for the caseworker who built it (an official
/// body's), once. `None` when it is not theirs or not one to download.
pub async fn download_for_builder(
    state: &Ctx,
    staff: &Staff,
    public_id: &str,
) -> Result<Option<Result<Download, Gone>>, ServiceError> {
    let actor = staff.user_id;
    take(state, actor, public_id.to_string(), move |p| {
        p.built_by == Some(actor) && p.referral_id.is_none()
    })
    .await
}

/// A group's packet, through its referral, for one of its liaisons, once.
pub async fn download_for_liaison(
    state: &Ctx,
    staff: &Staff,
    referral: &str,
    public_id: &str,
) -> Result<Option<Result<Download, Gone>>, ServiceError> {
    let Some(org) = staff.organisation_id else {
        return Ok(None);
    };
    let r = referral.to_string();
    let Some(found) = state
        .db
        .run(move |conn| db::referrals::find_for_organisation(conn, &r, org))
        .await?
    else {
        return Ok(None);
    };
    // A group takes a packet once it has accepted the referral.
    if found.referral.status != "accepted" {
        return Ok(None);
    }
    let referral_id = found.referral.id;
    take(state, staff.user_id, public_id.to_string(), move |p| {
        p.organisation_id == org && p.referral_id == Some(referral_id)
    })
    .await
}

async fn take(
    state: &Ctx,
    actor: i64,
    public_id: String,
    may: impl FnOnce(&db::packets::PacketRow) -> bool + Send + 'static,
) -> Result<Option<Result<Download, Gone>>, ServiceError> {
    state
        .db
        .run(move |conn| {
            db::transaction(conn, |conn| {
                let Some(p) = db::packets::find(conn, &public_id)? else {
                    return Ok(None);
                };
                if !may(&p) || p.status == "notice" {
                    return Ok(None);
                }
                let Some(bytes) = db::packets::take(conn, p.id, Utc::now())? else {
                    return Ok(Some(Err(Gone::Taken)));
                };
                db::audit::record(
                    conn,
                    Some(actor),
                    "packet.downloaded",
                    "case",
                    &p.case_id.to_string(),
                    &format!("packet={}", p.public_id),
                )?;
                Ok(Some(Ok(Download {
                    file_name: format!("haven-packet-{}.zip.age", &p.public_id[..8]),
                    bytes,
                })))
            })
        })
        .await
        .map_err(ServiceError::from)
}

/// A packet as the case page, the packet page and a group's referral show
/// it.
#[derive(Debug)]
pub struct PacketView {
    pub public_id: String,
    pub recipient: String,
    pub recipient_kind: String,
    pub status: String,
    pub files: i32,
    pub sha256: Option<String>,
    pub built: String,
    pub built_by: Option<String>,
    pub mine: bool,
    pub expires: Option<String>,
    pub downloaded: Option<String>,
    pub for_group: bool,
    pub case_id: i64,
}

impl PacketView {
    fn of(p: db::packets::PacketRow, viewer: i64) -> Self {
        Self {
            mine: p.built_by == Some(viewer),
            for_group: p.referral_id.is_some(),
            built_by: p
                .builder_email
                .as_deref()
                .map(|e| db::users::label(e, p.builder_name.as_deref().unwrap_or("")).to_string()),
            public_id: p.public_id,
            recipient: p.recipient,
            recipient_kind: p.recipient_kind,
            status: p.status,
            files: p.files,
            sha256: p.sha256,
            built: super::stamp(&p.created_at),
            expires: p.expires_at.as_ref().map(super::stamp),
            downloaded: p.downloaded_at.as_ref().map(super::stamp),
            case_id: p.case_id,
        }
    }

    pub fn file_count(&self) -> i64 {
        i64::from(self.files)
    }

    /// Whether its file can still be downloaded.
    pub fn is_ready(&self) -> bool {
        self.status == "ready"
    }
}

/// A case's packets, newest first.
pub async fn for_case(
    state: &Ctx,
    viewer: i64,
    case_id: i64,
) -> Result<Vec<PacketView>, ServiceError> {
    let rows = state
        .db
        .run(move |conn| db::packets::for_case(conn, case_id))
        .await?;
    Ok(rows
        .into_iter()
        .map(|p| PacketView::of(p, viewer))
        .collect())
}

/// One packet for a caseworker, with its case's reference.
pub async fn find(
    state: &Ctx,
    viewer: i64,
    public_id: &str,
) -> Result<Option<(PacketView, String)>, ServiceError> {
    let public_id = public_id.to_string();
    let found = state
        .db
        .run(move |conn| {
            let Some(p) = db::packets::find(conn, &public_id)? else {
                return Ok(None);
            };
            let reference = db::cases::reference_of(conn, p.case_id)?;
            Ok(Some((p, reference)))
        })
        .await?;
    Ok(found.map(|(p, r)| (PacketView::of(p, viewer), r)))
}

/// The packets of a group's referral, for one of its liaisons; none for
/// anyone else.
pub async fn for_liaison(
    state: &Ctx,
    staff: &Staff,
    referral: &str,
) -> Result<Vec<PacketView>, ServiceError> {
    let Some(org) = staff.organisation_id else {
        return Ok(Vec::new());
    };
    let r = referral.to_string();
    let rows = state
        .db
        .run(
            move |conn| match db::referrals::find_for_organisation(conn, &r, org)? {
                Some(found) => db::packets::for_referral(conn, found.referral.id),
                None => Ok(Vec::new()),
            },
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|p| PacketView {
            // A group sees that Haven built it, not who.
            built_by: None,
            ..PacketView::of(p, staff.user_id)
        })
        .collect())
}

/// Forgets the files of packets past their time; housekeeping calls it.
pub fn expire(conn: &mut Conn) -> Result<usize, DbError> {
    db::packets::expire(conn, Utc::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_paths_are_numbered_and_stay_in_their_folder() {
        assert_eq!(evidence_path(0, "photo.jpg"), "evidence/01-photo.jpg");
        assert_eq!(
            evidence_path(11, "../../etc/passwd"),
            "evidence/12-_.._etc_passwd"
        );
        assert_eq!(evidence_path(2, "..."), "evidence/03-file");
        assert_eq!(
            evidence_path(3, "a\u{202e}gpj.exe"),
            "evidence/04-a_gpj.exe"
        );
        assert!(evidence_path(4, &"x".repeat(500)).chars().count() < 140);
    }

    #[test]
    fn refusals_say_whose_fault() {
        assert!(PacketRefusal::BadCover.is_bad_input());
        assert!(!PacketRefusal::NoConsent.is_bad_input());
        assert!(!PacketRefusal::NoReferral.is_bad_input());
    }
}
