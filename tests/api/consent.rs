//! Consent in the reporter's hands: the follow-up page shows each consent
//! as it stands, with what each recipient would see, and changes it;
//! withdrawing consent to referral withdraws the referrals no group has
//! answered (their groups told, without content) and keeps accepted ones;
//! the report form explains each consent and the retention period.

use diesel::RunQueryDsl;

use crate::helpers::*;
use crate::referrals::group;
use crate::smtp::SmtpSink;

/// Opens the reporter's visit to `reference` with a new client.
pub(crate) async fn reporter(app: &TestApp, reference: &str, receipt: &str) -> reqwest::Client {
    let client = new_client();
    let res = open_follow_up(app, &client, reference, receipt).await;
    assert_eq!(res.status(), 303, "the visit opens");
    client
}

/// Posts a change of consent with the visit's own form token.
pub(crate) async fn change(
    app: &TestApp,
    client: &reqwest::Client,
    consent: &str,
    given: &str,
) -> reqwest::Response {
    post_as_reporter(
        app,
        client,
        "/follow-up/case/consent",
        &[("consent", consent), ("given", given)],
    )
    .await
}

fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .expect("a redirect")
        .to_str()
        .unwrap()
        .to_string()
}

/// Follows a redirect of the reporter's client and returns the page.
async fn follow(app: &TestApp, client: &reqwest::Client, res: reqwest::Response) -> String {
    assert_eq!(res.status(), 303, "the change is confirmed on the page");
    plain(
        &client
            .get(app.url(&location(&res)))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    )
}

/// The case's consents as stored: referral, police, statistics.
fn consents(app: &TestApp, reference: &str) -> (bool, bool, bool) {
    let case = haven::db::cases::find_by_reference(&mut app.db.connect(), reference)
        .unwrap()
        .unwrap();
    (
        case.consent_referral,
        case.consent_police,
        case.consent_stats,
    )
}

#[derive(diesel::QueryableByName)]
struct N {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn count_sql(app: &TestApp, sql: &str) -> i64 {
    diesel::sql_query(sql)
        .get_result::<N>(&mut app.db.connect())
        .unwrap()
        .n
}

/// The part of `page` from `id="{id}"` to the end of its element's block
/// (the next `</article>` or `</section>`).
fn block<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("#{id}"));
    let rest = &page[start..];
    let end = ["</article>", "</section>"]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
        .unwrap();
    &rest[..end]
}

#[tokio::test]
async fn the_follow_up_page_shows_each_consent_as_given_with_what_each_recipient_would_see() {
    let app = spawn_app().await;
    let (reference, receipt) = app
        .file_report(
            ReportForm::new("consents as given")
                .field("consent_referral", "on")
                .field("consent_stats", "yes"),
        )
        .await;
    let client = reporter(&app, &reference, &receipt).await;
    let page = follow_up_page(&app, &client).await;
    assert_eq!(
        element_text(&page, "consent-referral-state").unwrap(),
        "You have agreed to this."
    );
    assert_eq!(
        element_text(&page, "consent-police-state").unwrap(),
        "You have not agreed to this."
    );
    assert_eq!(
        element_text(&page, "consent-stats-state").unwrap(),
        "You have agreed to this."
    );
    // Each with the button that changes it: withdraw what is given, give
    // what is not.
    let referral = block(&page, "consent-referral");
    assert!(referral.contains("name=\"consent\" value=\"referral\""));
    assert!(referral.contains("name=\"given\" value=\"no\""));
    assert!(referral.contains("Withdraw my agreement to referral"));
    assert!(
        referral.contains("Referrals no group has accepted yet are withdrawn at once"),
        "what withdrawing it does"
    );
    let police = block(&page, "consent-police");
    assert!(police.contains("name=\"given\" value=\"yes\""));
    assert!(police.contains("Agree to sharing with Canadian police"));
    let stats = block(&page, "consent-stats");
    assert!(stats.contains("Withdraw my agreement to statistics"));
    // What each recipient would see, as the referral page and the packets
    // show it.
    for said in [
        "a partner community group sees a summary a caseworker writes for it",
        "your contact details only if the caseworker writes them in that summary",
        "The group is emailed only that something is waiting for it.",
        "(such as the RCMP National Security Information Network) would receive an encrypted file that only they can open",
        "It never contains your contact details.",
        "no count smaller than 5 is ever shown",
    ] {
        assert!(page.contains(said), "the page says: {said}");
    }
    assert_eq!(
        element_text(&page, "shared-none").unwrap(),
        "Your case has not been shared with anyone outside Haven."
    );
}

#[tokio::test]
async fn withdrawing_referral_consent_withdraws_pending_referrals_keeps_accepted_ones_and_tells_the_groups_nothing_of_the_case()
 {
    let sink = SmtpSink::start();
    let app = spawn_app_with(Options {
        smtp_url: Some(sink.url()),
        ..Default::default()
    })
    .await;
    let group_a = group(&app, "Group A", &["intake@group-a.example"]);
    let group_b = group(
        &app,
        "Group B",
        &["intake@group-b.example", "lead@group-b.example"],
    );
    let (reference, receipt) = app
        .file_report(
            ReportForm::new("NARRATIVE-MARK-6620 they followed me home from the rally")
                .field("consent_referral", "on")
                .field("contact_method", "email")
                .field("contact_value", "contact-mark-9931@example.org"),
        )
        .await;
    app.login_as("caseworker").await;
    let res = app
        .post_staff(
            &format!("/staff/cases/{reference}/referrals"),
            &[
                ("group", &group_a.to_string()),
                (
                    &format!("summary_{group_a}"),
                    "SUMMARY-A-MARK needs a contact",
                ),
                ("group", &group_b.to_string()),
                (
                    &format!("summary_{group_b}"),
                    "SUMMARY-B-MARK needs a contact",
                ),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    // Group A accepts; group B has not answered.
    let li_a = liaison(&app, "Group A").await;
    let list_a = li_a
        .get(app.url("/staff/referrals"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let link_a = referral_links(&list_a).remove(0);
    assert_eq!(
        post_as(
            &app,
            &li_a,
            &format!("{link_a}/accept"),
            &[("confirm", "yes")]
        )
        .await
        .status(),
        303
    );
    let li_b = liaison(&app, "Group B").await;
    let list_b = li_b
        .get(app.url("/staff/referrals"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let link_b = referral_links(&list_b).remove(0);
    app.deliver_mail_after_slots();
    let before = sink.received().len();

    let client = reporter(&app, &reference, &receipt).await;
    let res = change(&app, &client, "referral", "no").await;
    assert!(
        location(&res).ends_with("/follow-up/case"),
        "what was done is confirmed on the page, never in its address"
    );
    let page = follow(&app, &client, res).await;
    for said in [
        "You withdrew your agreement to referral. Haven will not refer your case to anyone from now on.",
        "The referrals no group had answered yet are withdrawn",
        "Groups that had already accepted your case keep the summary they received.",
    ] {
        assert!(page.contains(said), "the reporter is told: {said}");
    }
    assert_eq!(
        element_text(&page, "consent-referral-state").unwrap(),
        "You have not agreed to this."
    );
    // The change is listed under the consent, to the day: whoever holds
    // the receipt can change a consent, and the reporter sees that it was.
    let today = chrono::Utc::now()
        .date_naive()
        .format("%-d %B %Y")
        .to_string();
    let changes = block(&page, "consent-referral-changes");
    assert!(
        changes.contains(&format!("Withdrawn on this page on {today}.")),
        "{changes}"
    );
    // The case shows its caseworker that the reporter acted, to the hour.
    assert_eq!(
        count_sql(
            &app,
            &format!(
                "SELECT count(*) AS n FROM cases WHERE reference = '{reference}' \
                 AND unread_since = date_trunc('hour', now()) \
                 AND last_activity_at = date_trunc('hour', now())"
            )
        ),
        1,
        "the consent change marks the case as acted on by its reporter"
    );
    let shared = block(&page, "shared-list");
    assert!(shared.contains("Group A: accepted your case"), "{shared}");
    assert!(
        shared.contains("Group B: withdrawn at your request before they answered"),
        "{shared}"
    );

    // The pending referral is withdrawn, the accepted one stays; the
    // withdrawal is dated to the hour, like every reporter action.
    let mut conn = app.db.connect();
    let status_of = |conn: &mut diesel::PgConnection, org: i64| {
        haven::db::referrals::for_organisation(conn, org, None, 10)
            .unwrap()
            .remove(0)
            .referral
    };
    assert_eq!(status_of(&mut conn, group_a).status, "accepted");
    let withdrawn = status_of(&mut conn, group_b);
    assert_eq!(withdrawn.status, "withdrawn");
    assert!(
        withdrawn.group_key.is_none() && withdrawn.group_key_id.is_none(),
        "the group's copy of the withdrawn referral's key is erased"
    );
    assert!(
        status_of(&mut conn, group_a).group_key.is_some(),
        "the accepted referral keeps its group's copy"
    );
    assert!(
        diesel::sql_query(
            "UPDATE referrals SET group_key = team_key, group_key_id = team_key_id \
             WHERE status = 'withdrawn'"
        )
        .execute(&mut conn)
        .is_err(),
        "the database refuses a group's copy on a withdrawn referral"
    );
    assert_eq!(
        withdrawn.updated_at,
        haven::db::events::coarse(withdrawn.updated_at),
        "on the hour"
    );
    assert_eq!(
        count_sql(
            &app,
            "SELECT count(*) AS n FROM case_events WHERE actor_id IS NULL \
             AND kind IN ('consent_withdrawn', 'referral_withdrawn') \
             AND created_at = date_trunc('hour', created_at)"
        ),
        2,
        "the timeline has the withdrawal of consent and of B's referral, each to the hour"
    );

    // B's liaison reads that it was withdrawn, and nothing of the case any
    // more; it can no longer be answered.
    let page_b = plain(
        &li_b
            .get(app.url(&link_b))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert!(page_b.contains("Withdrawn by the reporter"));
    assert!(page_b.contains(
        "The person who made this report withdrew their agreement to referral before your group answered."
    ));
    assert!(
        !page_b.contains("SUMMARY-B-MARK"),
        "the summary is no longer shown"
    );
    assert!(!page_b.contains("/accept\""), "no answer to give");
    let res = post_as(&app, &li_b, &format!("{link_b}/accept"), &[]).await;
    assert_eq!(res.status(), 409);
    assert!(
        plain(&res.text().await.unwrap())
            .contains("The reporter withdrew this referral before it was answered")
    );
    for (step, fields) in [
        ("decline", vec![("reason", "no volunteer")]),
        ("updates", vec![("body", "an update")]),
    ] {
        let res = post_as(&app, &li_b, &format!("{link_b}/{step}"), &fields).await;
        assert_eq!(res.status(), 409, "{step}");
    }
    assert_eq!(status_of(&mut conn, group_b).status, "withdrawn");
    let list_b = plain(
        &li_b
            .get(app.url("/staff/referrals"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert!(list_b.contains("Withdrawn by the reporter"));
    assert!(
        list_b.contains(&chrono::Utc::now().format("%-d %B %Y").to_string())
            && !list_b.contains(" UTC"),
        "the withdrawn referral's row shows the day it was made, never when it was withdrawn: {list_b}"
    );
    // A's liaison still has what was accepted.
    let page_a = li_a
        .get(app.url(&link_a))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page_a.contains("SUMMARY-A-MARK"));

    // B's two addresses are emailed that a referral was withdrawn, in the
    // daily digest (08:00 UTC here); A is not; no email carries anything
    // of the case.
    assert_eq!(
        count_sql(
            &app,
            "SELECT count(*) AS n FROM outbox WHERE template = 'referral_withdrawn' \
             AND extract(hour FROM slot_at AT TIME ZONE 'UTC') = 8 \
             AND date_trunc('hour', slot_at) = slot_at"
        ),
        2
    );
    app.deliver_mail_after_slots();
    let new: Vec<_> = sink.received().into_iter().skip(before).collect();
    let mut to_groups: Vec<String> = new
        .iter()
        .flat_map(|m| m.recipients.clone())
        .filter(|r| r.contains("group-"))
        .collect();
    to_groups.sort();
    assert_eq!(
        to_groups,
        vec!["intake@group-b.example", "lead@group-b.example"]
    );
    for m in new.iter().filter(|m| m.recipients[0].contains("group-b")) {
        let text = m.text();
        assert!(text.contains("A referral to Group B was withdrawn in Haven"));
        assert!(text.contains("/staff/referrals"));
        assert!(!text.contains(&link_b), "no link to the referral itself");
    }
    for m in &new {
        let text = m.text();
        for secret in [
            "NARRATIVE-MARK-6620",
            "followed me home",
            "contact-mark-9931",
            "SUMMARY-A-MARK",
            "SUMMARY-B-MARK",
            &reference,
            &receipt,
            &receipt.replace(' ', ""),
        ] {
            assert!(!text.contains(secret), "an email carried {secret}");
        }
    }

    // The caseworker sees the change on the case page, and can no longer
    // refer the case.
    let case = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        case.contains(
            "the reporter withdrew consent to referral to partner groups and other helpers"
        )
    );
    assert!(case.contains("referral withdrawn by the reporter before an answer from Group B"));
    assert!(
        element_text(&case, "case-consent-referral")
            .unwrap()
            .ends_with(": No")
    );
    assert!(!case.contains("name=\"summary_"), "no referral form");
    let referrals = app.count("referrals");
    let res = app.refer(&reference, group_b, "again").await;
    assert_eq!(res.status(), 409);
    assert!(plain(&res.text().await.unwrap()).contains("did not consent to referral"));
    assert_eq!(app.count("referrals"), referrals);
}

/// A caseworker (the app's client) refers the case to `group`; the status.
async fn refer(app: &TestApp, reference: &str, group: i64) -> u16 {
    app.refer(reference, group, "a summary")
        .await
        .status()
        .as_u16()
}

#[tokio::test]
async fn consent_given_again_lets_the_case_be_referred_again_to_the_group_it_was_withdrawn_from() {
    let app = spawn_app().await;
    let group_b = group(&app, "Group B", &["intake@group-b.example"]);
    let (reference, receipt) = app
        .file_report(ReportForm::new("given again").field("consent_referral", "on"))
        .await;
    app.login_as("caseworker").await;
    assert_eq!(refer(&app, &reference, group_b).await, 303);
    let client = reporter(&app, &reference, &receipt).await;
    let page = follow(&app, &client, change(&app, &client, "referral", "no").await).await;
    assert!(page.contains("The referrals no group had answered yet are withdrawn"));
    assert!(
        !page.contains("keep the summary they received"),
        "no group had accepted"
    );
    assert_eq!(
        refer(&app, &reference, group_b).await,
        409,
        "not while withdrawn"
    );
    let page = follow(
        &app,
        &client,
        change(&app, &client, "referral", "yes").await,
    )
    .await;
    assert!(page.contains("You agreed to referral."));
    assert!(consents(&app, &reference).0);
    assert_eq!(
        refer(&app, &reference, group_b).await,
        303,
        "the same group, once more"
    );
    let page = follow_up_page(&app, &client).await;
    let shared = block(&page, "shared-list");
    assert!(shared.contains("Group B: withdrawn at your request before they answered"));
    assert!(shared.contains("Group B: a referral is waiting for their answer"));

    // Withdrawn and given again the same day: the day says it changed
    // (a reporter's changes within an hour have no order).
    let today = chrono::Utc::now()
        .date_naive()
        .format("%-d %B %Y")
        .to_string();
    let changes = block(&page, "consent-referral-changes");
    assert_eq!(changes.matches("<li>").count(), 1, "{changes}");
    assert!(
        changes.contains(&format!("Changed more than once on this page on {today}.")),
        "{changes}"
    );
}

#[tokio::test]
async fn the_follow_up_page_lists_the_last_three_days_a_consent_changed_newest_first() {
    let app = spawn_app().await;
    let (reference, receipt) = app
        .file_report(ReportForm::new("days of changes").field("consent_stats", "on"))
        .await;
    let client = reporter(&app, &reference, &receipt).await;
    // Four days of changes: each day's change moved back to its day.
    for (given, days_ago) in [("no", 3), ("yes", 2), ("no", 1), ("yes", 0)] {
        assert_eq!(change(&app, &client, "stats", given).await.status(), 303);
        count_sql(
            &app,
            &format!(
                "WITH moved AS (UPDATE case_events SET created_at = created_at - interval '{days_ago} days' \
                 WHERE kind IN ('consent_given', 'consent_withdrawn') \
                 AND created_at > now() - interval '2 hours' RETURNING 1) \
                 SELECT count(*) AS n FROM moved"
            ),
        );
    }
    let page = follow_up_page(&app, &client).await;
    let changes = block(&page, "consent-stats-changes");
    let items: Vec<&str> = changes.split("<li>").skip(1).collect();
    assert_eq!(items.len(), 3, "the last three days: {changes}");
    let day = |n: i64| {
        (chrono::Utc::now() - chrono::Duration::days(n))
            .date_naive()
            .format("%-d %B %Y")
            .to_string()
    };
    assert!(
        items[0].starts_with(&format!("Given on this page on {}.", day(0))),
        "{changes}"
    );
    assert!(
        items[1].starts_with(&format!("Withdrawn on this page on {}.", day(1))),
        "{changes}"
    );
    assert!(
        items[2].starts_with(&format!("Given on this page on {}.", day(2))),
        "{changes}"
    );
}

#[tokio::test]
async fn police_consent_given_later_shows_on_the_case_page_and_its_timeline() {
    let app = spawn_app().await;
    crate::packets::recipient(&app, "City Police", "tips@police.example", "police", None);
    let (reference, receipt) = app.file_report(ReportForm::new("police later")).await;
    // Given in the report itself: nothing to confirm.
    let (in_report, _) = app
        .file_report(ReportForm::new("police at once").field("consent_police", "on"))
        .await;
    app.login_as("caseworker").await;
    let case = app.get_text(&format!("/staff/cases/{in_report}")).await;
    assert!(case.contains("City Police"), "a packet can be built");
    assert!(!case.contains("packet-consent-online"));
    assert!(
        element_text(&case, "case-consent-police")
            .unwrap()
            .ends_with(": Yes")
    );
    let case = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        element_text(&case, "case-consent-police")
            .unwrap()
            .ends_with(": No")
    );
    let client = reporter(&app, &reference, &receipt).await;
    let res = change(&app, &client, "police", "yes").await;
    assert!(location(&res).ends_with("/follow-up/case"));
    let page = follow(&app, &client, res).await;
    assert!(page.contains(
        "You agreed to sharing with Canadian police and national-security bodies. A caseworker decides whether to share your report; nothing is sent automatically."
    ));
    assert_eq!(
        element_text(&page, "consent-police-state").unwrap(),
        "You have agreed to this."
    );
    assert_eq!(consents(&app, &reference), (false, true, false));
    let case = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        element_text(&case, "case-consent-police")
            .unwrap()
            .ends_with(": Yes")
    );
    let online = element_text(&case, "case-consent-police-online").unwrap();
    assert!(
        online.starts_with("(given by the reporter on the follow-up page, ")
            && online.ends_with(" UTC)"),
        "the caseworker sees where the consent came from: {online}"
    );
    assert!(
        element_text(&case, "packet-consent-online")
            .unwrap()
            .contains("before sharing, confirm with the reporter under Messages that it was them"),
        "the packet form asks the caseworker to confirm with the reporter"
    );
    assert!(case.contains(
        "the reporter gave consent to sharing with Canadian police and national-security bodies"
    ));
    // The case's caseworkers hear that something waits, in the digest,
    // without a word of what.
    assert_eq!(
        count_sql(
            &app,
            "SELECT count(*) AS n FROM outbox WHERE template = 'waiting' \
             AND extract(hour FROM slot_at AT TIME ZONE 'UTC') = 8 \
             AND date_trunc('hour', slot_at) = slot_at"
        ),
        1
    );
    let page = follow(&app, &client, change(&app, &client, "police", "no").await).await;
    assert!(page.contains(
        "You withdrew your agreement to sharing with Canadian police and national-security bodies. Haven will not share your report with them from now on."
    ));
    let case = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(
        element_text(&case, "case-consent-police")
            .unwrap()
            .ends_with(": No")
    );
    assert!(case.contains(
        "the reporter withdrew consent to sharing with Canadian police and national-security bodies"
    ));
    assert!(element_text(&case, "case-consent-police-online").is_none());
    // Given, withdrawn and given again within the hour (whose events have
    // no order): still flagged as given on the follow-up page.
    change(&app, &client, "police", "yes").await;
    let case = app.get_text(&format!("/staff/cases/{reference}")).await;
    assert!(element_text(&case, "case-consent-police-online").is_some());
    assert!(element_text(&case, "packet-consent-online").is_some());
}

#[tokio::test]
async fn withdrawing_consent_to_statistics_takes_the_report_out_of_the_counts_at_once() {
    let app = spawn_app().await;
    let (reference, receipt) = app
        .file_report(ReportForm::new("counted").field("consent_stats", "on"))
        .await;
    let total = || haven::db::stats::total(&mut app.db.connect()).unwrap();
    assert_eq!(total(), 1);
    let client = reporter(&app, &reference, &receipt).await;
    let page = follow(&app, &client, change(&app, &client, "stats", "no").await).await;
    assert!(page.contains("Your report is no longer counted in Haven’s anonymous statistics."));
    assert_eq!(total(), 0);
    let page = follow(&app, &client, change(&app, &client, "stats", "yes").await).await;
    assert!(page.contains("Your report is now counted in Haven’s anonymous statistics."));
    assert_eq!(total(), 1);
}

/// A report filed with `consent` ticked, a caseworker who would be told
/// of any change, and the reporter's visit: the app, the reference, the
/// reporter's client and how many timeline entries the case has.
async fn visit_with(consent: &'static str) -> (TestApp, String, reqwest::Client, i64) {
    let app = spawn_app().await;
    app.create_user("caseworker", None);
    let (reference, receipt) = app
        .file_report(ReportForm::new("nothing changes").field(consent, "on"))
        .await;
    let client = reporter(&app, &reference, &receipt).await;
    let events = app.count("case_events");
    (app, reference, client, events)
}

/// Nothing was written: the consents stand as `expected`, no timeline
/// entry was added, and no one is emailed.
fn nothing_changed(app: &TestApp, reference: &str, expected: (bool, bool, bool), events: i64) {
    assert_eq!(consents(app, reference), expected);
    assert_eq!(app.count("case_events"), events, "no timeline entry");
    assert_eq!(app.count("outbox"), 0, "no one is told of nothing");
}

#[tokio::test]
async fn a_forged_or_missing_form_token_is_refused_and_changes_no_consent() {
    let (app, reference, client, events) = visit_with("consent_referral").await;
    for token in [None, Some(""), Some("0".repeat(64).as_str())] {
        let mut form = vec![("consent", "referral"), ("given", "no")];
        if let Some(t) = token {
            form.push(("csrf_token", t));
        }
        let res = client
            .post(app.url("/follow-up/case/consent"))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "token {token:?}");
    }
    // The right token from another site's page is refused too.
    let page = client
        .get(app.url("/follow-up/case"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let res = client
        .post(app.url("/follow-up/case/consent"))
        .header("Sec-Fetch-Site", "cross-site")
        .form(&[
            ("consent", "referral"),
            ("given", "no"),
            ("csrf_token", csrf_token(&page).as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    nothing_changed(&app, &reference, (true, false, false), events);
}

#[tokio::test]
async fn bad_consent_or_given_values_are_refused_with_a_clear_message_and_change_nothing() {
    let (app, reference, client, events) = visit_with("consent_stats").await;
    for (consent, given) in [
        ("referral", "maybe"),
        ("police", "on"),
        ("stats", ""),
        ("sharing", "yes"),
        ("", "no"),
        ("Stats", "no"),
        ("stats\u{0}", "no"),
    ] {
        let res = change(&app, &client, consent, given).await;
        assert_eq!(res.status(), 422, "{consent:?} {given:?}");
        let page = plain(&res.text().await.unwrap());
        assert!(
            page.contains("That change could not be understood, so nothing changed."),
            "{consent:?} {given:?}"
        );
        assert!(
            page.contains("id=\"consents\""),
            "the consents are shown again"
        );
    }
    nothing_changed(&app, &reference, (false, false, true), events);
}

#[tokio::test]
async fn giving_a_consent_already_given_or_withdrawing_one_not_given_changes_nothing_and_says_so() {
    let (app, reference, client, events) = visit_with("consent_referral").await;
    let page = follow(
        &app,
        &client,
        change(&app, &client, "referral", "yes").await,
    )
    .await;
    assert!(page.contains("You had already given this agreement, so nothing changed."));
    let page = follow(&app, &client, change(&app, &client, "police", "no").await).await;
    assert!(page.contains(
        "You had not given this agreement, so there was nothing to withdraw and nothing changed."
    ));
    nothing_changed(&app, &reference, (true, false, false), events);
}

#[tokio::test]
async fn the_report_form_explains_each_consent_and_the_retention_period_from_configuration() {
    let app = spawn_app_with(Options {
        retention_days: Some(90),
        ..Default::default()
    })
    .await;
    let page = app.report_all_questions("").await;
    assert_eq!(
        element_text(&page, "retention").unwrap(),
        "Haven keeps a report for 90 days after its case is closed, then deletes it for good, with its messages and files. You can ask for it to be deleted sooner on the follow-up page."
    );
    for consent in ["referral", "police", "stats"] {
        assert!(
            page.contains(&format!(
                "id=\"consent_{consent}\" name=\"consent_{consent}\" value=\"yes\" aria-describedby=\"consent_{consent}-hint\""
            )),
            "the {consent} box names its note"
        );
        let note = element_text(&page, &format!("consent_{consent}-hint")).unwrap();
        assert!(note.starts_with("What they see: "), "{note}");
    }
    let fr = app.report_all_questions("?lang=fr").await;
    assert!(
        element_text(&fr, "retention").unwrap().starts_with(
            "Haven conserve un signalement 90 jours après la fermeture de son dossier"
        )
    );
    // Phone intake reads the same notes to the caller.
    app.login_as("caseworker").await;
    let intake = app.get_text("/staff/intake").await;
    assert!(
        element_text(&intake, "retention")
            .unwrap()
            .starts_with("Haven keeps a report for 90 days")
    );
}
