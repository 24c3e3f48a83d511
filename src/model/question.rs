//! The question the room is on: for the selected answer, the question it
//! answers, with the answers that led to it and the answer itself under
//! it (in progress while it is being typed). The facilitator's screen,
//! the presenter view and the audience window all show this, so they all
//! say "Why 3 of 5" of the same question. Pure.

use super::labels::problem_letter;
use super::session::Session;
use super::why::WhyNode;

/// The question the room is on.
#[derive(Debug, Clone, PartialEq)]
pub struct Current<'a> {
    /// Which why it is: 1 for the first "why?" of a problem; 0 for the
    /// problem statement itself.
    pub number: usize,
    /// The answer's label ("A3c"), or the problem's ("A").
    pub label: String,
    /// The question as the room typed it, if it did.
    pub typed: Option<&'a str>,
    /// The answer the question asks "why?" of (none for the problem).
    pub about: Option<&'a WhyNode>,
    /// What led to `about`, from the problem statement down (without
    /// `about` itself).
    pub chain: Vec<&'a WhyNode>,
    /// The answer under the question: the selected one, perhaps still
    /// being typed (empty).
    pub answer: Option<&'a WhyNode>,
}

impl Current<'_> {
    /// The question in words: the one typed, else "Why? — <the answer it
    /// asks about>", or for the problem "What is the problem?".
    pub fn question(&self) -> String {
        match (self.typed, self.about) {
            (Some(typed), _) => typed.to_string(),
            (None, Some(about)) => super::default_question(&about.answer),
            (None, None) => "What is the problem?".to_string(),
        }
    }

    /// "Why 3 of 5" (with `target` whys suggested), "Why 6 (past 5: is it
    /// actionable yet?)", or "The problem".
    pub fn heading(&self, target: usize) -> String {
        why_heading(self.number, target)
    }
}

/// How a why is named everywhere: "Why 3 of 5", "Why 6 (past 5: is it
/// actionable yet?)", and "The problem" for number 0.
pub fn why_heading(number: usize, target: usize) -> String {
    match number {
        0 => "The problem".to_string(),
        n if n <= target => format!("Why {n} of {target}"),
        n => format!("Why {n} (past {target}: is it actionable yet?)"),
    }
}

impl Session {
    /// The question the room is on when `selected` is the selected answer
    /// (the first problem when none is).
    pub fn current_question(&self, selected: Option<&str>) -> Current<'_> {
        let chain = match selected {
            Some(id) => self.chain_to(id),
            None => self.whys.first().into_iter().collect(),
        };
        let Some((&answer, above)) = chain.split_last() else {
            return Current {
                number: 0,
                label: problem_letter(0),
                typed: None,
                about: None,
                chain: Vec::new(),
                answer: None,
            };
        };
        let label = self.label_of(&answer.id).unwrap_or_default();
        let typed = Some(answer.question.trim()).filter(|q| !q.is_empty());
        match above.split_last() {
            None => Current {
                number: 0,
                label,
                typed: None,
                about: None,
                chain: Vec::new(),
                answer: Some(answer),
            },
            Some((&about, rest)) => Current {
                number: above.len(),
                label,
                typed,
                about: Some(about),
                chain: rest.to_vec(),
                answer: Some(answer),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_question_is_the_one_the_selected_answer_answers() {
        let now = "2026-11-22T10:00:00Z".parse().unwrap();
        let mut s = Session::new("t", now);
        let p = s.add_problem_statement("Checkout failed");
        let a = s.ask_why(&p).unwrap();
        s.node_mut(&a).unwrap().answer = "Payments timed out.".into();
        let b = s.ask_why(&a).unwrap();
        // Being typed: the question is about the answer above it.
        let c = s.current_question(Some(&b));
        assert_eq!((c.number, c.label.as_str()), (2, "A2a"));
        assert_eq!(c.question(), "Why? — Payments timed out");
        assert_eq!(c.heading(5), "Why 2 of 5");
        assert_eq!(c.chain.len(), 1, "the problem above it");
        assert_eq!(c.answer.map(|n| n.id.as_str()), Some(b.as_str()));
        s.node_mut(&b).unwrap().question = "Why did they time out?".into();
        assert_eq!(
            s.current_question(Some(&b)).question(),
            "Why did they time out?"
        );
        let problem = s.current_question(Some(&p));
        assert_eq!(
            (problem.number, problem.heading(5)),
            (0, "The problem".to_string())
        );
        assert_eq!(why_heading(6, 5), "Why 6 (past 5: is it actionable yet?)");
    }
}
