//! The kinds of email Haven sends, and how each is rendered.

use askama::Template;
use serde::{Deserialize, Serialize};

use crate::domain::Language;
use crate::i18n::Tr;

/// What a message says. Each variant holds only what may appear in an
/// email: names of partner groups, paths of links. Secrets (a set-password
/// token) travel separately, sealed, and are erased once sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Email {
    /// A case marked urgent is waiting (to on-duty caseworkers).
    UrgentCase,
    /// An account was made for you: set your password (the link is secret).
    Welcome,
    /// A password reset was requested for you (the link is secret).
    PasswordReset,
    /// A case was referred to your group (to the group's addresses).
    ReferralWaiting { group: String },
    /// A referral to your group that you had not answered was withdrawn by
    /// the reporter (to the group's addresses).
    ReferralWithdrawn { group: String },
    /// A group accepted, declined or updated a referral (to the caseworker).
    ReferralAnswered { group: String },
    /// A packet of a case waits for this recipient: an encrypted file a
    /// caseworker will deliver, or (for a group) one its liaisons download
    /// from the referral. Never which case, nor what is in it.
    PacketReady { group: String },
    /// A case was shared with this recipient, who has no key to receive
    /// content: Haven's caseworkers will be in touch. Never which case.
    CaseShared { group: String },
    /// A recipient's age key was set, changed or removed (to every admin):
    /// a packet sealed to a key nobody expected can be read by whoever
    /// holds it, so no change goes unseen.
    RecipientKeyChanged { group: String },
    /// An administrator was deactivated, or an account gained or lost the
    /// administrator role (to every admin, and to the account concerned):
    /// a stolen admin account silencing the others first is seen.
    AdminAccessChanged,
    /// The account's own second factors changed: a passkey added or
    /// removed, the authenticator app turned on or off, new recovery codes
    /// (to the account): a stolen session adding its own way in is seen.
    SecondFactorChanged,
    /// Something may be waiting: a reporter wrote, or (with
    /// `HAVEN_MAIL_CONSTANT`) the message every slot sends to everyone,
    /// whether or not anything waits.
    Waiting,
}

impl Email {
    pub fn template(&self) -> &'static str {
        match self {
            Email::UrgentCase => "urgent_case",
            Email::Welcome => "welcome",
            Email::PasswordReset => "password_reset",
            Email::ReferralWaiting { .. } => "referral_waiting",
            Email::ReferralWithdrawn { .. } => "referral_withdrawn",
            Email::ReferralAnswered { .. } => "referral_answered",
            Email::PacketReady { .. } => "packet_ready",
            Email::CaseShared { .. } => "case_shared",
            Email::RecipientKeyChanged { .. } => "recipient_key_changed",
            Email::AdminAccessChanged => "admin_access_changed",
            Email::SecondFactorChanged => "second_factor_changed",
            Email::Waiting => "waiting",
        }
    }
}

#[derive(Template)]
#[template(path = "mail/message.txt")]
struct TextBody<'a> {
    paragraphs: &'a [String],
    link: &'a str,
    link_label: &'a str,
}

#[derive(Template)]
#[template(path = "mail/message.html")]
struct HtmlBody<'a> {
    t: Tr,
    heading: &'a str,
    paragraphs: &'a [String],
    link: &'a str,
    link_label: &'a str,
}

/// A message ready for the transport.
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Renders `email` in `language`; `link` is the absolute URL it points to.
pub fn render(email: &Email, language: Language, link: &str) -> Result<Rendered, askama::Error> {
    let t = Tr::new(
        if language.has_staff_pages() {
            language
        } else {
            Language::En
        },
        false,
    );
    let prefix = format!("mail-{}", email.template().replace('_', "-"));
    let group = match email {
        Email::ReferralWaiting { group }
        | Email::ReferralAnswered { group }
        | Email::ReferralWithdrawn { group }
        | Email::PacketReady { group }
        | Email::CaseShared { group }
        | Email::RecipientKeyChanged { group } => group.as_str(),
        _ => "",
    };
    // Fluent wraps arguments in bidi isolation marks; mail clients may show
    // them as boxes, and group names in these two languages need none.
    let plain = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
    let subject = plain(t.t1(&format!("{prefix}-subject"), "group", group));
    let paragraphs = vec![
        plain(t.t1(&format!("{prefix}-body"), "group", group)),
        t.t("mail-footer"),
    ];
    let link_label = t.t(&format!("{prefix}-link"));
    let text = TextBody {
        paragraphs: &paragraphs,
        link,
        link_label: &link_label,
    }
    .render()?;
    let html = HtmlBody {
        t,
        heading: &subject,
        paragraphs: &paragraphs,
        link,
        link_label: &link_label,
    }
    .render()?;
    Ok(Rendered {
        subject,
        text,
        html,
    })
}
