//! Security claim 7, purge: a purged case cannot be opened, even from a
//! copy of the database taken before.

use crate::helpers::*;

/// Claim: after a purge (and the master-key rotation `haven purge` does),
/// nothing of the case opens, even with a copy of the database taken before
/// the purge and the master key file as it is now.
#[tokio::test]
async fn claim_a_purged_case_cannot_be_opened_from_an_older_copy() {
    let app = spawn_app().await;
    let (reference, _) = app.file_report(ReportForm::new("PURGED-WORDS")).await;
    let (kept, _) = app.file_report(ReportForm::new("KEPT-WORDS")).await;
    let mut conn = app.db.connect();
    let before = haven::db::cases::find_by_reference(&mut conn, &reference)
        .unwrap()
        .unwrap();
    // The copy an attacker kept: the sealed keys and the sealed content.
    let copy = haven::db::people_keys::case_keys(&mut conn, before.id)
        .unwrap()
        .expect("the case's sealed keys");
    // Through the app's pool, which signs the audit entries.
    let db = app.state.db.clone();
    assert!(
        db.run_blocking(|conn| haven::cases::purge::purge_case(
            conn,
            before.id,
            haven::cases::purge::Reason::Retention
        ))
        .unwrap()
    );
    let key_file = app.key_dir.join("master.key");
    assert!(haven::db::audit::shred_pending(&mut conn).unwrap());
    haven::keys::rotate(&db, &key_file, std::time::Duration::ZERO, None, |_| {}).unwrap();
    haven::keys::retire(&db, &key_file, |_| {}).unwrap();
    assert!(!haven::db::audit::shred_pending(&mut conn).unwrap());

    let keyring_now = haven::crypto::Keyring::load(&key_file, false).unwrap();
    // The master key's outer layer over the old copy no longer comes off:
    // even the team's private key could not reach the case key through it.
    for (aad, outer) in [
        (
            haven::crypto::Aad::case_team_keys(&reference),
            &copy.team_keys,
        ),
        (
            haven::crypto::Aad::case_receipt_key(&reference),
            copy.receipt_key.as_ref().expect("the receipt's copy"),
        ),
    ] {
        assert!(
            keyring_now
                .open_outer(&copy.master_key_id, &aad, outer)
                .is_err(),
            "the old copy's outer layer no longer opens"
        );
    }
    // The case that was kept is now under the new key.
    let kept_row = haven::db::cases::find_by_reference(&mut conn, &kept)
        .unwrap()
        .unwrap();
    assert_eq!(kept_row.master_key_id, keyring_now.current().id());
    let kept_keys = haven::db::people_keys::case_keys(&mut conn, kept_row.id)
        .unwrap()
        .unwrap();
    assert_eq!(kept_keys.master_key_id, keyring_now.current().id());
    // And the running service picks up the rotated file without a restart.
    assert!(app.state.keyring.reload_if_changed().unwrap());
    app.login_as("caseworker").await;
    assert!(
        app.get_text(&format!("/staff/cases/{kept}"))
            .await
            .contains("KEPT-WORDS")
    );
    let audit = haven::db::audit::page(&mut conn, &Default::default(), 50).unwrap();
    let purge = audit
        .iter()
        .find(|(r, _)| r.action == "case.purge")
        .expect("the purge is audited");
    assert_eq!(purge.0.detail, "retention");
    assert!(!purge.0.target_id.contains(&reference), "with no content");
}
