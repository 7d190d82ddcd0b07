//! What several security claims' tests share.

use crate::helpers::*;

/// Every evidence file listed on the staff case page of `reference`, each
/// with its download as the signed-in client gets it.
pub async fn evidence_of(app: &TestApp, reference: &str) -> Vec<(String, reqwest::Response)> {
    let page = app.get_text(&format!("/staff/cases/{reference}")).await;
    let mut out = Vec::new();
    for (i, _) in page.match_indices("/evidence/") {
        let id: String = page[i + 10..]
            .chars()
            .take_while(|c| c.is_ascii_hexdigit())
            .collect();
        if id.len() == 32 && !out.iter().any(|(x, _): &(String, _)| *x == id) {
            let res = app
                .get(&format!("/staff/cases/{reference}/evidence/{id}"))
                .await;
            out.push((id, res));
        }
    }
    out
}
