//! Makes user text inert: removes control characters, escape sequences and
//! bidirectional overrides before text reaches a terminal or an export.

use std::borrow::Cow;

/// Whether `c` is removed from user text: a control character or a
/// bidirectional formatting character.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Bidirectional formatting characters that can reorder displayed text.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Whether `text` holds nothing [`clean_line`] changes: no C0 control or
/// DEL, no C1 control (`C2 80`–`C2 9F`) and no bidirectional control
/// (`D8 9C`, `E2 80 8E`/`8F`/`AA`–`AE`, `E2 81 A6`–`A9`). Most text is
/// plain, and is passed on as it is; dashes, ellipses and accents are
/// plain too.
fn is_plain(text: &str) -> bool {
    is_plain_but(text, None)
}

/// Like [`is_plain`], allowing the byte `allowed` (a newline, say).
fn is_plain_but(text: &str, allowed: Option<u8>) -> bool {
    const CHUNK: usize = 32;
    let b = text.as_bytes();
    let allowed = allowed.unwrap_or(0x20);
    // A byte that could start something unsafe. Checked over fixed-size
    // chunks with no early exit inside, which the compiler makes wide.
    let suspect = |c: u8| {
        u8::from(c < 0x20 && c != allowed)
            | u8::from(c == 0x7f)
            | u8::from(c == 0xc2)
            | u8::from(c == 0xd8)
            | u8::from(c == 0xe2)
    };
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    // Whether the character starting at byte `i` is unsafe; it may run on
    // into the next chunk.
    let unsafe_at = |i: usize| match b[i] {
        0x7f => true,
        c if c < 0x20 => c != allowed,
        0xc2 => (0x80..=0x9f).contains(&at(i + 1)),
        0xd8 => at(i + 1) == 0x9c,
        0xe2 => matches!(
            (at(i + 1), at(i + 2)),
            (0x80, 0x8e | 0x8f | 0xaa..=0xae) | (0x81, 0xa6..=0xa9)
        ),
        _ => false,
    };
    // Only a chunk with a suspect byte (a dash, say) is looked at closely.
    let chunks = b.chunks_exact(CHUNK);
    let tail = chunks.remainder();
    for (n, chunk) in chunks.enumerate() {
        let suspects = chunk.iter().fold(0, |seen, &c| seen | suspect(c));
        if suspects != 0 && (n * CHUNK..(n + 1) * CHUNK).any(unsafe_at) {
            return false;
        }
    }
    let suspects = tail.iter().fold(0, |seen, &c| seen | suspect(c));
    suspects == 0 || !(b.len() - tail.len()..b.len()).any(unsafe_at)
}

/// A file's path, safe to print and still naming the file: control and
/// bidi characters, a backslash and bytes that are not UTF-8 are written
/// as visible escapes (`\n`, `\x1b`, `\u{202e}`, `\xff`) in the manner of
/// `ls -b`, so a name with a newline stays on one line and can be typed
/// back, rather than losing characters and naming a file that does not
/// exist.
pub fn escaped_path(path: &std::path::Path) -> String {
    fn push_char(out: &mut String, c: char) {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe_char(c) && (c as u32) < 0x80 => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if is_unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    let mut out = String::new();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            chunk.valid().chars().for_each(|c| push_char(&mut out, c));
            for byte in chunk.invalid() {
                out.push_str(&format!("\\x{byte:02x}"));
            }
        }
    }
    #[cfg(not(unix))]
    path.to_string_lossy()
        .chars()
        .for_each(|c| push_char(&mut out, c));
    out
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
    cleaned(text).into_owned()
}

/// Like [`clean_text`], borrowing `text` when it is already clean (most
/// is), so large output is not copied on its way out.
pub fn cleaned(text: &str) -> Cow<'_, str> {
    if is_plain_but(text, Some(b'\n')) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(clean_slow(text))
}

/// Text that has been through [`cleaned`]: safe to print as it is. Text
/// made on many cores is cleaned where it is made, while it is still in
/// that core's cache, and then written with nothing more to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clean(String);

impl Clean {
    /// `text`, cleaned as [`cleaned`] does; not copied when it is clean.
    pub fn new(text: String) -> Clean {
        match cleaned(&text) {
            Cow::Borrowed(_) => Clean(text),
            Cow::Owned(clean) => Clean(clean),
        }
    }

    /// The clean text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// [`clean_line`] for text that may not be, borrowing it when it is.
pub fn cleaned_line(text: &str) -> Cow<'_, str> {
    if is_plain(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(clean_line(text))
    }
}

fn clean_slow(text: &str) -> String {
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
    if is_plain_but(json, Some(b'\n')) {
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

    /// The byte-level fast path says "plain" exactly when no character is
    /// one the slow path would drop or change.
    #[test]
    fn the_fast_path_knows_every_unsafe_character() {
        let near = [
            '\u{7e}', '\u{7f}', '\u{80}', '\u{9f}', '\u{a0}', '\u{bf}', '\u{61b}', '\u{61c}',
            '\u{61d}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{2010}', '\u{2014}', '\u{2026}',
            '\u{2029}', '\u{202a}', '\u{202e}', '\u{202f}', '\u{2065}', '\u{2066}', '\u{2069}',
            '\u{206a}', '\u{20ac}', 'é', 'a', ' ', '\n', '\t',
        ];
        // Every pair alone, and across the edge of the fast path's chunks.
        let texts = near.iter().flat_map(|a| {
            near.iter().flat_map(move |b| {
                [0, 29, 30, 31, 32, 60].map(|pad| format!("{}x{a}{b}y", "p".repeat(pad)))
            })
        });
        for text in texts {
            {
                let unsafe_any = text.chars().any(is_unsafe_char);
                assert_eq!(is_plain(&text), !unsafe_any, "{text:?}");
                let lines_unsafe = text.chars().any(|c| c != '\n' && is_unsafe_char(c));
                assert_eq!(is_plain_but(&text, Some(b'\n')), !lines_unsafe, "{text:?}");
            }
        }
    }
}
