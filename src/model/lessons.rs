//! The three lists of lessons beside the why tree: what went well (named
//! and appreciated), what went wrong besides the root causes, and where we
//! got lucky. Pure.

use super::session::Session;

/// Which list of lessons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lesson {
    /// What went well.
    Well,
    /// What went wrong.
    Wrong,
    /// Where we got lucky.
    Lucky,
}

impl Lesson {
    /// The lists, in the order they are shown.
    pub const ALL: [Lesson; 3] = [Lesson::Well, Lesson::Wrong, Lesson::Lucky];

    /// The list's heading.
    pub fn heading(self) -> &'static str {
        match self {
            Lesson::Well => "What went well",
            Lesson::Wrong => "What went wrong",
            Lesson::Lucky => "Where we got lucky",
        }
    }

    /// What an empty list asks for, about an `event` ("incident").
    pub fn prompt(self, event: &str) -> String {
        match self {
            Lesson::Well => format!("Name the good work done during the {event}."),
            Lesson::Wrong => "What went wrong besides the root causes?".to_string(),
            Lesson::Lucky => "What could have made it worse, and did not?".to_string(),
        }
    }
}

impl Session {
    /// One list of lessons.
    pub fn lessons(&self, lesson: Lesson) -> &Vec<String> {
        match lesson {
            Lesson::Well => &self.went_well,
            Lesson::Wrong => &self.went_wrong,
            Lesson::Lucky => &self.lucky,
        }
    }

    /// One list of lessons, to change.
    pub fn lessons_mut(&mut self, lesson: Lesson) -> &mut Vec<String> {
        match lesson {
            Lesson::Well => &mut self.went_well,
            Lesson::Wrong => &mut self.went_wrong,
            Lesson::Lucky => &mut self.lucky,
        }
    }
}
