//! The index's tables. The session files are the truth; everything here
//! is derived from them and rebuilt when missing, damaged or of another
//! version.

/// Bumped whenever a table or what goes into one changes: an index of
/// another version is deleted and built again.
pub const VERSION: i32 = 5;

/// Written into the database header, so a file that is not ours is never
/// taken for the index.
pub const APPLICATION_ID: i32 = 0x0F17_E5A1;

/// The tables. Times are kept twice: as text, exactly as the file has
/// them, and as whole nanoseconds for sorting. Days are `yyyymmdd`.
pub const TABLES: &str = r#"
CREATE TABLE meta (name TEXT PRIMARY KEY, value) WITHOUT ROWID;

-- Every *.json entry of sessions/: its stamp, and either why it cannot be
-- read (reason) or what list shows of the session it holds.
CREATE TABLE sessions (
    key INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    len INTEGER NOT NULL, modified INTEGER NOT NULL,
    inode INTEGER NOT NULL, changed INTEGER NOT NULL,
    reason TEXT,
    id TEXT, title TEXT,
    created TEXT, created_ns INTEGER, updated TEXT, updated_ns INTEGER,
    stage TEXT, whys INTEGER, root_causes INTEGER,
    actions INTEGER, open_actions INTEGER,
    incident_day INTEGER, done_on_time INTEGER, done_late INTEGER,
    -- What stats counts, but for the open actions overdue (which depend
    -- on the day): done with no due date, dropped, still open, and the
    -- teams' actions and open ones (`team\x1factions\x1fopen` lines).
    done_undated INTEGER, dropped INTEGER, still_open INTEGER, teams TEXT,
    detect_minutes INTEGER, resolve_minutes INTEGER,
    -- The root causes' answers, one per line (stats counts their words).
    causes TEXT,
    -- 1 once the session's words are in the word index (they are added
    -- after the rows, so a new store lists before it can be searched).
    words INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_unsearched ON sessions (key) WHERE words = 0 AND reason IS NULL;
CREATE INDEX sessions_newest ON sessions (updated_ns DESC, created_ns DESC, id)
    WHERE reason IS NULL;
CREATE INDEX sessions_id ON sessions (id) WHERE reason IS NULL;
CREATE INDEX sessions_unreadable ON sessions (name) WHERE reason IS NOT NULL;

-- Every action of every session, open or not.
CREATE TABLE actions (
    session INTEGER NOT NULL, ord INTEGER NOT NULL,
    id TEXT NOT NULL, description TEXT NOT NULL,
    owner TEXT, team TEXT, due INTEGER, priority INTEGER NOT NULL,
    status TEXT NOT NULL, link TEXT, note TEXT NOT NULL,
    done_day INTEGER,
    PRIMARY KEY (session, ord)
) WITHOUT ROWID;
-- Status in the index too, so the open actions by due date are read
-- from the index alone.
CREATE INDEX actions_open_due ON actions (due, status)
    WHERE status IN ('open', 'in_progress');

-- Every searchable text of a session (intake, questions, answers,
-- evidence, actions, lessons), one document per session: rowid = the
-- session's key. Only which words it holds is kept (contentless, no
-- positions: a third quicker to build); where they are is in `texts`.
CREATE VIRTUAL TABLE words USING fts5 (
    text, content = '', contentless_delete = 1, detail = none,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Each searched session's lines with their places (`why A3b\tline`),
-- compressed (LZ4): where words were found and the line, without
-- reading and parsing the session file again.
CREATE TABLE texts (key INTEGER PRIMARY KEY, body BLOB NOT NULL);
-- How many sessions use each word: the rarest say most.
CREATE VIRTUAL TABLE vocab USING fts5vocab (words, row);
-- Fewer, larger segments while a store is indexed: less merging.
INSERT INTO words (words, rank) VALUES ('hashsize', 16777216);
"#;
