//! Packets: a caseworker builds one from a case page; the packet's page
//! offers its one download (an official body's) and says how to open it;
//! a group's liaisons download theirs from the referral.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use askama::Template;

use super::StaffNav;
use crate::auth::Staff;
use crate::cases::packets::{self, Built, Download, Gone, PacketRequest, PacketView};
use crate::domain::{CaseReference, PublicId};
use crate::i18n::Tr;
use crate::web::{AppError, AppState, render, render_with_status};

/// `POST /staff/cases/{reference}/packets`: fields `recipient` (an
/// organisation's id), `cover`, and `evidence` (repeated public ids).
pub async fn build(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let reference = CaseReference::parse(&path).ok_or(AppError::NotFound)?;
    let mut recipient = None;
    let mut cover = String::new();
    let mut evidence: Vec<String> = Vec::new();
    for (name, value) in form.into_inner() {
        match name.as_str() {
            "recipient" => recipient = value.trim().parse::<i64>().ok(),
            "cover" => cover = value,
            "evidence" if !evidence.contains(&value) => evidence.push(value),
            _ => {}
        }
    }
    let request = PacketRequest {
        recipient: recipient.unwrap_or(0),
        cover,
        evidence,
    };
    let draft = request.cover.clone();
    let result = packets::build(&state, &staff, &reference, request).await?;
    let t = t.for_staff();
    match result {
        Ok(Built::Packet {
            public_id,
            for_group: false,
        }) => Ok(see_other(
            &t.url(&format!("/staff/packets/{public_id}?done=built")),
        )),
        Ok(Built::Packet {
            for_group: true, ..
        }) => Ok(see_other(&t.url(&format!(
            "/staff/cases/{}?done=packet-group#packets",
            reference.as_str()
        )))),
        Ok(Built::Notice) => Ok(see_other(&t.url(&format!(
            "/staff/cases/{}?done=packet-notice#packets",
            reference.as_str()
        )))),
        Err(refusal) => {
            super::cases::outcome(
                &staff,
                t,
                &state,
                &reference,
                Err(super::cases::Refused::Packet(refusal)),
                "",
                draft,
            )
            .await
        }
    }
}

fn see_other(target: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, target.to_string()))
        .finish()
}

#[derive(Template)]
#[template(path = "staff/packet.html")]
struct PacketPage {
    t: Tr,
    nav: Option<StaffNav>,
    p: PacketView,
    reference: String,
    done: bool,
    minutes: i64,
}

impl PacketPage {
    fn download_action(&self) -> String {
        self.t
            .url(&format!("/staff/packets/{}/download", self.p.public_id))
    }

    fn case_href(&self) -> String {
        self.t
            .url(&format!("/staff/cases/{}#packets", self.reference))
    }
}

#[derive(serde::Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

/// `GET /staff/packets/{id}`: what was built, for whom, its hash, its one
/// download and how to open it.
pub async fn show(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<PublicId>,
    q: web::Query<DoneQuery>,
) -> Result<HttpResponse, AppError> {
    let (p, reference) = packets::find(&state, staff.user_id, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    render(&PacketPage {
        t: t.for_staff(),
        nav: StaffNav::for_staff(&staff),
        done: q.done.as_deref() == Some("built"),
        minutes: packets::DOWNLOAD_MINUTES,
        p,
        reference,
    })
}

#[derive(Template)]
#[template(path = "staff/packet_gone.html")]
struct GonePage {
    t: Tr,
    nav: Option<StaffNav>,
    back: String,
}

/// `POST /staff/packets/{id}/download`: the encrypted file, once, for the
/// caseworker who built it.
pub async fn download(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    id: web::Path<PublicId>,
) -> Result<HttpResponse, AppError> {
    let found = packets::download_for_builder(&state, &staff, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let t = t.for_staff();
    let back = t.url(&format!("/staff/packets/{}", id.as_str()));
    respond(&staff, t, found, back)
}

/// `POST /staff/referrals/{id}/packets/{packet}/download`: a group's
/// packet, once, for one of its liaisons.
pub async fn download_for_group(
    staff: Staff,
    t: Tr,
    state: web::Data<AppState>,
    path: web::Path<(PublicId, PublicId)>,
) -> Result<HttpResponse, AppError> {
    let (referral, packet) = path.into_inner();
    let found = packets::download_for_liaison(&state, &staff, &referral, &packet)
        .await?
        .ok_or(AppError::NotFound)?;
    let t = t.for_staff();
    let back = t.url(&format!("/staff/referrals/{}", referral.as_str()));
    respond(&staff, t, found, back)
}

fn respond(
    staff: &Staff,
    t: Tr,
    found: Result<Download, Gone>,
    back: String,
) -> Result<HttpResponse, AppError> {
    let file = match found {
        Ok(file) => file,
        Err(Gone::Taken) => {
            return render_with_status(
                &GonePage {
                    t,
                    nav: StaffNav::for_staff(staff),
                    back,
                },
                StatusCode::GONE,
            );
        }
    };
    tracing::info!(user_id = staff.user_id, "packet downloaded");
    let disposition = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(file.file_name)],
    };
    Ok(HttpResponse::Ok()
        .content_type("application/octet-stream")
        .insert_header(disposition)
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; frame-ancestors 'none'; sandbox",
        ))
        .body(file.bytes))
}
