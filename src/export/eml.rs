//! The email draft: one message a mail client opens as a new, unsent
//! email — the plain text and the HTML summaries as alternatives of one
//! MIME message, the summary's subject, `X-Unsent: 1`, and addressed to
//! the participants who have an email address (to nobody otherwise).

use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::raw::Raw;

use super::{Context, html, summary, text};
use crate::model::Session;

/// The draft of `session`'s summary as an RFC 5322 message (CRLF lines).
pub fn eml(session: &Session, ctx: &Context) -> String {
    let doc = summary(session, ctx);
    let recipients: Vec<Address> = session
        .participants
        .iter()
        .filter_map(|p| {
            let email = p.email.as_deref()?.trim();
            (!email.is_empty()).then(|| {
                let name = super::sanitize::clean_line(&p.name);
                Address::new_address(Some(name), email.to_string())
            })
        })
        .collect();
    // Date and Message-ID written here, from what the export was given:
    // left to the builder, they would read the clock and put this
    // machine's name into a draft that is shared.
    let stamp = ctx.now.as_second();
    let mut message = MessageBuilder::new()
        .message_id(format!("{}.{stamp}@fivewhys.invalid", session.id))
        .date(stamp)
        .subject(super::sanitize::clean_line(&doc.subject))
        .header("X-Unsent", Raw::new("1"))
        .text_body(text(session, ctx))
        .html_body(html(session, ctx));
    if !recipients.is_empty() {
        message = message.to(Address::new_list(recipients));
    }
    // Written to memory: it cannot fail.
    message.write_to_string().unwrap_or_default()
}
