//! The session model: [`Session`], [`Participant`], the [`WhyNode`] tree,
//! [`ActionItem`]s, and the edit operations on them.
//!
//! Pure data with serde: this module never touches files, the terminal or
//! the clock (callers pass `now`). Every edit keeps the invariants checked
//! by [`Session::validate`].

mod action;
pub mod blameless;
pub mod conflict;
mod gaps;
pub mod ids;
pub mod kind;
pub mod labels;
mod lessons;
mod meeting;
pub mod merge;
mod outline;
mod question;
mod session;
mod validate;
mod why;
mod why_file;
mod why_list;

pub use action::{ActionItem, ActionStatus, Priority, When};
pub use conflict::{Conflict, ConflictOn, Side};
pub use gaps::{Gaps, Tally};
pub use kind::{DEFAULT_KIND, Vocabulary};
pub use lessons::Lesson;
pub use meeting::{Cursor, Meeting, StageTime};
pub use merge::{Merged, merge};
pub use outline::{Outline, WhyWindow};
pub use question::{Current, why_heading};
pub use session::{
    CustomerImpact, Intake, KeyMoment, Participant, Role, SCHEMA_VERSION, Session, Severity, Stage,
};
pub use validate::Invalid;
pub use why::{Confidence, Direction, EditError, TreePath, WhyNode, default_question, question_of};
pub use why_list::WhyList;
