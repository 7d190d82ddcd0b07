//! The life of a case: its status, its risk level, and how it came in.

use super::code_enum;

code_enum!(
    /// Where a case is in triage.
    CaseStatus {
        New = "new",
        Triaged = "triaged",
        InProgress = "in_progress",
        Referred = "referred",
        Closed = "closed",
    }
);

code_enum!(
    /// How urgent a case is; `Urgent` means possible immediate danger.
    RiskLevel {
        Routine = "routine",
        Elevated = "elevated",
        Urgent = "urgent",
    }
);

code_enum!(
    /// How the report reached Haven.
    IntakeSource {
        Web = "web",
        Phone = "phone",
    }
);

impl CaseStatus {
    /// The order of the usual path, for "next step" and "step back".
    const PATH: [CaseStatus; 5] = [
        CaseStatus::New,
        CaseStatus::Triaged,
        CaseStatus::InProgress,
        CaseStatus::Referred,
        CaseStatus::Closed,
    ];

    fn position(self) -> usize {
        Self::PATH
            .iter()
            .position(|s| *s == self)
            .expect("every status is on the path")
    }

    /// The statuses a case can move to from this one: one step forward or
    /// back along new → triaged → in progress → referred → closed, closing
    /// from anywhere, and re-opening a closed case into triage.
    pub fn next_statuses(self) -> Vec<CaseStatus> {
        let mut out = Vec::new();
        let i = self.position();
        if i > 0 {
            out.push(Self::PATH[i - 1]);
        }
        if i + 1 < Self::PATH.len() {
            out.push(Self::PATH[i + 1]);
        }
        if self != CaseStatus::Closed && !out.contains(&CaseStatus::Closed) {
            out.push(CaseStatus::Closed);
        }
        if self == CaseStatus::Closed && !out.contains(&CaseStatus::Triaged) {
            out.push(CaseStatus::Triaged);
        }
        out
    }

    pub fn can_move_to(self, to: CaseStatus) -> bool {
        self.next_statuses().contains(&to)
    }
}

code_enum!(
    /// What happened on a case, for its timeline.
    EventKind {
        Filed = "filed",
        Status = "status",
        Risk = "risk",
        Assigned = "assigned",
        Unassigned = "unassigned",
        Note = "note",
        Referred = "referred",
        ReferralAccepted = "referral_accepted",
        ReferralDeclined = "referral_declined",
        ReferralUpdate = "referral_update",
        MessageToReporter = "message_to_reporter",
        MessageFromReporter = "message_from_reporter",
        EvidenceAdded = "evidence_added",
        DeletionRequested = "deletion_requested",
        DeletionCancelled = "deletion_cancelled",
        ConsentGiven = "consent_given",
        ConsentWithdrawn = "consent_withdrawn",
        ReferralWithdrawn = "referral_withdrawn",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_path_and_back() {
        use CaseStatus::*;
        assert!(New.can_move_to(Triaged));
        assert!(Triaged.can_move_to(InProgress));
        assert!(InProgress.can_move_to(Referred));
        assert!(Referred.can_move_to(Closed));
        assert!(Triaged.can_move_to(New), "back one step");
        assert!(Closed.can_move_to(Referred), "back one step");
        assert!(Closed.can_move_to(Triaged), "re-open into triage");
        assert!(New.can_move_to(Closed), "close from anywhere");
        assert!(!New.can_move_to(Referred), "no skipping ahead");
        assert!(!New.can_move_to(New));
    }
}
