//! Makes user text inert: removes control characters, escape sequences and
//! bidirectional overrides before text reaches a terminal or an export.

/// Whether `c` is removed from user text: a control character or a
/// bidirectional formatting character.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Bidirectional formatting characters that can reorder displayed text.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Whether `text` cannot hold anything [`clean_line`] changes: no C0
/// control or DEL, and none of the lead bytes of C1 controls (`C2`) or of
/// the bidirectional controls (`D8`, `E2`). Most text is plain, and is
/// passed on as it is.
fn is_plain(text: &str) -> bool {
    !text
        .bytes()
        .any(|b| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2)
}

/// One line of user text, safe to print: escape sequences are dropped whole,
/// other control characters (tabs and newlines included) become spaces or
/// vanish, and bidi overrides are removed.
pub fn clean_line(text: &str) -> String {
    if is_plain(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // The one-character (C1) forms of CSI and of the string
            // sequences: their parameters go with them.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\t' | '\n' | '\r' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Multi-line user text, safe to print: like [`clean_line`] per line, with
/// line breaks kept as `\n`.
pub fn clean_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .split(['\n', '\r'])
        .map(clean_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// JSON text made inert for a terminal without changing what it means:
/// every control, C1 or bidirectional character left in it (serde_json
/// escapes only C0 inside strings) becomes a `\uXXXX` escape. Structural
/// newlines stay. Outside strings JSON has only ASCII whitespace, so these
/// characters can only be inside strings, where the escape reads back as
/// the same character.
pub fn inert_json(json: &str) -> String {
    if !json
        .bytes()
        .any(|b| (b < 0x20 && b != b'\n') || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2)
    {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && is_unsafe_char(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Skips the rest of an escape sequence after ESC: CSI (`ESC [ … final`),
/// OSC/DCS/APC/PM/SOS strings (up to BEL or ESC \), or one following char.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']' | 'P' | '_' | '^' | 'X') => skip_string(chars),
        _ => {}
    }
}

/// Skips a CSI sequence's parameters up to and including its final byte.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

/// Skips an OSC/DCS/APC/PM/SOS string up to BEL, ST or ESC \.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        if c == '\u{7}' || c == '\u{9c}' {
            break;
        }
        if c == '\u{1b}' {
            if chars.peek() == Some(&'\\') {
                chars.next();
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_its_meaning_and_loses_its_teeth() {
        let value = serde_json::json!({ "title": "a\u{9b}31m\u{202e}b\u{1b}]0;x\u{7}" });
        let text = inert_json(&serde_json::to_string_pretty(&value).unwrap());
        assert!(
            !text.chars().any(|c| c != '\n' && is_unsafe_char(c)),
            "{text:?}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn one_character_csi_and_osc_go_with_their_parameters() {
        assert_eq!(clean_line("T\u{9b}31mitle"), "Title");
        assert_eq!(clean_line("a\u{9d}0;PWNED\u{9c}b"), "ab");
        assert_eq!(clean_line("a\u{9d}0;PWNED\u{7}b"), "ab");
    }

    #[test]
    fn escapes_and_controls_are_removed() {
        assert_eq!(clean_line("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean_line("x\u{1b}]52;c;aGk=\u{7}y"), "xy");
        assert_eq!(clean_line("tab\there\u{7}"), "tab here");
        assert_eq!(clean_line("abc\u{202E}fed"), "abcfed");
        assert_eq!(clean_text("one\r\ntwo\u{1b}[2J"), "one\ntwo");
    }
}
