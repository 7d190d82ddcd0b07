//! The reporter's access list: opened by a caseworker or an admin (the
//! role, never who), shared with a partner group and accepted by it (by
//! the group's name), each by day, in the reporter's language.

use chrono::{NaiveDate, Utc};
use diesel::RunQueryDsl;

use crate::helpers::*;

#[derive(diesel::QueryableByName, Debug, PartialEq, Eq)]
struct Access {
    #[diesel(sql_type = diesel::sql_types::Text)]
    kind: String,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    role: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Date)]
    day: NaiveDate,
}

fn access_rows(app: &TestApp) -> Vec<Access> {
    diesel::sql_query("SELECT kind, role, day FROM case_access ORDER BY id")
        .load(&mut app.db.connect())
        .unwrap()
}

fn en_day(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// The access list as the reporter's page shows it, one line per entry.
fn access_list(page: &str) -> Vec<String> {
    let Some(start) = page.find("id=\"access-list\"") else {
        return Vec::new();
    };
    let list = &page[start..start + page[start..].find("</ul>").unwrap()];
    list.split("<li>")
        .skip(1)
        .map(|item| {
            let mut text = String::new();
            let mut in_tag = false;
            for c in item.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

async fn staff_client(app: &TestApp, role: &str, org: Option<&str>) -> (reqwest::Client, String) {
    let email = app.create_user(role, org);
    let client = new_client();
    assert_eq!(
        app.login_with(&client, &email, PASSWORD).await.status(),
        303
    );
    (client, email)
}

#[tokio::test]
async fn opening_the_case_as_a_caseworker_shows_on_the_reporter_s_next_visit_by_role_and_day() {
    let app = spawn_app().await;
    let (reference, receipt) = app.file_report(ReportForm::new("who read")).await;
    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    let page = follow_up_page(&app, &reporter).await;
    assert!(page.contains("No one has opened your report yet."));
    assert!(access_list(&page).is_empty());
    assert!(
        access_rows(&app).is_empty(),
        "the reporter's own visit is not recorded"
    );

    let (caseworker, email) = staff_client(&app, "caseworker", None).await;
    // The queue lists the case without opening it.
    caseworker
        .get(app.url("/staff/cases"))
        .send()
        .await
        .unwrap();
    assert!(
        access_rows(&app).is_empty(),
        "not before the case is opened"
    );
    let res = caseworker
        .get(app.url(&format!("/staff/cases/{reference}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // Twice the same day: one line.
    caseworker
        .get(app.url(&format!("/staff/cases/{reference}")))
        .send()
        .await
        .unwrap();
    let today = Utc::now().date_naive();
    assert_eq!(
        access_rows(&app),
        vec![Access {
            kind: "opened".into(),
            role: Some("caseworker".into()),
            day: today,
        }]
    );

    let page = follow_up_page(&app, &reporter).await;
    assert_eq!(
        access_list(&page),
        vec![format!("Opened by a caseworker — {}", en_day(today))]
    );
    assert!(!page.contains("No one has opened your report yet."));
    assert!(!page.contains(&email), "no staff member is named");
    assert!(
        page.contains(&format!("<time datetime=\"{today}\">")),
        "a day, never a time"
    );

    // An admin is named by role too; a new visit shows the same list.
    let (admin, admin_email) = staff_client(&app, "admin", None).await;
    admin
        .get(app.url(&format!("/staff/cases/{reference}")))
        .send()
        .await
        .unwrap();
    let again = new_client();
    open_follow_up(&app, &again, &reference, &receipt).await;
    let page = follow_up_page(&app, &again).await;
    assert_eq!(
        access_list(&page),
        vec![
            format!("Opened by a caseworker — {}", en_day(today)),
            format!("Opened by a Haven administrator — {}", en_day(today)),
        ]
    );
    assert!(!page.contains(&admin_email));
    // In the reporter's language (French; Uyghur, right to left).
    let fr = plain(
        &again
            .get(app.url("/follow-up/case?lang=fr"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert!(fr.contains("Ouvert par une intervenante ou un intervenant — "));
    let ug = plain(
        &again
            .get(app.url("/follow-up/case?lang=ug"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    assert!(ug.contains("دېلو خادىمى ئاچتى"));
    use chrono::Datelike;
    assert!(ug.contains(&format!("{}-يىلى", today.year())));
}

#[tokio::test]
async fn sharing_with_a_group_and_its_acceptance_show_by_the_group_s_name_and_a_liaison_adds_no_one()
 {
    let app = spawn_app().await;
    let group = app.insert_group("Uyghur Support Circle", &["circle@group.example"]);
    let (reference, receipt) = app
        .file_report(ReportForm::new("share me").field("consent_referral", "on"))
        .await;
    let (caseworker, email) = staff_client(&app, "caseworker", None).await;
    let token = csrf_token(
        &caseworker
            .get(app.url("/staff/account"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let res = caseworker
        .post(app.url(&format!("/staff/cases/{reference}/referrals")))
        .form(&[
            ("group", group.to_string().as_str()),
            (&format!("summary_{group}"), "A summary for the circle."),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let today = Utc::now().date_naive();
    let (liaison, liaison_email) =
        staff_client(&app, "liaison", Some("Uyghur Support Circle")).await;
    let list = liaison
        .get(app.url("/staff/referrals"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = list.find("href=\"/staff/referrals/").unwrap() + 6;
    let path: String = list[at..].chars().take_while(|c| *c != '"').collect();
    let referral = liaison.get(app.url(&path)).send().await.unwrap();
    assert_eq!(referral.status(), 200);
    let kinds = |app: &TestApp| {
        access_rows(app)
            .into_iter()
            .map(|a| a.kind)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds(&app),
        vec!["shared"],
        "a liaison reading adds nothing"
    );
    // The liaison cannot open the case page either.
    let res = liaison
        .get(app.url(&format!("/staff/cases/{reference}")))
        .send()
        .await
        .unwrap();
    assert_ne!(res.status(), 200);
    assert_eq!(kinds(&app), vec!["shared"]);

    let reporter = new_client();
    open_follow_up(&app, &reporter, &reference, &receipt).await;
    let page = follow_up_page(&app, &reporter).await;
    assert_eq!(
        access_list(&page),
        vec![format!(
            "Shared with Uyghur Support Circle — {}",
            en_day(today)
        )]
    );

    let token = csrf_token(
        &liaison
            .get(app.url(&path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    let res = liaison
        .post(app.url(&format!("{path}/accept")))
        .form(&[("confirm", "yes"), ("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(kinds(&app), vec!["shared", "accepted"]);
    let page = follow_up_page(&app, &reporter).await;
    assert_eq!(
        access_list(&page),
        vec![
            format!("Shared with Uyghur Support Circle — {}", en_day(today)),
            format!("Accepted by Uyghur Support Circle — {}", en_day(today)),
        ]
    );
    for person in [&email, &liaison_email] {
        assert!(!page.contains(person.as_str()), "no staff member is named");
    }
    assert!(!page.contains("A summary for the circle."));
}
