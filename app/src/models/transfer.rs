//! Transfers (转移接续): the kinds, their legs and legal limits, the statuses of a request and
//! its legs, and the rules of moving between them (`transition`), shared by the citizen's and
//! the back office's pages. The state machine is pure so every transition is unit tested.

use super::code::coded;
use super::home::Named;
use super::insurance::{Insurance, Month};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded! {
    pub enum TransferKind {
        /// 城镇职工基本养老保险关系转移接续.
        Pension = "pension_transfer",
        /// 基本医疗保险关系转移接续.
        Medical = "medical_transfer",
    }
}

impl TransferKind {
    /// The short form used in page addresses.
    pub fn slug(self) -> &'static str {
        match self {
            TransferKind::Pension => "pension",
            TransferKind::Medical => "medical",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn insurance(self) -> Insurance {
        match self {
            TransferKind::Pension => Insurance::Pension,
            TransferKind::Medical => Insurance::Medical,
        }
    }

    /// Reference numbers start with the kind: YL (养老) or YB (医保).
    pub fn reference_prefix(self) -> &'static str {
        match self {
            TransferKind::Pension => "YL",
            TransferKind::Medical => "YB",
        }
    }

    /// The legs in order, each with its legal limit in working days (DESIGN §3). Pension: the
    /// new place reviews and sends the contact letter, the old place moves the funds and ends
    /// its relationship, the new place merges the record; 15 days each (国办发〔2009〕66号).
    /// Medical: transfer-out 10 days, the account balance moving with it, then transfer-in 5
    /// (医保办发〔2021〕43号).
    pub fn legs(self) -> &'static [(Step, u32)] {
        match self {
            TransferKind::Pension => &[
                (Step::ContactLetter, 15),
                (Step::FundsTransfer, 15),
                (Step::RecordMerge, 15),
            ],
            TransferKind::Medical => &[(Step::TransferOut, 10), (Step::TransferIn, 5)],
        }
    }
}

/// What accepting a leg does to the person's record (DESIGN §3): the old relationship is marked
/// as moving once the first office has accepted, ends when the old place has let it go, and the
/// new place's record carries the months and funds when the last leg is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordEffect {
    MarkTransferring,
    EndOldRelationship,
    CarryRecord,
}

/// Which office of the two places holds a leg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Old,
    New,
}

coded! {
    pub enum Step {
        ContactLetter = "contact_letter",
        FundsTransfer = "funds_transfer",
        RecordMerge = "record_merge",
        TransferOut = "transfer_out",
        TransferIn = "transfer_in",
        /// A separate crediting of the medical account balance, which requests submitted before
        /// rules 2026.1 still have as their third leg; it now moves with the transfer-out.
        AccountCredit = "account_credit",
    }
}

impl Step {
    /// Which of the two places' offices holds the leg.
    pub fn side(self) -> Side {
        match self {
            Step::FundsTransfer | Step::TransferOut => Side::Old,
            Step::ContactLetter | Step::RecordMerge | Step::TransferIn | Step::AccountCredit => {
                Side::New
            }
        }
    }

    /// What accepting this leg, number `index` of `count`, does to the record: the old place's
    /// leg lets the relationship go; before it, the first leg marks it as moving; the last
    /// leg carries the record.
    pub fn effect(self, index: usize, count: usize) -> Option<RecordEffect> {
        if self.side() == Side::Old {
            Some(RecordEffect::EndOldRelationship)
        } else if index + 1 == count {
            Some(RecordEffect::CarryRecord)
        } else if index == 0 {
            Some(RecordEffect::MarkTransferring)
        } else {
            None
        }
    }
}

coded! {
    pub enum RequestStatus {
        InProgress = "in_progress",
        Completed = "completed",
        Rejected = "rejected",
        Withdrawn = "withdrawn",
    }
}

coded! {
    pub enum LegStatus {
        /// Not started: an earlier leg is still open.
        Waiting = "waiting",
        /// With the office, the clock running.
        Open = "open",
        /// The office asked for more material; the clock is paused until the citizen answers.
        AwaitingMaterial = "awaiting_material",
        Done = "done",
        Rejected = "rejected",
        /// The request ended (rejected earlier, or withdrawn) before this leg finished.
        Cancelled = "cancelled",
    }
}

impl LegStatus {
    /// Held by an office now (open or waiting for the citizen's material).
    pub fn is_current(self) -> bool {
        matches!(self, LegStatus::Open | LegStatus::AwaitingMaterial)
    }
}

coded! {
    /// Why an office refuses a leg. The citizen sees the reason with what to do next. Arrears are
    /// not among them: they do not stop a transfer (人社部规〔2016〕5号).
    pub enum RejectReason {
        /// The old relationship is still contributing (not suspended).
        NotSuspended = "not_suspended",
        /// The person already receives a pension.
        ReceivingBenefits = "receiving_benefits",
        /// The identity on the request does not match the office's record.
        IdentityMismatch = "identity_mismatch",
        /// The office holds no relationship of this person.
        NoRecordHere = "no_record_here",
        /// Material asked for was not provided.
        MaterialMissing = "material_missing",
    }
}

/// What someone does to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// The office holding the leg accepts it (the leg's work is done).
    Accept,
    Reject(RejectReason),
    /// The office asks the citizen for more material; the leg's clock pauses.
    AskMaterial,
    /// The citizen answers a request for material; the clock runs again.
    AnswerMaterial,
    /// The citizen withdraws the request.
    Withdraw,
}

/// Why a transition is refused; each is a conflict with the request's current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the request is closed")]
    Closed,
    #[error("the leg is not with the office")]
    LegNotOpen,
    #[error("no material was asked for")]
    NoMaterialAsked,
    #[error("an office has already accepted part of the request")]
    AlreadyAccepted,
}

/// The result of a permitted transition: each leg's new status and the request's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub legs: Vec<LegStatus>,
    pub request: RequestStatus,
}

impl Outcome {
    /// The legs whose status changed, by index.
    pub fn changed(&self, before: &[LegStatus]) -> Vec<usize> {
        (0..self.legs.len())
            .filter(|&i| before.get(i) != Some(&self.legs[i]))
            .collect()
    }
}

/// The rules of a request's life. `leg` is the leg acted on (the office's decisions and the
/// citizen's answer); withdrawal acts on the whole request.
pub fn transition(
    request: RequestStatus,
    legs: &[LegStatus],
    leg: usize,
    action: Action,
) -> Result<Outcome, Refusal> {
    if request != RequestStatus::InProgress {
        return Err(Refusal::Closed);
    }
    let mut next = legs.to_vec();
    let current = *legs.get(leg).ok_or(Refusal::LegNotOpen)?;
    let cancel_rest = |next: &mut Vec<LegStatus>| {
        for s in next.iter_mut() {
            if matches!(
                s,
                LegStatus::Waiting | LegStatus::Open | LegStatus::AwaitingMaterial
            ) {
                *s = LegStatus::Cancelled;
            }
        }
    };
    let status = match action {
        Action::Accept | Action::AskMaterial if current != LegStatus::Open => {
            return Err(Refusal::LegNotOpen);
        }
        // A leg waiting for material may still be refused (the material never came).
        Action::Reject(_) if !current.is_current() => return Err(Refusal::LegNotOpen),
        Action::AnswerMaterial if current != LegStatus::AwaitingMaterial => {
            return Err(Refusal::NoMaterialAsked);
        }
        Action::Accept => {
            next[leg] = LegStatus::Done;
            match next.get_mut(leg + 1) {
                Some(following) => {
                    *following = LegStatus::Open;
                    RequestStatus::InProgress
                }
                None => RequestStatus::Completed,
            }
        }
        Action::Reject(_) => {
            next[leg] = LegStatus::Rejected;
            cancel_rest(&mut next);
            RequestStatus::Rejected
        }
        Action::AskMaterial => {
            next[leg] = LegStatus::AwaitingMaterial;
            RequestStatus::InProgress
        }
        Action::AnswerMaterial => {
            next[leg] = LegStatus::Open;
            RequestStatus::InProgress
        }
        Action::Withdraw => {
            if legs.contains(&LegStatus::Done) {
                return Err(Refusal::AlreadyAccepted);
            }
            cancel_rest(&mut next);
            RequestStatus::Withdrawn
        }
    };
    Ok(Outcome {
        legs: next,
        request: status,
    })
}

/// The legs of a request just submitted: the first with its office, the others waiting.
pub fn initial_legs(count: usize) -> Vec<LegStatus> {
    (0..count)
        .map(|i| {
            if i == 0 {
                LegStatus::Open
            } else {
                LegStatus::Waiting
            }
        })
        .collect()
}

/// One unmet condition of a transfer, explained to the citizen before anything is submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unmet {
    SamePlace,
    /// The person has no relationship of this insurance at the old place.
    NoRelationshipThere,
    /// The old relationship is still contributing (it must be suspended first).
    StillActive,
    /// A transfer out of the old place is already under way.
    AlreadyTransferring,
    /// The old relationship has ended (transferred out before, or closed).
    RelationshipEnded,
    ReceivingBenefits,
    /// The new place must be where the person contributes now.
    NotInsuredAtNewPlace,
    /// Another request of this kind from this place is in progress.
    AlreadyRequested {
        reference: String,
    },
}

/// What moves with a transfer, estimated from the record before submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundsEstimate {
    /// Months paid at the old place, which the new place's record will carry.
    pub months: i64,
    /// The part of the personal account built up at the old place, interest included.
    pub personal_account: i64,
    /// Pension only: 12% of the bases of each year since 1998 paid at the old place, from the
    /// pooled fund.
    pub pooled_funds: i64,
}

/// What a move between the two places is under the rules (DESIGN §3), decided before the
/// conditions: only a `Transfer` is submitted as a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Route {
    /// Between two pooling areas: the legs of `TransferKind::legs`.
    Transfer,
    /// Pension between two cities of one province (pooling is provincial, 国办发〔2009〕66号):
    /// a change of registration (变更登记) the new city records. No fund moves and there is
    /// nothing to apply for; the record shows the new city from `since`.
    ChangeOfRegistration {
        province: Named,
        since: Option<Month>,
    },
    /// Pension: a man aged 50+ or a woman aged 40+ when insurance started at a province other
    /// than the hukou's keeps the old relationship where it is and has a temporary account at
    /// the new place (临时缴费账户, 国办发〔2009〕66号 第三条), gathered later; such a place
    /// never becomes the paying place. An exception answered turns it into a transfer.
    TemporaryAccount {
        age: i32,
        started: Month,
        hukou: Named,
    },
}

coded! {
    /// Why a man of 50+ or a woman of 40+ may move the relationship to a non-hukou province after
    /// all (DESIGN §3): the office asks for the evidence named on the page.
    pub enum TemporaryException {
        /// The hukou has moved to the new province (the account becomes normal from the next month).
        HukouMovedIn = "hukou_moved_in",
        /// The move was arranged by the state (organised transfer of staff).
        StateArranged = "state_arranged",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Precheck {
    pub route: Route,
    /// The exception that turned a temporary account into this transfer.
    pub exception: Option<TemporaryException>,
    pub unmet: Vec<Unmet>,
    /// Pension: months unpaid at the old place. They do not stop the transfer; unless paid
    /// first they do not count and move no funds (人社部规〔2016〕5号), so the estimate leaves
    /// them out.
    pub arrears: Vec<Month>,
    pub estimate: FundsEstimate,
    /// Pension only.
    pub paying_place: Option<(Named, super::pension::PayingPlaceRule)>,
}

/// A place the person can choose, with what the record says of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceChoice {
    pub code: String,
    pub name: Named,
    pub months_paid: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DraftStep {
    Places,
    Contact,
    Check,
}

impl DraftStep {
    pub const ALL: [DraftStep; 3] = [DraftStep::Places, DraftStep::Contact, DraftStep::Check];

    pub fn slug(self) -> &'static str {
        match self {
            DraftStep::Places => "places",
            DraftStep::Contact => "contact",
            DraftStep::Check => "check",
        }
    }
}

/// The answers of a request being written, as saved on the server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftAnswers {
    pub from: Option<String>,
    pub to: Option<String>,
    pub phone: Option<String>,
    pub note: Option<String>,
    /// The answer to a temporary account's exceptions, when one applies.
    pub exception: Option<TemporaryException>,
}

/// The task list of a request being written: the answers so far, the choices, the pre-check
/// once the places are known, and the key its submission carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftView {
    pub kind: TransferKind,
    pub answers: DraftAnswers,
    pub from_choices: Vec<PlaceChoice>,
    pub to_choices: Vec<PlaceChoice>,
    pub precheck: Option<Precheck>,
    pub request_key: String,
    /// Places named in the answers, for the check page.
    pub from_name: Option<Named>,
    pub to_name: Option<Named>,
}

impl DraftView {
    pub fn places_done(&self) -> bool {
        self.answers.from.is_some() && self.answers.to.is_some()
    }

    pub fn contact_done(&self) -> bool {
        self.answers.phone.is_some()
    }

    pub fn ready(&self) -> bool {
        self.places_done()
            && self.contact_done()
            && self
                .precheck
                .as_ref()
                .is_some_and(|p| p.route == Route::Transfer && p.unmet.is_empty())
    }
}

/// A leg as the citizen and the offices see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegView {
    pub id: i64,
    pub step: Step,
    pub office: Named,
    pub status: LegStatus,
    pub limit_days: u32,
    pub opened_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    /// Past its due date while with the office.
    pub overdue: bool,
    /// The due date falls beyond the years the holiday table covers (weekends only).
    pub due_provisional: bool,
}

/// One recorded change: who, when, what and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventView {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub step: Option<Step>,
    pub reason: Option<RejectReason>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestSummary {
    pub reference: String,
    pub kind: TransferKind,
    pub from: Named,
    pub to: Named,
    pub status: RequestStatus,
    pub submitted_at: String,
    /// The office holding it now, when one does.
    pub holder: Option<Named>,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDetail {
    pub summary: RequestSummary,
    pub legs: Vec<LegView>,
    pub events: Vec<EventView>,
    pub version: i64,
    pub phone: String,
    pub note: String,
    pub estimate: FundsEstimate,
    /// Why a temporary account moves after all, as the citizen answered.
    pub exception: Option<TemporaryException>,
    /// The leg waiting for the citizen's material, with what the office asked.
    pub material_asked: Option<(i64, String)>,
    /// The last refusal, with its reason, when the request was rejected.
    pub rejection: Option<RejectReason>,
    pub can_withdraw: bool,
    /// What the record carried, once completed.
    pub carried_months: Option<i64>,
}

/// A leg in an office's queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub leg_id: i64,
    pub reference: String,
    pub kind: TransferKind,
    pub step: Step,
    pub status: LegStatus,
    pub person_name: String,
    pub from: Named,
    pub to: Named,
    pub due_on: NaiveDate,
    pub overdue: bool,
    /// The office holding it (the supervisor's view spans offices).
    pub office: Named,
}

/// One leg as its office reviews it, with the request around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegReview {
    pub leg: LegView,
    pub request: RequestDetail,
    pub person_name: String,
    pub resident_id: String,
    /// The months the old place's record shows for this insurance, for the reviewer's check.
    pub months_at_old_place: i64,
    pub arrears_at_old_place: i64,
    pub last_month_at_old_place: Option<Month>,
    /// Whether this office may decide now (the leg is theirs and with them).
    pub decidable: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use LegStatus::*;

    fn start() -> Vec<LegStatus> {
        initial_legs(3)
    }

    #[test]
    fn slugs_round_trip() {
        for k in TransferKind::ALL {
            assert_eq!(TransferKind::from_slug(k.slug()), Some(k));
        }
    }

    /// 国办发〔2009〕66号: three legs of 15 working days; 医保办发〔2021〕43号: transfer-out 10,
    /// transfer-in 5, the balance moving with the transfer-out.
    #[test]
    fn legal_limits() {
        let days = |k: TransferKind| k.legs().iter().map(|(_, d)| *d).collect::<Vec<_>>();
        assert_eq!(days(TransferKind::Pension), [15, 15, 15]);
        assert_eq!(days(TransferKind::Medical), [10, 5]);
        // Pension starts at the new place, medical at the old one.
        assert_eq!(TransferKind::Pension.legs()[0].0.side(), Side::New);
        assert_eq!(TransferKind::Medical.legs()[0].0.side(), Side::Old);
    }

    #[test]
    fn what_each_leg_does_to_the_record() {
        use RecordEffect::*;
        let effects = |steps: &[Step]| {
            steps
                .iter()
                .enumerate()
                .map(|(i, s)| s.effect(i, steps.len()))
                .collect::<Vec<_>>()
        };
        let steps = |k: TransferKind| k.legs().iter().map(|(s, _)| *s).collect::<Vec<_>>();
        assert_eq!(
            effects(&steps(TransferKind::Pension)),
            [
                Some(MarkTransferring),
                Some(EndOldRelationship),
                Some(CarryRecord)
            ]
        );
        assert_eq!(
            effects(&steps(TransferKind::Medical)),
            [Some(EndOldRelationship), Some(CarryRecord)]
        );
        // A medical request of the three-leg kind carries the record once, at its end.
        assert_eq!(
            effects(&[Step::TransferOut, Step::TransferIn, Step::AccountCredit]),
            [Some(EndOldRelationship), None, Some(CarryRecord)]
        );
    }

    #[test]
    fn accepting_every_leg_completes() {
        let legs = start();
        assert_eq!(legs, vec![Open, Waiting, Waiting]);
        let o = transition(RequestStatus::InProgress, &legs, 0, Action::Accept).unwrap();
        assert_eq!(o.legs, vec![Done, Open, Waiting]);
        assert_eq!(o.request, RequestStatus::InProgress);
        assert_eq!(o.changed(&legs), vec![0, 1]);
        let o = transition(o.request, &o.legs, 1, Action::Accept).unwrap();
        assert_eq!(o.legs, vec![Done, Done, Open]);
        let o = transition(o.request, &o.legs, 2, Action::Accept).unwrap();
        assert_eq!(o.legs, vec![Done, Done, Done]);
        assert_eq!(o.request, RequestStatus::Completed);
    }

    #[test]
    fn rejecting_cancels_the_rest() {
        let legs = vec![Done, Open, Waiting];
        let o = transition(
            RequestStatus::InProgress,
            &legs,
            1,
            Action::Reject(RejectReason::NotSuspended),
        )
        .unwrap();
        assert_eq!(o.legs, vec![Done, Rejected, Cancelled]);
        assert_eq!(o.request, RequestStatus::Rejected);
    }

    #[test]
    fn material_pauses_and_resumes() {
        let legs = start();
        let o = transition(RequestStatus::InProgress, &legs, 0, Action::AskMaterial).unwrap();
        assert_eq!(o.legs, vec![AwaitingMaterial, Waiting, Waiting]);
        // While waiting for material the office cannot accept or ask again, but may refuse.
        for refused in [Action::Accept, Action::AskMaterial] {
            assert_eq!(
                transition(o.request, &o.legs, 0, refused),
                Err(Refusal::LegNotOpen)
            );
        }
        let rejected = transition(
            o.request,
            &o.legs,
            0,
            Action::Reject(RejectReason::MaterialMissing),
        )
        .unwrap();
        assert_eq!(rejected.legs, vec![Rejected, Cancelled, Cancelled]);
        let o = transition(o.request, &o.legs, 0, Action::AnswerMaterial).unwrap();
        assert_eq!(o.legs, vec![Open, Waiting, Waiting]);
        assert_eq!(
            transition(o.request, &o.legs, 0, Action::AnswerMaterial),
            Err(Refusal::NoMaterialAsked)
        );
    }

    #[test]
    fn withdrawing_only_before_any_acceptance() {
        let o = transition(RequestStatus::InProgress, &start(), 0, Action::Withdraw).unwrap();
        assert_eq!(o.legs, vec![Cancelled, Cancelled, Cancelled]);
        assert_eq!(o.request, RequestStatus::Withdrawn);
        let paused = vec![AwaitingMaterial, Waiting, Waiting];
        assert_eq!(
            transition(RequestStatus::InProgress, &paused, 0, Action::Withdraw)
                .unwrap()
                .request,
            RequestStatus::Withdrawn
        );
        assert_eq!(
            transition(
                RequestStatus::InProgress,
                &[Done, Open, Waiting],
                1,
                Action::Withdraw
            ),
            Err(Refusal::AlreadyAccepted)
        );
    }

    #[test]
    fn waiting_and_finished_legs_refuse_decisions() {
        let legs = vec![Done, Open, Waiting];
        for leg in [0, 2] {
            for action in [
                Action::Accept,
                Action::AskMaterial,
                Action::Reject(RejectReason::NotSuspended),
            ] {
                assert_eq!(
                    transition(RequestStatus::InProgress, &legs, leg, action),
                    Err(Refusal::LegNotOpen),
                    "leg {leg} {action:?}"
                );
            }
        }
        assert_eq!(
            transition(RequestStatus::InProgress, &legs, 7, Action::Accept),
            Err(Refusal::LegNotOpen)
        );
    }

    #[test]
    fn closed_requests_refuse_everything() {
        let actions = [
            Action::Accept,
            Action::Reject(RejectReason::NotSuspended),
            Action::AskMaterial,
            Action::AnswerMaterial,
            Action::Withdraw,
        ];
        for status in [
            RequestStatus::Completed,
            RequestStatus::Rejected,
            RequestStatus::Withdrawn,
        ] {
            for action in actions {
                assert_eq!(
                    transition(status, &[Open, Waiting, Waiting], 0, action),
                    Err(Refusal::Closed)
                );
            }
        }
    }
}
